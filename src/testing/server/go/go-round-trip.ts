// kube-apiserver decodes a built-in object into its Go struct and encodes it again before
// storing it: encoding/json drops empty omitempty fields and writes the rest, zeros too; unknown fields go.
import type { FieldSchema, JsonValue, Schema } from '../schema/schema.ts';
import { quantity } from '../schema/define.ts';
import { canonicalQuantity } from './go-quantity.ts';

type JsonObject = { [key: string]: JsonValue };
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON kube-apiserver would write for `value` after decoding it into the Go type and
 * encoding it again, which is what it stores and what its field ownership sees: unknown
 * struct fields dropped; `omitempty` fields left out when empty (`labels: {}`, `env: []`,
 * `minReadySeconds: 0`, `paused: false`), but not pointers to empty values
 * (`replicas: 0`, `securityContext: {}`); plain struct fields always there
 * (`resources: {}`); fields without `omitempty` there as zeros or `null`; map keys
 * sorted; `null` map values and list items become the zero value. Quantities are
 * written as Go writes them (`1024Mi` as `1Gi`, go-quantity.ts); other scalars are kept
 * as they are (times are not canonicalized); deduced parts, and the fields a custom
 * resource does not declare, are kept whole.
 */
export function goRoundTrip(schema: Schema, value: JsonValue): JsonValue {
  switch (schema.kind) {
    case 'struct': {
      if (!isObject(value)) return value;
      const out: JsonObject = {};
      for (const [name, field] of Object.entries(schema.fields)) {
        const encoded = encodeField(field, Object.hasOwn(value, name) ? value[name] : undefined);
        if (encoded !== undefined) out[name] = encoded;
      }
      if (schema.open) for (const [name, child] of Object.entries(value)) if (!(name in out)) out[name] = child;
      return out;
    }
    case 'map': {
      if (!isObject(value)) return value;
      const out: JsonObject = {};
      for (const key of Object.keys(value).sort()) out[key] = decodeElement(schema.values, value[key] ?? null);
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => decodeElement(schema.items, item)) : value;
    default:
      return schema === quantity ? writtenQuantity(value) : value;
  }
}

// A map value or list item: null decodes to the element type's zero value.
function decodeElement(schema: Schema, value: JsonValue): JsonValue {
  if (value !== null) return goRoundTrip(schema, value);
  if (schema.kind === 'struct') return goRoundTrip(schema, {});
  return schema.kind === 'scalar' && schema.go !== 'slice' ? schema.zero : null;
}

// The field as Go holds it after decoding, then as `omitempty`/`omitzero` write it.
function encodeField(field: FieldSchema, value: JsonValue | undefined): JsonValue | undefined {
  const { schema } = field;
  const nilable = field.pointer || schema.kind === 'map' || schema.kind === 'list' || schema.kind === 'deduced';
  let decoded: JsonValue;
  if (value !== undefined && value !== null) decoded = goRoundTrip(schema, value);
  else if (nilable || (schema.kind === 'scalar' && schema.go === 'slice')) decoded = null;
  else if (schema.kind === 'struct') decoded = goRoundTrip(schema, {});
  else decoded = schema.zero;
  if (field.omitZero && decoded === null) return undefined;
  if (field.omitEmpty && isEmpty(field, decoded)) return undefined;
  return decoded;
}

function isEmpty(field: FieldSchema, value: JsonValue): boolean {
  const { schema } = field;
  // A Go struct is never empty to `omitempty`: a zero metav1.Time is written `null`.
  if (!field.pointer && (schema.kind === 'struct' || (schema.kind === 'scalar' && schema.go === 'struct')))
    return false;
  if (value === null) return true;
  if (field.pointer) return false;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return value === '' || value === 0 || value === false;
}

// A quantity that does not parse was refused before (schema-type-errors.ts); kept as it is.
function writtenQuantity(value: JsonValue): JsonValue {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  try {
    return canonicalQuantity(String(value));
  } catch {
    return value;
  }
}
