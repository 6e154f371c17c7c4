// How structured-merge-diff sees one value under its schema: a scalar leaf, a map (struct
// or granular map) or a list; for the deduced schema, whatever the value is.
import { deduced, type JsonValue, type ListSchema, type Schema } from '../schema/schema.ts';
import { compareStrings, isObject, type JsonObject } from './json-value.ts';
import type { KeyField, PathElement } from './path-element.ts';

export type Atom =
  | { readonly kind: 'scalar'; readonly deduced: boolean }
  | {
      readonly kind: 'map';
      readonly atomic: boolean;
      /** The schema of the value under `key`; unknown struct fields are deduced. */
      readonly child: (key: string) => Schema;
      /** Whether `key` is a declared struct field (not a map entry). */
      readonly isField: (key: string) => boolean;
      /** Deduced and the value is null: Go's atom has every kind, and acts as a map. */
      readonly anyKind: boolean;
    }
  | { readonly kind: 'list'; readonly list: ListSchema };

const deducedList: ListSchema = { kind: 'list', items: deduced, listType: 'atomic', keys: [], keyDefaults: {} };

/** The atom `schema` takes for `value` (Go's `Resolve` then `deduceAtom`). */
export function resolveAtom(schema: Schema, value: JsonValue | undefined): Atom {
  switch (schema.kind) {
    case 'scalar':
      return { kind: 'scalar', deduced: false };
    case 'list':
      return { kind: 'list', list: schema };
    case 'map':
      return { kind: 'map', atomic: schema.atomic, child: () => schema.values, isField: () => false, anyKind: false };
    case 'struct':
      return {
        kind: 'map',
        atomic: schema.atomic,
        child: (key) => (Object.hasOwn(schema.fields, key) ? schema.fields[key]?.schema : undefined) ?? deduced,
        isField: (key) => Object.hasOwn(schema.fields, key),
        anyKind: false,
      };
    case 'deduced':
      if (Array.isArray(value)) return { kind: 'list', list: deducedList };
      if (value === null || value === undefined || isObject(value)) {
        return { kind: 'map', atomic: false, child: () => deduced, isField: () => false, anyKind: value === null };
      }
      return { kind: 'scalar', deduced: true };
  }
}

/** Go's `Atom.Equals` for two atoms of one schema: only deduced atoms can differ. */
export function sameAtom(a: Atom, b: Atom): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'map' && b.kind === 'map') return a.anyKind === b.anyKind;
  return true;
}

/** The object under a map atom, or undefined for null and for values that are not objects. */
export const asObject = (value: JsonValue | undefined): JsonObject | undefined => (isObject(value) ? value : undefined);

/** The array under a list atom, or undefined for null and for values that are not arrays. */
export const asArray = (value: JsonValue | undefined): JsonValue[] | undefined =>
  Array.isArray(value) ? value : undefined;

/** Why a list item has no path element (kube-apiserver's messages). */
export class ListItemError extends Error {}

/** The path element of an item of a set or map list: `v:<value>` or `k:{<keys>}`. */
export function listItemPathElement(list: ListSchema, item: JsonValue): PathElement {
  if (list.listType === 'map' || list.keys.length > 0) {
    if (item === null) throw new ListItemError('associative list with keys may not have a null element');
    if (!isObject(item)) throw new ListItemError('associative list with keys may not have non-map elements');
    const key: KeyField[] = [];
    for (const name of list.keys) {
      if (Object.hasOwn(item, name)) key.push({ name, value: item[name] ?? null });
      else if (list.keyDefaults[name] !== undefined) key.push({ name, value: list.keyDefaults[name] });
    }
    if (list.keys.length > 0 && key.length === 0) {
      throw new ListItemError(
        `associative list with keys has an element that omits all key fields ${goStringList(list.keys)} (and doesn't have default values for any key fields)`,
      );
    }
    return { key: key.sort((a, b) => compareStrings(a.name, b.name)) };
  }
  if (isObject(item)) throw new ListItemError("associative list without keys has an element that's a map type");
  if (Array.isArray(item)) throw new ListItemError('not supported: associative list with lists as elements');
  if (item === null) throw new ListItemError("associative list without keys has an element that's an explicit null");
  return { value: item };
}

const goStringList = (items: readonly string[]): string => `[${items.map((item) => JSON.stringify(item)).join(' ')}]`;
