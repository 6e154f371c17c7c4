import type { JsonValue, Schema } from '../schema/schema.ts';
import { FieldSet } from './field-set.ts';
import type { Managers } from './managers.ts';
import { ensureNamedFieldsAreMembers } from './named-fields.ts';
import { removeItems } from './remove-items.ts';
import { toFieldSet } from './to-field-set.ts';

/**
 * The merged object without what the applier applied last time (`lastSet`), no longer
 * applies, and nobody else owns (structured-merge-diff's `Updater.prune`, with its
 * add-back passes for owned and for dangling items).
 */
export function prune(schema: Schema, merged: JsonValue, managers: Managers, lastSet: FieldSet | undefined): JsonValue {
  if (lastSet === undefined || lastSet.empty) return merged;
  const named = (set: FieldSet) => ensureNamedFieldsAreMembers(set, schema);
  const fieldsOf = (value: JsonValue) => named(toFieldSet(schema, value));
  const last = named(lastSet);
  let pruned = removeItems(schema, merged, last);
  // Add back what someone (the applier's new configuration included) owns.
  let owned = new FieldSet();
  for (const entry of managers.values()) owned = owned.union(entry.set);
  pruned = removeItems(schema, merged, fieldsOf(merged).difference(fieldsOf(pruned).union(named(owned))));
  // Add back what the applier never owned (unowned or updaters' items).
  return removeItems(schema, merged, fieldsOf(merged).difference(fieldsOf(pruned)).intersection(last));
}
