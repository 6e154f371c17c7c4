import type { Schema } from '../schema/index.ts';

/**
 * The paths of the fields in `value` that `schema` does not declare, as Go's strict
 * decoding names them (`spec.foo`, `spec.template.spec.containers[0].bar`), in document
 * order. Open structs (custom resources) take any field; deduced values are not looked
 * into; values of the wrong JSON type are left to the decoder.
 */
export function unknownFields(schema: Schema, value: unknown, path = ''): string[] {
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (schema.kind === 'list') {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, index) => unknownFields(schema.items, item, `${path}[${String(index)}]`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (schema.kind === 'map') return entries.flatMap(([key, item]) => unknownFields(schema.values, item, at(key)));
  if (schema.kind !== 'struct') return [];
  return entries.flatMap(([key, item]) => {
    const field = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
    if (field === undefined) return schema.open ? [] : [at(key)];
    return unknownFields(field.schema, item, at(key));
  });
}
