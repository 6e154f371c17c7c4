// apps/v1 ReplicaSets and StatefulSets and batch/v1 CronJobs: stored and served with
// kube-apiserver v1.36.3's defaults (pkg/apis/apps/v1 and pkg/apis/batch/v1 defaults.go)
// and strategies (status and scale subresources, generation on spec changes). No
// controller runs: they get no Pods or Jobs, and their status is what `/status` writes.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { defaultPodSpec } from './pod-defaults.ts';

type Json = Record<string, unknown>;
const objectAt = (parent: Json, key: string): Json => {
  const value = parent[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  const created: Json = {};
  parent[key] = created;
  return created;
};
const templateSpecOf = (spec: Json): Json => objectAt(objectAt(spec, 'template'), 'spec');

const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

/** Their status strategies keep the stored spec, nothing else. */
function keepSpec(object: KubeObject, live: KubeObject): void {
  if (live.spec === undefined) Reflect.deleteProperty(object, 'spec');
  else object.spec = structuredClone(live.spec);
}

const workload = (group: string, kind: string, shortName: string, scale: boolean): ResourceType => ({
  group,
  version: 'v1',
  kind,
  plural: `${kind.toLowerCase()}s`,
  singular: kind.toLowerCase(),
  namespaced: true,
  shortNames: [shortName],
  verbs,
  unconditionalUpdate: true,
  generation: 'spec',
  statusSubresource: true,
  prepareStatusUpdate: keepSpec,
  statusOnCreate: {},
  scaleSubresource: scale,
  categories: ['all'],
});

export const replicaSets: ResourceType = {
  ...workload('apps', 'ReplicaSet', 'rs', true),
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    spec.replicas ??= 1;
    defaultPodSpec(templateSpecOf(spec));
  },
};

export const statefulSets: ResourceType = {
  ...workload('apps', 'StatefulSet', 'sts', true),
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    spec.podManagementPolicy ||= 'OrderedReady';
    const strategy = objectAt(spec, 'updateStrategy');
    if (!strategy.type) {
      strategy.type = 'RollingUpdate';
      objectAt(strategy, 'rollingUpdate');
    }
    const rollingUpdate = strategy.rollingUpdate;
    if (strategy.type === 'RollingUpdate' && typeof rollingUpdate === 'object' && rollingUpdate !== null)
      (rollingUpdate as Json).partition ??= 0;
    const retention = objectAt(spec, 'persistentVolumeClaimRetentionPolicy');
    retention.whenDeleted ||= 'Retain';
    retention.whenScaled ||= 'Retain';
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    defaultPodSpec(templateSpecOf(spec));
  },
};

export const cronJobs: ResourceType = {
  ...workload('batch', 'CronJob', 'cj', false),
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    spec.concurrencyPolicy ||= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    defaultPodSpec(templateSpecOf(objectAt(objectAt(spec, 'jobTemplate'), 'spec')));
  },
};
