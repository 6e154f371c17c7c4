// Defaulting of a custom resource as kube-apiserver does it when it decodes one (from a
// request, and from storage): a missing field, or a null one the schema does not allow,
// takes its schema's `default`; then the object is walked down, so defaults nested in a
// default apply too. Defaults are deep-copied, never shared between objects.
import type { StructuralSchema } from './structural-schema.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const copy = (value: unknown): unknown => structuredClone(value);

/** A null where the schema neither allows null nor gives a default: decoding drops it. */
const isDroppableNull = (value: unknown, schema: StructuralSchema | undefined) =>
  value === null && schema !== undefined && !schema.nullable && schema.default === undefined;

/** A null the schema does not allow, which its default replaces. */
const isDefaultableNull = (value: unknown, schema: StructuralSchema | undefined): schema is StructuralSchema =>
  value === null && schema !== undefined && !schema.nullable && schema.default !== undefined;

function schemaOfKey(schema: StructuralSchema | undefined, key: string): StructuralSchema | undefined {
  if (schema === undefined) return undefined;
  const property = schema.properties?.[key];
  if (property !== undefined && Object.hasOwn(schema.properties ?? {}, key)) return property;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/**
 * Removes the null values that the schema neither allows nor defaults, in objects at
 * any depth (never list items), as kube-apiserver does right after pruning.
 */
export function dropNullsWithoutDefaults(value: unknown, schema: StructuralSchema | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) dropNullsWithoutDefaults(item, schema?.items);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const itemSchema = schemaOfKey(schema, key);
    if (isDroppableNull(item, itemSchema)) Reflect.deleteProperty(value, key);
    else dropNullsWithoutDefaults(item, itemSchema);
  }
}

function defaultObject(value: Json, schema: StructuralSchema): void {
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.default === undefined) continue;
    if (!Object.hasOwn(value, key) || isDefaultableNull(value[key], property)) value[key] = copy(property.default);
  }
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  for (const key of Object.keys(value)) {
    const property = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    if (property !== undefined) {
      applyDefaults(value[key], property);
    } else if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
      if (isDefaultableNull(value[key], additional)) value[key] = copy(additional.default);
      applyDefaults(value[key], additional);
    }
  }
}

/** Sets the schema's defaults into `value` in place, at every depth. */
export function applyDefaults(value: unknown, schema: StructuralSchema | undefined): void {
  if (schema === undefined) return;
  if (isObject(value)) {
    defaultObject(value, schema);
  } else if (Array.isArray(value)) {
    const items = schema.items;
    value.forEach((item, index) => {
      if (isDefaultableNull(item, items)) value[index] = copy(items.default);
      applyDefaults(value[index], items);
    });
  }
}
