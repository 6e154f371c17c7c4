// kube-apiserver decodes every body into its Go type and refuses a value of the wrong
// JSON type (a string for a list, an object for an integer), where the embedded server,
// which keeps JSON, would store it and trip over it later. So objects are checked against
// their schema here, with Go's messages: encoding/json's for bodies and JSON or merge
// patches, the unstructured converter's for strategic merge patches. Metadata is checked
// exactly (object-meta-types.ts); elsewhere Go's type names are known from the schema
// files where they say them (structs, maps, lists, plain types), and named string types
// (v1.Protocol) are written `string`.
import { quantityDecodeError } from '../go/go-quantity.ts';
import { componentName } from '../openapi/component-names.ts';
import { getOwn, goJsonKind, isJsonObject } from '../patch/json-value.ts';
import * as define from '../schema/define.ts';
import type { ScalarSchema, Schema, StructSchema } from '../schema/index.ts';
import { objectMeta } from '../schema/meta-v1.generated.ts';
import { type Field, firstOf, goKindOf, objectMetaConverterError, objectMetaJsonError } from './object-meta-types.ts';

/** The int64 fields of the kinds served (from k8s.io/api v0.36.3); every other integer is an int32. */
const int64Fields = new Set([
  'activeDeadlineSeconds',
  'expirationSeconds',
  'fsGroup',
  'observedGeneration',
  'runAsGroup',
  'runAsUser',
  'supplementalGroups',
  'terminationGracePeriodSeconds',
  'tolerationSeconds',
]);

/** `v1.Container` for a struct the schema files export, else ''. */
const structName = (schema: StructSchema) => componentName(schema)?.split('.').slice(-2).join('.') ?? '';

/** The Go type a value for `field` decodes into, as Go's messages name it. */
function goTypeName(schema: Schema, field: string): string {
  switch (schema.kind) {
    case 'struct':
      return structName(schema);
    case 'map':
      return `map[string]${goTypeName(schema.values, field)}`;
    case 'list':
      return `[]${goTypeName(schema.items, field)}`;
    case 'deduced':
      return 'interface {}';
    case 'scalar':
      return scalarTypeName(schema, field);
  }
}

function scalarTypeName(schema: ScalarSchema, field: string): string {
  if (schema === define.bytes) return '[]uint8';
  // metav1.Time and intstr.IntOrString decode their JSON as a string and as an int32.
  if (schema === define.intOrString) return 'int32';
  if (schema.type === 'boolean') return 'bool';
  if (schema === define.number) return 'float64';
  if (schema.type === 'numeric') return int64Fields.has(field) ? 'int64' : 'int32';
  return 'string';
}

/** Whether `value` fits Go's integer type `name` (int32 or int64). */
const fitsInteger = (value: number, name: string) =>
  Number.isInteger(value) && Math.abs(value) < (name === 'int32' ? 2 ** 31 : 2 ** 63);

/**
 * encoding/json's first type error in a decoded object of `schema`, in document order;
 * for a custom resource, only its metadata (decoded on its own): `json: cannot unmarshal
 * string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container`.
 */
export function jsonTypeError(object: unknown, schema: Schema, custom: boolean): string | undefined {
  if (!custom) return jsonError(schema, object, undefined, '');
  return isJsonObject(object) ? objectMetaJsonError(getOwn(object, 'metadata') ?? null, undefined) : undefined;
}

