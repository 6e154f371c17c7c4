import type { JsonValue, Schema } from '../schema/schema.ts';
import { asArray, asObject, listItemPathElement, resolveAtom } from './atom.ts';
import { FieldSet } from './field-set.ts';
import { isObject } from './json-value.ts';
import { comparePathElements, type FieldPath, type PathElement } from './path-element.ts';

/**
 * The fields a value sets, as structured-merge-diff's `ToFieldSet` (what an apply
 * configuration claims): scalars, atomic nodes, null and `{}` values, map entries and
 * list items are members; struct fields with content and lists are only parents.
 */
export function toFieldSet(schema: Schema, value: JsonValue): FieldSet {
  const set = new FieldSet();
  walk(set, [], schema, value);
  return set;
}

function walk(set: FieldSet, path: FieldPath, schema: Schema, value: JsonValue): void {
  const atom = resolveAtom(schema, value);
  if (atom.kind === 'scalar') {
    set.insert(path);
  } else if (atom.kind === 'list') {
    if (atom.list.listType === 'atomic') set.insert(path);
    else
      for (const [pe, item] of uniqueItems(set, path, atom.list, asArray(value) ?? [])) {
        walk(set, [...path, pe], atom.list.items, item);
        set.insert([...path, pe]);
      }
  } else if (atom.atomic) {
    set.insert(path);
  } else {
    for (const [key, child] of Object.entries(asObject(value) ?? {})) {
      const childPath = [...path, { field: key }];
      walk(set, childPath, atom.child(key), child);
      if (child === null || (isObject(child) && Object.keys(child).length === 0) || !atom.isField(key))
        set.insert(childPath);
    }
  }
}

// Items whose key repeats are owned as a whole (the key path alone), not descended into.
function uniqueItems(
  set: FieldSet,
  path: FieldPath,
  list: Parameters<typeof listItemPathElement>[0],
  items: JsonValue[],
): [PathElement, JsonValue][] {
  const keyed = items.map((item) => [listItemPathElement(list, item), item] as [PathElement, JsonValue]);
  const count = (pe: PathElement) => keyed.filter(([other]) => comparePathElements(other, pe) === 0).length;
  const unique: [PathElement, JsonValue][] = [];
  for (const entry of keyed) {
    if (count(entry[0]) > 1) set.insert([...path, entry[0]]);
    else unique.push(entry);
  }
  return unique;
}
