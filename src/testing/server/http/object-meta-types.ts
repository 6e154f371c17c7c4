// metav1.ObjectMeta as Go declares it, to refuse metadata of the wrong JSON types with
// Go's exact messages (schema-type-errors.ts checks the rest of an object): encoding/json's
// for bodies and JSON or merge patches, the unstructured converter's for strategic merge
// patches. The schema files do not carry Go's type names (types.UID, int64), this does.
import { goJsonKind, isJsonObject } from '../patch/json-value.ts';

type GoType =
  | { readonly kind: 'string'; readonly name: string }
  | { readonly kind: 'int64' | 'bool' | 'time' | 'raw' }
  | { readonly kind: 'map' | 'slice'; readonly name: string; readonly element: GoType }
  | { readonly kind: 'struct'; readonly name: string; readonly fields: Readonly<Record<string, GoType>> };

const string: GoType = { kind: 'string', name: 'string' };
const uid: GoType = { kind: 'string', name: 'types.UID' };
const int64: GoType = { kind: 'int64' };
const bool: GoType = { kind: 'bool' };
/** metav1.Time: a string (its format is not checked here) or null. */
const time: GoType = { kind: 'time' };

const ownerReference: GoType = {
  kind: 'struct',
  name: 'v1.OwnerReference',
  fields: { apiVersion: string, kind: string, name: string, uid, controller: bool, blockOwnerDeletion: bool },
};

const managedFieldsEntry: GoType = {
  kind: 'struct',
  name: 'v1.ManagedFieldsEntry',
  fields: {
    manager: string,
    operation: { kind: 'string', name: 'v1.ManagedFieldsOperationType' },
    apiVersion: string,
    time,
    fieldsType: string,
    // FieldsV1 keeps whatever JSON it is given.
    fieldsV1: { kind: 'raw' },
    subresource: string,
  },
};

/** metav1.ObjectMeta, fields in Go declaration order. */
const objectMeta: GoType = {
  kind: 'struct',
  name: 'v1.ObjectMeta',
  fields: {
    name: string,
    generateName: string,
    namespace: string,
    selfLink: string,
    uid,
    resourceVersion: string,
    generation: int64,
    creationTimestamp: time,
    deletionTimestamp: time,
    deletionGracePeriodSeconds: int64,
    labels: { kind: 'map', name: 'map[string]string', element: string },
    annotations: { kind: 'map', name: 'map[string]string', element: string },
    ownerReferences: { kind: 'slice', name: '[]v1.OwnerReference', element: ownerReference },
    finalizers: { kind: 'slice', name: '[]string', element: string },
    managedFields: { kind: 'slice', name: '[]v1.ManagedFieldsEntry', element: managedFieldsEntry },
  },
};

/** Where a value sits as encoding/json names it: innermost struct, and the dotted field path. */
export interface Field {
  readonly struct: string;
  readonly path: string;
}

const typeName = (type: GoType) =>
  type.kind === 'int64' || type.kind === 'bool'
    ? type.kind
    : type.kind === 'time'
      ? 'string'
      : 'name' in type
        ? type.name
        : '';

/**
 * encoding/json's first type error in `metadata` (at `at` in the object, or decoded on
 * its own as for a custom resource), in document order:
 * `json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string`.
 */
export const objectMetaJsonError = (metadata: unknown, at: Field | undefined) => jsonError(objectMeta, metadata, at);

/**
 * The unstructured converter's first error in `metadata`, in Go declaration order:
 * `cannot convert int64 to string`, `cannot restore struct from: string`.
 */
export const objectMetaConverterError = (metadata: unknown) => converterError(objectMeta, metadata);

function jsonError(type: GoType, value: unknown, at: Field | undefined): string | undefined {
  if (value === null) return undefined; // Go leaves the zero value
  const mismatch = (found: string = goJsonKind(value)) =>
    `json: cannot unmarshal ${found} into Go ${at ? `struct field ${at.struct}.${at.path}` : 'value'} of type ${typeName(type)}`;
  switch (type.kind) {
    case 'string':
    case 'time':
      return typeof value === 'string' ? undefined : mismatch();
    case 'bool':
      return typeof value === 'boolean' ? undefined : mismatch();
    case 'int64':
      if (typeof value !== 'number') return mismatch();
      return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? undefined : mismatch(`number ${String(value)}`);
    case 'raw':
      return undefined;
    case 'map':
      if (!isJsonObject(value)) return mismatch();
      return firstOf(Object.values(value), (item) => jsonError(type.element, item, at));
    case 'slice':
      if (!Array.isArray(value)) return mismatch();
      return firstOf(value, (item) => jsonError(type.element, item, at));
    case 'struct': {
      if (!isJsonObject(value)) return mismatch();
      const struct = type.name.slice(type.name.indexOf('.') + 1);
      return firstOf(Object.entries(value), ([key, item]) => {
        const field = Object.hasOwn(type.fields, key) ? type.fields[key] : undefined;
        // Unknown fields are dropped, not errors.
        return field && jsonError(field, item, { struct, path: at ? `${at.path}.${key}` : key });
      });
    }
  }
}

/** The Go kind of a decoded JSON value, as the converter sees it: whole numbers are int64. */
export function goKindOf(value: unknown): 'map' | 'slice' | 'int64' | 'float64' | 'bool' | 'string' {
  if (isJsonObject(value)) return 'map';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? 'int64' : 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

function converterError(type: GoType, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const source = goKindOf(value);
  switch (type.kind) {
    case 'string':
      if (source === 'string') return undefined;
      return source === 'int64' ? `cannot convert int64 to ${type.name}` : 'unrecognized type: string';
    case 'int64':
      if (source === 'int64') return undefined;
      return source === 'float64' ? 'cannot convert float64 to int64' : 'unrecognized type: int64';
    case 'bool':
      return source === 'bool' ? undefined : 'unrecognized type: bool';
    case 'time':
      // metav1.Time converts through its UnmarshalJSON.
      return source === 'string'
        ? undefined
        : `json: cannot unmarshal ${goJsonKind(value)} into Go value of type string`;
    case 'raw':
      return undefined;
    case 'map':
      if (source !== 'map') return `cannot restore map from ${source}`;
      return firstOf(Object.values(value), (item) => converterError(type.element, item));
    case 'slice':
      if (source !== 'slice') return `cannot restore slice from ${source}`;
      return firstOf(value as unknown[], (item) => converterError(type.element, item));
    case 'struct':
      if (source !== 'map') return `cannot restore struct from: ${source}`;
      return firstOf(Object.entries(type.fields), ([key, field]) =>
        converterError(field, (value as Record<string, unknown>)[key]),
      );
  }
}

export function firstOf<T>(items: Iterable<T>, check: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const error = check(item);
    if (error !== undefined) return error;
  }
  return undefined;
}
