// The kinds of field error kube-apiserver's validation reports beyond Invalid and Required
// (apimachinery's field.NotSupported, Duplicate, Forbidden), worded as its ErrorBody words
// them, and Go's JSON of the values they show (map keys sorted, as encoding/json sorts them).
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue } from '../handlers/validate.ts';

/** `value` as Go's encoding/json writes it: object keys sorted (Go maps); arrays in order. */
export function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortedJson(item)]));
}

export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldCause => ({
  reason: 'FieldValueNotSupported',
  message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}`,
  field,
});

export const duplicate = (field: string, value: unknown): FieldCause => ({
  reason: 'FieldValueDuplicate',
  message: `Duplicate value: ${JSON.stringify(value)}`,
  field,
});

export const forbidden = (field: string, detail: string): FieldCause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${detail}`,
  field,
});

/** ValidateImmutableField: `value` (the new one, as Go shows it) differs from the stored one. */
export const immutable = (field: string, value: unknown): FieldCause =>
  invalidValue(field, value, 'field is immutable');

/** Whether two decoded JSON values are equal, whatever the order of their keys. */
export const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(sortedJson(a)) === JSON.stringify(sortedJson(b));
