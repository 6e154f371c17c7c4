import type { Schema } from '../schema/schema.ts';
import { FieldSet } from './field-set.ts';

/**
 * The set with every struct field that has paths below it also a member, as
 * structured-merge-diff's `EnsureNamedFieldsAreMembers`: pruning after an apply removes
 * `spec` as well as `spec.replicas` when both were the applier's alone. Map entries and
 * list items are left as they are.
 */
export function ensureNamedFieldsAreMembers(set: FieldSet, schema: Schema | undefined): FieldSet {
  const struct = schema?.kind === 'struct' ? schema : undefined;
  const list = schema?.kind === 'list' ? schema : undefined;
  const map = schema?.kind === 'map' ? schema : schema?.kind === 'deduced' ? schema : undefined;
  const named = set.children.filter(({ pe }) => 'field' in pe && struct && Object.hasOwn(struct.fields, pe.field));
  const children = set.children.map(({ pe, set: child }) => {
    let below: Schema | undefined;
    if ('field' in pe) {
      if (struct)
        below = Object.hasOwn(struct.fields, pe.field) ? struct.fields[pe.field]?.schema : { kind: 'deduced' };
      else if (map) below = map.kind === 'map' ? map.values : map;
    } else if ('key' in pe && list) below = list.items;
    return { pe, set: ensureNamedFieldsAreMembers(child, below) };
  });
  return FieldSet.from([...set.members, ...named.map(({ pe }) => pe)], children);
}
