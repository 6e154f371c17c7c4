// managedFields across the scale subresource (apimachinery's managedfields.ScaleHandler):
// a Scale shows who owns the replicas of its parent, and a write to the Scale hands that
// ownership back to the parent's replicas path.
import type { ManagedFieldsEntry } from '../../../core/object.ts';
import { FieldSet } from './field-set.ts';
import { decodeManagedFields, encodeManagedFields, type Managers } from './managers.ts';
import type { FieldPath } from './path-element.ts';

const scaleApiVersion = 'autoscaling/v1';
const replicasInScale: FieldPath = [{ field: 'spec' }, { field: 'replicas' }];

/** Where each group-version of the parent keeps its replicas (a Deployment's, in every apps version). */
export type ReplicasPaths = Readonly<Record<string, FieldPath>>;

export const deploymentReplicasPaths: ReplicasPaths = {
  'apps/v1beta1': replicasInScale,
  'apps/v1beta2': replicasInScale,
  'apps/v1': replicasInScale,
};

/** A core/v1 ReplicationController's, in its only version. */
export const replicationControllerReplicasPaths: ReplicasPaths = { v1: replicasInScale };

/**
 * The Scale's managedFields: the parent's entries that own the replicas (in a version
 * that has them), each owning only the Scale's spec.replicas, in autoscaling/v1.
 */
export function toScaleManagedFields(
  parent: readonly ManagedFieldsEntry[],
  paths: ReplicasPaths,
): ManagedFieldsEntry[] {
  const managers = decodeManagedFields(parent);
  const out: Managers = new Map();
  for (const [id, entry] of managers) {
    const path = paths[entry.apiVersion];
    if (path === undefined || !entry.set.has(path)) continue;
    out.set(id, { ...entry, apiVersion: scaleApiVersion, set: FieldSet.of(replicasInScale) });
  }
  return encodeManagedFields(out);
}

/**
 * The parent's managedFields after a Scale write whose managedFields are `scale`, for a
 * request in `groupVersion`. Parent entries in a version without replicas are dropped;
 * those that own the replicas lose them unless the same identifier still owns them in
 * the Scale; Scale owners of the replicas with no such parent entry get a new entry of
 * the parent's replicas path, with the parent entry's time: none. Identifiers of Update
 * entries include their apiVersion, so an Update manager's Scale entry never matches its
 * parent entry, as in kube-apiserver (which then splits that entry in two).
 */
export function toParentManagedFields(
  parent: readonly ManagedFieldsEntry[],
  scale: readonly ManagedFieldsEntry[],
  paths: ReplicasPaths,
  groupVersion: string,
): ManagedFieldsEntry[] {
  const parentManagers = decodeManagedFields(parent);
  const scaleManagers = decodeManagedFields(scale);
  const out: Managers = new Map();
  for (const [id, entry] of parentManagers) {
    if (!(entry.apiVersion in paths)) continue;
    const path = paths[entry.apiVersion];
    if (path === undefined || !entry.set.has(path)) {
      out.set(id, entry);
      continue;
    }
    if (scaleManagers.has(id)) {
      out.set(id, entry);
      scaleManagers.delete(id);
      continue;
    }
    const set = entry.set.difference(FieldSet.of(path));
    if (!set.empty) out.set(id, { ...entry, set });
  }
  const parentPath = paths[groupVersion] ?? replicasInScale;
  for (const [id, entry] of scaleManagers) {
    if (!entry.set.has(replicasInScale)) continue;
    const time = parentManagers.get(id)?.time;
    out.set(id, { ...entry, apiVersion: groupVersion, time, set: FieldSet.of(parentPath) });
  }
  return encodeManagedFields(out);
}
