// managedFields of an object two resources share (core/v1 and events.k8s.io/v1 Events):
// kube-apiserver cannot compare an entry of the other version with the write's, and drops
// it, Apply entries too: measured on kube-apiserver v1.36.3, a write through one version,
// even one that changes nothing, leaves only the entries of its own version, and an apply
// conflicts with none of the other version's managers.
import type { KubeObject, ManagedFieldsEntry } from '../../../core/object.ts';
import type { FieldTracker } from '../fields/field-tracker.ts';
import { groupVersion } from '../resource-type.ts';

const own = (entries: readonly ManagedFieldsEntry[] | undefined, apiVersion: string) =>
  (entries ?? []).filter((entry) => entry.apiVersion === apiVersion);

/** `object` with `entries` for managedFields (none when empty). */
function withEntries(object: KubeObject, entries: readonly ManagedFieldsEntry[]): KubeObject {
  const metadata = { ...object.metadata };
  if (entries.length > 0) metadata.managedFields = [...entries];
  else delete metadata.managedFields;
  return { ...object, metadata };
}

/** `fields` with every entry of another apiVersion dropped before a write is recorded. */
export function ownVersionFields(fields: FieldTracker): FieldTracker {
  return {
    update(args) {
      return own(fields.update(args), groupVersion(args.type));
    },
    apply(args) {
      const entries = args.live?.metadata?.managedFields ?? [];
      const kept = own(entries, groupVersion(args.type));
      if (!args.live || kept.length === entries.length) return fields.apply(args);
      // Left without managers, the object would get a before-first-apply entry owning all it
      // has, and conflicts with it; kube-apiserver had managers, so it makes none: the apply
      // takes everything from that entry, which then goes.
      const first = kept.length === 0;
      const result = fields.apply({ ...args, live: withEntries(args.live, kept), force: args.force || first });
      if (!('object' in result)) return result;
      const recorded = result.object.metadata?.managedFields ?? [];
      const applied = first ? recorded.filter((entry) => entry.manager !== 'before-first-apply') : recorded;
      return { object: withEntries(result.object, applied), changed: true };
    },
  };
}
