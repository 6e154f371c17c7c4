// The old value that an update's new value is compared with, for validation ratcheting:
// kube-apiserver (CRDValidationRatcheting) drops a value's schema errors when the value
// is unchanged since the old object. Values correlate through object keys the schema
// declares and through the items of list maps (by their keys); items of other lists do
// not, so a list of them is compared whole.
import { canonicalJson } from './value-checks.ts';
import type { StructuralSchema } from './structural-schema.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The old value at the place a new value is validated. */
export interface Correlation {
  readonly old: unknown;
}

/** The old value of `key` in an object (both objects hold it, the schema describes it). */
export function correlateKey(
  correlation: Correlation | undefined,
  value: Json,
  key: string,
  schema: StructuralSchema,
): Correlation | undefined {
  if (correlation === undefined || !isObject(correlation.old)) return undefined;
  if (!Object.hasOwn(correlation.old, key) || !Object.hasOwn(value, key)) return undefined;
  const described =
    (schema.properties !== undefined && Object.hasOwn(schema.properties, key)) ||
    typeof schema.additionalProperties === 'object';
  return described ? { old: correlation.old[key] } : undefined;
}

const mapKeyOf = (item: unknown, keys: readonly string[]) =>
  canonicalJson(Object.fromEntries(keys.map((key) => [key, isObject(item) ? item[key] : undefined])));

/** The old item of a list map with the same keys as the new item at `index`. */
export function correlateIndex(
  correlation: Correlation | undefined,
  value: readonly unknown[],
  index: number,
  schema: StructuralSchema,
): Correlation | undefined {
  if (correlation === undefined || !Array.isArray(correlation.old) || schema.listType !== 'map') return undefined;
  if (schema.items === undefined) return undefined;
  const keys = schema.listMapKeys ?? [];
  const wanted = mapKeyOf(value[index], keys);
  const old = (correlation.old as unknown[]).find((item) => isObject(item) && mapKeyOf(item, keys) === wanted);
  return old === undefined ? undefined : { old };
}

function listUnchanged(value: readonly unknown[], old: readonly unknown[], schema: StructuralSchema): boolean {
  if (value.length !== old.length) return false;
  const itemSchema = schema.items;
  return value.every((item, index) => {
    const child = correlateIndex({ old }, value, index, schema);
    if (child === undefined || itemSchema === undefined) {
      return schema.listType !== 'map' && canonicalJson(value) === canonicalJson(old);
    }
    return unchanged(item, child.old, itemSchema);
  });
}

/** Whether a value equals its old value, through the same correlations as validation. */
export function unchanged(value: unknown, old: unknown, schema: StructuralSchema): boolean {
  if ((value ?? null) === null || (old ?? null) === null) return (value ?? null) === (old ?? null);
  if (Array.isArray(value) !== Array.isArray(old) || isObject(value) !== isObject(old)) return false;
  if (Array.isArray(value)) return listUnchanged(value, old as unknown[], schema);
  if (isObject(value) && isObject(old)) {
    const keys = Object.keys(value);
    if (keys.length !== Object.keys(old).length) return false;
    return keys.every((key) => {
      const child = correlateKey({ old }, value, key, schema);
      const childSchema = schema.properties?.[key] ?? schema.additionalProperties;
      return child !== undefined && typeof childSchema === 'object' && unchanged(value[key], child.old, childSchema);
    });
  }
  return canonicalJson(value) === canonicalJson(old);
}
