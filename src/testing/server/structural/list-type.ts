// The invariants of `x-kubernetes-list-type: set` (no item twice) and `map` (object
// items, no key twice) that kube-apiserver checks after schema validation.
import { type FieldError } from './field-error.ts';
import { canonicalJson } from './value-checks.ts';
import type { StructuralSchema } from './structural-schema.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const duplicate = (field: string, badValue: unknown): FieldError => ({
  reason: 'FieldValueDuplicate',
  field,
  badValue,
  detail: '',
});

/** The indices where a value is met for the second time (a third time is not reported). */
function secondOccurrences(values: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const indices: number[] = [];
  values.forEach((value, index) => {
    const times = seen.get(value) ?? 0;
    if (times === 1) indices.push(index);
    seen.set(value, times + 1);
  });
  return indices;
}

function mapKeyOf(item: unknown, keys: readonly string[]): Json {
  const key: Json = {};
  if (!isObject(item)) return key;
  for (const name of keys) if (Object.hasOwn(item, name)) key[name] = item[name];
  return key;
}

function checkListMap(items: readonly unknown[], schema: StructuralSchema, path: string): FieldError[] {
  const notObject = items.findIndex((item) => item !== null && !isObject(item));
  if (notObject >= 0) {
    const field = `${path}[${String(notObject)}]`;
    const detail = 'must be an object for an array of list-type map';
    return [{ reason: 'FieldValueInvalid', field, badValue: items[notObject], detail }];
  }
  if (items.length <= 1) return [];
  const keys = items.map((item) => mapKeyOf(item, schema.listMapKeys ?? []));
  return secondOccurrences(keys.map(canonicalJson)).map((index) => duplicate(`${path}[${String(index)}]`, keys[index]));
}

function checkList(items: readonly unknown[], schema: StructuralSchema, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (schema.listType === 'set' && items.length > 1) {
    const indices = secondOccurrences(items.map(canonicalJson));
    errors.push(...indices.map((index) => duplicate(`${path}[${String(index)}]`, items[index])));
  } else if (schema.listType === 'map') {
    errors.push(...checkListMap(items, schema, path));
  }
  const itemSchema = schema.items;
  if (itemSchema !== undefined) {
    items.forEach((item, index) => errors.push(...checkValue(item, itemSchema, `${path}[${String(index)}]`)));
  }
  return errors;
}

function checkValue(value: unknown, schema: StructuralSchema, path: string): FieldError[] {
  if (Array.isArray(value)) return checkList(value, schema, path);
  if (isObject(value)) return validateListTypes(value, schema, path);
  return [];
}

/** Duplicate items of sets and duplicate keys of list maps anywhere in `object`. */
export function validateListTypes(object: Json, schema: StructuralSchema, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const additional = schema.additionalProperties;
  if (typeof additional === 'object') {
    for (const [key, item] of Object.entries(object)) errors.push(...checkValue(item, additional, `${path}[${key}]`));
  }
  for (const [key, item] of Object.entries(object)) {
    const property = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    if (property !== undefined) errors.push(...checkValue(item, property, path === '' ? key : `${path}.${key}`));
  }
  return errors;
}
