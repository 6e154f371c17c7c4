// Pruning of the fields a custom resource's structural schema does not declare, as
// kube-apiserver does when it decodes one: unknown fields are removed (unless
// `x-kubernetes-preserve-unknown-fields` keeps them), apiVersion, kind and metadata of
// the resource and of embedded resources are left to ObjectMeta's own decoding, and the
// removed paths are reported for `fieldValidation=Strict` and `Warn`.
import { objectMetaJsonError } from '../http/object-meta-types.ts';
import { byCodePoint } from '../selectors/code-point-order.ts';
import { type FieldError, fieldErrorText } from './field-error.ts';
import { dropNullsWithoutDefaults } from './defaulting.ts';
import { pruneObjectMeta } from './object-meta.ts';
import type { StructuralSchema } from './structural-schema.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const metaFields = new Set(['apiVersion', 'kind', 'metadata']);

const keyPath = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

/** The schema of a key no property names: `additionalProperties`, or null when it allows anything. */
function additionalSchema(schema: StructuralSchema): StructuralSchema | null | undefined {
  const additional = schema.additionalProperties;
  if (additional === undefined || additional === false) return undefined;
  return additional === true ? null : additional;
}

function propertyOf(schema: StructuralSchema, key: string): StructuralSchema | undefined {
  return schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
}

/** Walks into the declared fields of a value whose unknown fields are preserved. */
function pruneInsidePreserved(value: unknown, schema: StructuralSchema, path: string, pruned: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (schema.items) pruneInsidePreserved(item, schema.items, `${path}[${String(index)}]`, pruned);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (schema.embeddedResource && metaFields.has(key)) continue;
    const property = propertyOf(schema, key) ?? additionalSchema(schema);
    if (property !== undefined) pruneValue(item, property ?? undefined, keyPath(path, key), pruned);
  }
}

function pruneObject(value: Json, schema: StructuralSchema | undefined, path: string, pruned: string[]): void {
  for (const [key, item] of Object.entries(value)) {
    if (schema?.embeddedResource && metaFields.has(key)) continue;
    const property = schema && (propertyOf(schema, key) ?? additionalSchema(schema));
    if (property !== undefined) {
      pruneValue(item, property ?? undefined, keyPath(path, key), pruned);
      continue;
    }
    // The root's own apiVersion, kind and metadata are never reported.
    if (!metaFields.has(key) || path !== '') pruned.push(keyPath(path, key));
    Reflect.deleteProperty(value, key);
  }
}

function pruneValue(value: unknown, schema: StructuralSchema | undefined, path: string, pruned: string[]): void {
  if (schema?.preserveUnknownFields) {
    pruneInsidePreserved(value, schema, path, pruned);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      pruneValue(item, schema?.items, `${path}[${String(index)}]`, pruned);
    });
  } else if (isObject(value)) {
    pruneObject(value, schema, path, pruned);
  }
}

/**
 * Removes from `object` (a whole custom resource) the fields `schema` does not declare,
 * in place; returns their paths (`spec.foo`, `spec.items[0].bar`), sorted.
 */
export function pruneUnknownFields(object: Json, schema: StructuralSchema): string[] {
  const pruned: string[] = [];
  pruneValue(object, { ...schema, embeddedResource: true }, '', pruned);
  return pruned.sort(byCodePoint);
}

/**
 * A custom resource kube-apiserver cannot decode: metadata of the wrong JSON types, or an
 * embedded resource whose apiVersion or kind is not a string. Its message is what
 * kube-apiserver writes after `<Kind> in version "<version>" cannot be handled as a
 * <Kind>: ` in a 400 BadRequest.
 */
export class CustomResourceDecodeError extends Error {
  override readonly name = 'CustomResourceDecodeError';
}

const invalidField = (field: string, badValue: unknown, detail: string): FieldError => ({
  reason: 'FieldValueInvalid',
  field,
  badValue,
  detail,
});

/** The decoding error of one embedded resource, as Go's coercion meets it (first only). */
function embeddedDecodeError(value: Json, path: string): FieldError | undefined {
  for (const [key, item] of Object.entries(value)) {
    const field = keyPath(path, key);
    if ((key === 'apiVersion' || key === 'kind') && typeof item !== 'string') {
      return invalidField(field, item, 'must be a string');
    }
    if (key === 'metadata') {
      const error = objectMetaJsonError(item, undefined);
      if (error !== undefined) return invalidField(field, item, error);
    }
  }
  return undefined;
}

/** `metadata` of every embedded resource below the root, decoded as ObjectMeta. */
function coerceEmbedded(value: unknown, schema: StructuralSchema | undefined, path: string, pruned: string[]): void {
  if (schema === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      coerceEmbedded(item, schema.items, `${path}[${String(index)}]`, pruned);
    });
    return;
  }
  if (!isObject(value)) return;
  if (schema.embeddedResource) {
    const error = embeddedDecodeError(value, path);
    if (error !== undefined) throw new CustomResourceDecodeError(fieldErrorText(error));
    if (isObject(value.metadata)) pruned.push(...pruneObjectMeta(value, path));
  }
  for (const [key, item] of Object.entries(value)) {
    const property = propertyOf(schema, key);
    if (property !== undefined) coerceEmbedded(item, property, keyPath(path, key), pruned);
    else if (typeof schema.additionalProperties === 'object')
      coerceEmbedded(item, schema.additionalProperties, `${path}[${key}]`, pruned);
  }
}

/**
 * What kube-apiserver's decoding does to a custom resource before defaulting: metadata
 * kept to ObjectMeta, unknown fields pruned, nulls the schema neither allows nor defaults
 * dropped, embedded resources' metadata kept to ObjectMeta. Changes `object` in place;
 * returns every removed field's path, in kube-apiserver's order. Throws a
 * CustomResourceDecodeError where kube-apiserver cannot decode the object.
 */
export function pruneCustomResource(object: Json, schema: StructuralSchema): string[] {
  if (Object.hasOwn(object, 'metadata')) {
    const error = objectMetaJsonError(object.metadata, undefined);
    if (error !== undefined) throw new CustomResourceDecodeError(error);
  }
  const fromMetadata = pruneObjectMeta(object);
  const fromSchema = pruneUnknownFields(object, schema);
  dropNullsWithoutDefaults(object, schema);
  const fromEmbedded: string[] = [];
  coerceEmbedded(object, schema, '', fromEmbedded);
  return [...fromMetadata, ...fromSchema, ...fromEmbedded.sort(byCodePoint)];
}
