// The columns kube-apiserver's printers (k8s.io/kubernetes pkg/printers/internalversion)
// give each built-in kind, descriptions word for word, and the cells they compute. The
// server always computes the wide columns (priority 1); kubectl shows them with -o wide.
import type { KubeObject } from '../../../core/object.ts';
import { age } from './human-duration.ts';
import { selectorString } from './selector-string.ts';

import {
  ageColumn,
  ageDescription,
  column,
  nameColumn,
  type Printer,
  templateContainerColumns,
} from './column-definitions.ts';
import {
  clusterRoleBindingPrinter,
  createdAtPrinter,
  roleBindingPrinter,
  serviceAccountPrinter,
} from './access-printers.ts';
import { endpointSlicePrinter } from './discovery-printers.ts';
import { apiServicePrinter } from './apiservice-printer.ts';
import { endpointsPrinter } from './endpoints-printer.ts';
import { eventPrinter } from './event-printer.ts';
import { eventsV1ToCore } from '../resources/event-conversion.ts';
import { ingressPrinter, networkPolicyPrinter } from './networking-printers.ts';
import { persistentVolumeClaimPrinter } from './persistent-volume-claim-printer.ts';
import { nodePrinter } from './node-printer.ts';
import { podPrinter } from './pod-printer.ts';
import { podDisruptionBudgetPrinter } from './policy-printers.ts';
import { servicePrinter } from './service-printer.ts';
import {
  cronJobPrinter,
  daemonSetPrinter,
  jobPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workload-printers.ts';
import { type Json, objectAt, text } from './json-access.ts';

export type { Printer } from './column-definitions.ts';

const count = (value: unknown) => (typeof value === 'object' && value !== null ? Object.keys(value).length : 0);
const int = (value: unknown) => (typeof value === 'number' ? value : 0);
const name = (object: KubeObject) => object.metadata?.name ?? '';
const created = (object: KubeObject, now: Date) => age(object.metadata?.creationTimestamp, now);

const configMap: Printer = {
  columns: [
    nameColumn,
    column(
      'Data',
      "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.",
    ),
    ageColumn,
  ],
  cells: (object, now) => [name(object), count(object.data) + count(object.binaryData), created(object, now)],
};

const secret: Printer = {
  columns: [
    nameColumn,
    column(
      'Type',
      'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types',
    ),
    column(
      'Data',
      "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
    ),
    ageColumn,
  ],
  cells: (object, now) => [name(object), text(object.type), count(object.data), created(object, now)],
};

const namespace: Printer = {
  columns: [nameColumn, column('Status', 'The status of the namespace'), ageColumn],
  cells: (object, now) => [name(object), text(objectAt(object, 'status').phase), created(object, now)],
};

const lease: Printer = {
  columns: [
    nameColumn,
    column(
      'Holder',
      'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.',
    ),
    ageColumn,
  ],
  cells: (object, now) => [name(object), text(objectAt(object, 'spec').holderIdentity), created(object, now)],
};

const deployment: Printer = {
  columns: [
    nameColumn,
    column('Ready', 'Number of the pod with ready state'),
    column(
      'Up-to-date',
      'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
    ),
    column(
      'Available',
      'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.',
    ),
    ageColumn,
    ...templateContainerColumns,
    column(
      'Selector',
      "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
      { priority: 1 },
    ),
  ],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const status = objectAt(object, 'status');
    const podSpec = objectAt(objectAt(spec, 'template'), 'spec');
    const containers = (Array.isArray(podSpec.containers) ? podSpec.containers : []) as Json[];
    return [
      name(object),
      `${String(int(status.readyReplicas))}/${String(int(spec.replicas))}`,
      int(status.updatedReplicas),
      int(status.availableReplicas),
      created(object, now),
      containers.map((container) => text(container.name)).join(','),
      containers.map((container) => text(container.image)).join(','),
      selectorString(spec.selector as Parameters<typeof selectorString>[0]),
    ];
  },
};

/**
 * What kube-apiserver prints for a kind without printer: a custom resource without
 * additionalPrinterColumns. Its Age column says `date` but holds the same text.
 */
export const defaultPrinter: Printer = {
  columns: [nameColumn, column('Age', ageDescription, { type: 'date' })],
  cells: (object, now) => [name(object), created(object, now)],
};

/** The Scale of a `/scale` subresource (printScale): its Name column has no `name` format. */
const scale: Printer = {
  columns: [
    column('Name', nameColumn.description),
    column('Desired', 'replicas is the desired number of instances for the scaled object.', { type: 'integer' }),
    column('Available', 'replicas is the actual number of observed instances of the scaled object.', {
      type: 'integer',
    }),
    ageColumn,
  ],
  cells: (object, now) => [
    name(object),
    int(objectAt(object, 'spec').replicas),
    int(objectAt(object, 'status').replicas),
    created(object, now),
  ],
};

const builtin: Readonly<Record<string, Printer>> = {
  'v1/ConfigMap': configMap,
  'v1/Secret': secret,
  'v1/Namespace': namespace,
  'v1/Pod': podPrinter,
  'apps/v1/Deployment': deployment,
  'coordination.k8s.io/v1/Lease': lease,
  'autoscaling/v1/Scale': scale,
  'v1/ServiceAccount': serviceAccountPrinter,
  'v1/Endpoints': endpointsPrinter,
  'v1/Service': servicePrinter,
  'v1/Event': eventPrinter,
  // kube-apiserver prints both versions with the core printer, from the core form.
  'events.k8s.io/v1/Event': {
    ...eventPrinter,
    cells: (object, now) => eventPrinter.cells(eventsV1ToCore(object), now),
  },
  'v1/PersistentVolumeClaim': persistentVolumeClaimPrinter,
  'v1/ReplicationController': replicationControllerPrinter,
  'v1/Node': nodePrinter,
  'apps/v1/ReplicaSet': replicaSetPrinter,
  'apps/v1/StatefulSet': statefulSetPrinter,
  'apps/v1/DaemonSet': daemonSetPrinter,
  'batch/v1/Job': jobPrinter,
  'batch/v1/CronJob': cronJobPrinter,
  'networking.k8s.io/v1/Ingress': ingressPrinter,
  'networking.k8s.io/v1/NetworkPolicy': networkPolicyPrinter,
  'discovery.k8s.io/v1/EndpointSlice': endpointSlicePrinter,
  'apiregistration.k8s.io/v1/APIService': apiServicePrinter,
  'policy/v1/PodDisruptionBudget': podDisruptionBudgetPrinter,
  'rbac.authorization.k8s.io/v1/Role': createdAtPrinter,
  'rbac.authorization.k8s.io/v1/ClusterRole': createdAtPrinter,
  'rbac.authorization.k8s.io/v1/RoleBinding': roleBindingPrinter,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': clusterRoleBindingPrinter,
};

/** The printer of a built-in kind (`apps/v1`, `Deployment`); undefined for other kinds. */
export const builtinPrinter = (apiVersion: string, kind: string): Printer | undefined =>
  builtin[`${apiVersion}/${kind}`];
