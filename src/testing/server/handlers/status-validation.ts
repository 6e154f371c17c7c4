// What kube-apiserver validates of a status written through `/status` (beyond metadata):
// a Deployment's and a ReplicationController's replica counts (ValidateDeploymentStatusUpdate
// and ValidateReplicationControllerStatusUpdate of k8s.io/kubernetes v1.36.3). Other kinds'
// status rules are not checked here.
import { type Cause, invalid } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { invalidValue } from './validate.ts';

type Counts = Record<string, unknown>;
const count = (status: Counts, key: string): number => (typeof status[key] === 'number' ? status[key] : 0);
const notNegative = 'must be greater than or equal to 0';
const counters = [
  'observedGeneration',
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
  'terminatingReplicas',
  'collisionCount',
];

/** Throws kube-apiserver's 422 for a status it refuses. */
export function validateStatusWrite(type: ResourceType, object: KubeObject, live: KubeObject): void {
  const causes = statusCauses(type, (object.status ?? {}) as Counts, (live.status ?? {}) as Counts);
  if (causes.length > 0) throw invalid(type, object.metadata?.name ?? '', causes);
}

function statusCauses(type: ResourceType, status: Counts, old: Counts): Cause[] {
  if (type.group === 'apps' && type.kind === 'Deployment') return deploymentStatusCauses(status, old);
  if (type.group === '' && type.kind === 'ReplicationController') return replicationControllerStatusCauses(status);
  return [];
}

function deploymentStatusCauses(status: Counts, old: Counts): Cause[] {
  const causes: Cause[] = [];
  for (const key of counters) {
    if (count(status, key) < 0) causes.push(invalidValue(`status.${key}`, count(status, key), notNegative));
  }
  const replicas = count(status, 'replicas');
  for (const key of ['updatedReplicas', 'readyReplicas', 'availableReplicas']) {
    if (count(status, key) > replicas) {
      causes.push(invalidValue(`status.${key}`, count(status, key), 'cannot be greater than status.replicas'));
    }
  }
  if (count(status, 'availableReplicas') > count(status, 'readyReplicas')) {
    const available = count(status, 'availableReplicas');
    causes.push(invalidValue('status.availableReplicas', available, 'cannot be greater than readyReplicas'));
  }
  const collisions = status.collisionCount;
  if (typeof old.collisionCount === 'number' && (typeof collisions !== 'number' || collisions < old.collisionCount)) {
    causes.push(invalidValue('status.collisionCount', collisions ?? 0, 'cannot be decremented'));
  }
  return causes;
}

function replicationControllerStatusCauses(status: Counts): Cause[] {
  const causes: Cause[] = [];
  for (const key of ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration']) {
    if (count(status, key) < 0) causes.push(invalidValue(`status.${key}`, count(status, key), notNegative));
  }
  const replicas = count(status, 'replicas');
  for (const key of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) {
    if (count(status, key) > replicas) {
      causes.push(invalidValue(`status.${key}`, count(status, key), 'cannot be greater than status.replicas'));
    }
  }
  if (count(status, 'availableReplicas') > count(status, 'readyReplicas')) {
    const available = count(status, 'availableReplicas');
    causes.push(invalidValue('status.availableReplicas', available, 'cannot be greater than readyReplicas'));
  }
  return causes;
}
