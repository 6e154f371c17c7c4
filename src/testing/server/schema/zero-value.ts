import type { FieldSchema, JsonValue, Schema } from './schema.ts';

/**
 * The JSON of the Go zero value of a type, as kube-apiserver sees the "old object" of a
 * create: struct fields that are plain structs are there as objects (`spec.strategy: {}`),
 * fields without `omitempty` are there as zeros or `null` (`spec.selector: null`), and
 * `omitempty` pointers, maps, slices and scalars are absent. Undefined when the type
 * leaves nothing (a scalar, map or list at the root); `{}` for the deduced schema.
 */
export function zeroValue(schema: Schema): JsonValue | undefined {
  if (schema.kind === 'deduced') return {};
  if (schema.kind !== 'struct') return undefined;
  const out: Record<string, JsonValue> = {};
  for (const [name, field] of Object.entries(schema.fields)) {
    const value = zeroField(field);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function zeroField(field: FieldSchema): JsonValue | undefined {
  const { schema } = field;
  if (field.omitZero) return undefined;
  if (field.pointer || schema.kind === 'map' || schema.kind === 'list' || schema.kind === 'deduced') {
    return field.omitEmpty ? undefined : null;
  }
  if (schema.kind === 'struct') return zeroValue(schema);
  if (schema.go === 'slice') return field.omitEmpty ? undefined : null;
  if (schema.go === 'struct') return schema.zero;
  return field.omitEmpty ? undefined : schema.zero;
}
