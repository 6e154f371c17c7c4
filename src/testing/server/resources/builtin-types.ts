import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { customResourceDefinitions } from '../crd/crd-type.ts';
import { persistentVolumeClaims } from './claim-type.ts';
import { events, serviceAccounts } from './core-more-types.ts';
import { endpointSlices } from './discovery-types.ts';
import { apiServices } from './apiservice-type.ts';
import { eventsV1 } from './events-v1-type.ts';
import { endpoints } from './endpoints-type.ts';
import { networkingTypes } from './networking-types.ts';
import { nodes } from './node-type.ts';
import { defaultPodSpec } from './pod-defaults.ts';
import { defaultRequestsFromLimits } from './pod-qos.ts';
import { podDisruptionBudgets } from './policy-types.ts';
import { rbacTypes } from './rbac-types.ts';
import { replicationControllers } from './replication-controller-type.ts';
import { services } from './service-type.ts';
import { cronJobs, daemonSets, jobs, replicaSets, statefulSets } from './workload-types.ts';
import {
  deploymentStatusUpdate,
  namespaceStatusUpdate,
  namespaceUpdate,
  podStatusUpdate,
} from './status-strategies.ts';
import { objectAt } from './object-at.ts';
import { crud, standardVerbs } from './verbs.ts';
import { validateDeployment } from './validate-workloads.ts';
import { validatePod } from './validate-pod-template.ts';
import { validateConfigMapKeys, validateSecretKeys } from './validate-config-keys.ts';

type Json = Record<string, unknown>;

export const namespaces: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  shortNames: ['ns'],
  verbs: crud,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: true,
  prepareForUpdate: namespaceUpdate,
  finalizeSubresource: true,
  prepareStatusUpdate: namespaceStatusUpdate,
  applyDefaults: (object: KubeObject) => {
    const metadata = (object.metadata ??= {});
    const name = metadata.name;
    if (name !== undefined) metadata.labels = { ...metadata.labels, 'kubernetes.io/metadata.name': name };
  },
  admitOnCreate: (object) => {
    objectAt(object, 'spec').finalizers ??= ['kubernetes'];
  },
};

export const configMaps: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  singular: 'configmap',
  namespaced: true,
  shortNames: ['cm'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: false,
  validate: validateConfigMapKeys,
};

export const secrets: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  shortNames: [],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: false,
  validate: validateSecretKeys,
  applyDefaults: (object) => {
    object.type ??= 'Opaque';
    // stringData is write-only: folded into data as base64, as the real server does.
    const stringData = object.stringData;
    if (typeof stringData === 'object' && stringData !== null) {
      const data = objectAt(object, 'data');
      for (const [key, value] of Object.entries(stringData as Json)) {
        data[key] = Buffer.from(String(value)).toString('base64');
      }
      delete object.stringData;
    }
  },
};

export const pods: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  namespaced: true,
  shortNames: ['po'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'spec',
  statusSubresource: true,
  prepareStatusUpdate: podStatusUpdate,
  categories: ['all'],
  validate: validatePod,
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    defaultRequestsFromLimits(object);
    defaultPodSpec(spec);
    spec.enableServiceLinks ??= true;
  },
  // What the default admission plugins (DefaultTolerationSeconds, Priority) add.
  admitOnCreate: (object) => {
    const spec = objectAt(object, 'spec');
    spec.tolerations ??= ['not-ready', 'unreachable'].map((condition) => ({
      key: `node.kubernetes.io/${condition}`,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    }));
    spec.priority ??= 0;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
  },
};

export const deployments: ResourceType = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  singular: 'deployment',
  namespaced: true,
  shortNames: ['deploy'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'spec-and-annotations',
  statusSubresource: true,
  prepareStatusUpdate: deploymentStatusUpdate,
  scaleSubresource: true,
  categories: ['all'],
  validate: validateDeployment,
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    spec.replicas ??= 1;
    const strategy = objectAt(spec, 'strategy');
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = objectAt(strategy, 'rollingUpdate');
      rollingUpdate.maxUnavailable ??= '25%';
      rollingUpdate.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    defaultPodSpec(objectAt(objectAt(spec, 'template'), 'spec'));
  },
};

export const leases: ResourceType = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  singular: 'lease',
  namespaced: true,
  shortNames: [],
  verbs: standardVerbs,
  unconditionalUpdate: false,
  createOnUpdate: true,
  generation: 'none',
  statusSubresource: false,
};

// Groups in kube-apiserver's order of /apis (apiregistration.k8s.io, apps, events.k8s.io, ..., batch, ..., networking.k8s.io, policy, rbac.authorization.k8s.io, ..., apiextensions.k8s.io, coordination.k8s.io, discovery.k8s.io).
export const builtinTypes: readonly ResourceType[] = [
  namespaces,
  configMaps,
  secrets,
  pods,
  services,
  endpoints,
  persistentVolumeClaims,
  replicationControllers,
  nodes,
  serviceAccounts,
  events,
  apiServices,
  deployments,
  replicaSets,
  statefulSets,
  daemonSets,
  eventsV1,
  cronJobs,
  jobs,
  ...networkingTypes,
  podDisruptionBudgets,
  ...rbacTypes,
  customResourceDefinitions,
  leases,
  endpointSlices,
];
