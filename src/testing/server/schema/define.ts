// Constructors that keep the schema files close to the Go declarations they transcribe.
import type {
  DeducedSchema,
  FieldSchema,
  JsonValue,
  ListSchema,
  MapSchema,
  PatchStrategy,
  ScalarSchema,
  Schema,
  StructSchema,
} from './schema.ts';

export const string: ScalarSchema = { kind: 'scalar', type: 'string', zero: '', go: 'value' };
export const integer: ScalarSchema = { kind: 'scalar', type: 'numeric', zero: 0, go: 'value' };
export const number: ScalarSchema = { kind: 'scalar', type: 'numeric', zero: 0, go: 'value' };
export const boolean: ScalarSchema = { kind: 'scalar', type: 'boolean', zero: false, go: 'value' };
/** `[]byte`, base64 in JSON. */
export const bytes: ScalarSchema = { kind: 'scalar', type: 'string', zero: null, go: 'slice' };
/** `[]byte` marked `+listType=atomic` (an APIService's caBundle): the same, its OpenAPI says so. */
export const atomicBytes: ScalarSchema = { kind: 'scalar', type: 'string', zero: null, go: 'slice' };
/** `metav1.Time` and `metav1.MicroTime`: a struct whose zero value is written `null`. */
export const time: ScalarSchema = { kind: 'scalar', type: 'untyped', zero: null, go: 'struct' };
/** `resource.Quantity`: a struct whose zero value is written `"0"`. */
export const quantity: ScalarSchema = { kind: 'scalar', type: 'untyped', zero: '0', go: 'struct' };
/**
 * `metav1.FieldsV1`: free-form JSON, owned as the deduced schema, that Go holds as raw bytes
 * and writes back as they are (not as a map with sorted keys).
 */
export const fieldsV1: DeducedSchema = { kind: 'deduced' };
/** `intstr.IntOrString`: a struct whose zero value is written `0`. */
export const intOrString: ScalarSchema = { kind: 'scalar', type: 'untyped', zero: 0, go: 'struct' };

/** How a field is declared, beyond its schema; unset options are Go's usual `omitempty` value. */
export interface FieldOptions {
  readonly pointer?: boolean;
  readonly omitEmpty?: boolean;
  readonly omitZero?: boolean;
  readonly patchStrategy?: PatchStrategy;
  readonly patchMergeKey?: string;
}

export function field(schema: Schema, options: FieldOptions = {}): FieldSchema {
  const { pointer = false, omitEmpty = true, omitZero = false, patchStrategy, patchMergeKey } = options;
  return {
    schema,
    pointer,
    omitEmpty,
    omitZero,
    ...(patchStrategy !== undefined && { patchStrategy }),
    ...(patchMergeKey !== undefined && { patchMergeKey }),
  };
}

/** `*T` with `omitempty`. */
export const ptr = (schema: Schema, options: FieldOptions = {}): FieldSchema =>
  field(schema, { pointer: true, ...options });

/** A field without `omitempty`: always written, `null` when nil. */
export const always = (schema: Schema, options: FieldOptions = {}): FieldSchema =>
  field(schema, { omitEmpty: false, ...options });

/** A field that strategic merge patch merges by `key` (`patchStrategy:"merge"`). */
export const mergedBy = (key: string, schema: Schema, options: FieldOptions = {}): FieldSchema =>
  field(schema, { patchStrategy: 'merge', patchMergeKey: key, ...options });

export function struct(
  fields: Record<string, Schema | FieldSchema>,
  options: { atomic?: boolean; open?: boolean } = {},
): StructSchema {
  const declared: Record<string, FieldSchema> = {};
  for (const [name, value] of Object.entries(fields)) declared[name] = 'kind' in value ? field(value) : value;
  return { kind: 'struct', fields: declared, atomic: options.atomic ?? false, open: options.open ?? false };
}

/** The same struct, owned as a whole (`+structType=atomic`). */
export const atomicStruct = (fields: Record<string, Schema | FieldSchema>): StructSchema =>
  struct(fields, { atomic: true });

export function map(values: Schema, options: { atomic?: boolean; granular?: true } = {}): MapSchema {
  return { kind: 'map', values, atomic: options.atomic ?? false, ...(options.granular && { granular: true }) };
}

export function atomicList(items: Schema): ListSchema {
  return { kind: 'list', items, listType: 'atomic', keys: [], keyDefaults: {} };
}

export function setList(items: Schema): ListSchema {
  return { kind: 'list', items, listType: 'set', keys: [], keyDefaults: {} };
}

export function mapList(
  items: Schema,
  keys: readonly string[],
  keyDefaults: Record<string, JsonValue> = {},
): ListSchema {
  return { kind: 'list', items, listType: 'map', keys, keyDefaults };
}
