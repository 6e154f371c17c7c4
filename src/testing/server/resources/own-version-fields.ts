// managedFields of an object two resources share (core/v1 and events.k8s.io/v1 Events):
// kube-apiserver cannot compare an entry of the other version with the write's, and drops
// it, Apply entries too: measured on kube-apiserver v1.36.3, a write through one version,
// even one that changes nothing, leaves only the entries of its own version.
import type { ManagedFieldsEntry } from '../../../core/object.ts';
import type { FieldTracker } from '../fields/field-tracker.ts';
import { groupVersion } from '../resource-type.ts';

const own = (entries: readonly ManagedFieldsEntry[] | undefined, apiVersion: string) =>
  (entries ?? []).filter((entry) => entry.apiVersion === apiVersion);

/**
 * `fields` with every entry of another apiVersion dropped from what a write records. The
 * other version's managers are still seen while the write is computed (an apply may
 * conflict with them, where kube-apiserver would have dropped them first).
 */
export function ownVersionFields(fields: FieldTracker): FieldTracker {
  return {
    update(args) {
      return own(fields.update(args), groupVersion(args.type));
    },
    apply(args) {
      const result = fields.apply(args);
      if (!('object' in result)) return result;
      const entries = result.object.metadata?.managedFields;
      const kept = own(entries, groupVersion(args.type));
      if (entries === undefined || kept.length === entries.length) return result;
      const metadata = { ...result.object.metadata };
      if (kept.length > 0) metadata.managedFields = kept;
      else delete metadata.managedFields;
      return { object: { ...result.object, metadata }, changed: true };
    },
  };
}