function jsonError(schema: Schema, value: unknown, at: Field | undefined, field: string): string | undefined {
  if (value === null || schema.kind === 'deduced') return undefined;
  const mismatch = (found: string = goJsonKind(value)) =>
    `json: cannot unmarshal ${found} into Go ${at ? `struct field ${at.struct}.${at.path}` : 'value'} of type ${goTypeName(schema, field)}`;
  switch (schema.kind) {
    case 'scalar':
      return scalarJsonError(schema, value, field, mismatch);
    case 'map':
      if (!isJsonObject(value)) return mismatch();
      return firstOf(Object.values(value), (item) => jsonError(schema.values, item, at, field));
    case 'list':
      if (!Array.isArray(value)) return mismatch();
      return firstOf(value as unknown[], (item) => jsonError(schema.items, item, at, field));
    case 'struct': {
      if (schema === objectMeta) return objectMetaJsonError(value, at);
      if (!isJsonObject(value)) return mismatch();
      // An anonymous struct (not exported by the schema files) keeps its parent's name.
      const named = structName(schema);
      const struct = named === '' ? (at?.struct ?? '') : named.slice(named.indexOf('.') + 1);
      return firstOf(Object.entries(value), ([key, item]) => {
        const declared = getOwn(schema.fields, key) as (typeof schema.fields)[string] | undefined;
        const path = at ? `${at.path}.${key}` : key;
        return declared && jsonError(declared.schema, item, { struct, path }, key);
      });
    }
  }
}

function scalarJsonError(
  schema: ScalarSchema,
  value: unknown,
  field: string,
  mismatch: (found?: string) => string,
): string | undefined {
  if (schema === define.quantity) return quantityDecodeError(value);
  if (schema === define.intOrString && typeof value === 'string') return undefined;
  if (schema.type === 'boolean') return typeof value === 'boolean' ? undefined : mismatch();
  if (schema.type === 'numeric' || schema === define.intOrString) {
    if (typeof value !== 'number') return mismatch();
    const name = scalarTypeName(schema, field);
    return name === 'float64' || fitsInteger(value, name) ? undefined : mismatch(`number ${String(value)}`);
  }
  return typeof value === 'string' ? undefined : mismatch();
}

/**
 * The unstructured converter's first error in a strategic-merge-patched built-in object
 * of `schema`, in Go declaration order: `cannot convert int64 to string`, `cannot
 * restore slice from string`.
 */
export function converterTypeError(object: unknown, schema: Schema): string | undefined {
  return converterError(schema, object, '');
}

function converterError(schema: Schema, value: unknown, field: string): string | undefined {
  if (value === null || value === undefined || schema.kind === 'deduced') return undefined;
  const source = goKindOf(value);
  switch (schema.kind) {
    case 'scalar':
      return scalarConverterError(schema, value, field);
    case 'map':
      if (source !== 'map') return `cannot restore map from ${source}`;
      return firstOf(Object.values(value), (item) => converterError(schema.values, item, field));
    case 'list':
      if (source !== 'slice') return `cannot restore slice from ${source}`;
      return firstOf(value as unknown[], (item) => converterError(schema.items, item, field));
    case 'struct':
      if (schema === objectMeta) return objectMetaConverterError(value);
      if (source !== 'map') return `cannot restore struct from: ${source}`;
      return firstOf(Object.entries(schema.fields), ([key, declared]) =>
        converterError(declared.schema, getOwn(value as Record<string, unknown>, key), key),
      );
  }
}

function scalarConverterError(schema: ScalarSchema, value: unknown, field: string): string | undefined {
  const source = goKindOf(value);
  // Types with their own UnmarshalJSON convert through JSON.
  if (schema === define.quantity) return quantityDecodeError(value);
  if (schema === define.time) {
    return source === 'string' ? undefined : `json: cannot unmarshal ${goJsonKind(value)} into Go value of type string`;
  }
  if (schema === define.intOrString) {
    if (source === 'string' || source === 'int64') return undefined;
    const found = source === 'float64' ? `number ${String(value)}` : goJsonKind(value);
    return `json: cannot unmarshal ${found} into Go value of type int32`;
  }
  if (schema === define.bytes)
    return source === 'string' || source === 'slice' ? undefined : `cannot restore slice from ${source}`;
  const name = scalarTypeName(schema, field);
  if (schema.type === 'boolean') return source === 'bool' ? undefined : 'unrecognized type: bool';
  if (schema.type === 'numeric') {
    if (source === 'int64' || (source === 'float64' && name === 'float64')) return undefined;
    return source === 'float64' ? `cannot convert float64 to ${name}` : `unrecognized type: ${name}`;
  }
  if (source === 'string') return undefined;
  return source === 'int64' ? `cannot convert int64 to ${name}` : 'unrecognized type: string';
}
