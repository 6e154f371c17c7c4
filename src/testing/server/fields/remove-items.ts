import type { JsonValue, Schema } from '../schema/schema.ts';
import { listItemPathElement, resolveAtom } from './atom.ts';
import type { FieldSet } from './field-set.ts';
import { isObject, type JsonObject } from './json-value.ts';

/**
 * The value without the fields, map entries and list items in `set` (with everything
 * below them), as structured-merge-diff's `RemoveItems`. Like Go, a map or list that
 * loses its last entry on the way becomes `null`, and so does an empty map or list that
 * the set reaches into.
 */
export function removeItems(schema: Schema, value: JsonValue, set: FieldSet): JsonValue {
  const atom = resolveAtom(schema, value);
  if (atom.kind === 'scalar') return value;
  if (atom.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0 || atom.list.listType === 'atomic') return null;
    const out: JsonValue[] = [];
    for (const item of value) {
      const pe = listItemPathElement(atom.list, item);
      if (set.has([pe])) continue;
      const below = set.withPrefix(pe);
      out.push(below.empty ? item : removeItems(atom.list.items, item, below));
    }
    return out.length > 0 ? out : null;
  }
  if (!isObject(value) || Object.keys(value).length === 0 || atom.atomic) return null;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const pe = { field: key };
    if (set.has([pe])) continue;
    const below = set.withPrefix(pe);
    out[key] = below.empty ? child : removeItems(atom.child(key), child, below);
  }
  return Object.keys(out).length > 0 ? out : null;
}
