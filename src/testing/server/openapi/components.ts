// Turns the structural schemas of schema/ into OpenAPI v3 component schemas, with the
// extensions kubectl and structured-merge-diff read: list types and map keys, map and
// struct atomicity, strategic merge patch strategies and merge keys, and key defaults.
import * as define from '../schema/define.ts';
import type { FieldSchema, JsonValue, ScalarSchema, Schema, StructSchema } from '../schema/index.ts';
import { componentKinds } from '../schema/packages.generated.ts';
import { componentName } from './component-names.ts';

/** A JSON object of an OpenAPI document. */
export type OpenApiObject = { [key: string]: JsonValue };

/** A kind to describe: its component name, schema and group-version-kind. */
export interface KindComponent {
  readonly name: string;
  readonly schema: StructSchema;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export const componentRef = (name: string): OpenApiObject => ({ $ref: `#/components/schemas/${name}` });

/**
 * The component schemas of `kinds` and of every named struct they reach, each kind with
 * its `x-kubernetes-group-version-kind` (the list form kubectl's apply looks for).
 * Structs the schema files do not name are written inline.
 */
export function kindComponents(kinds: readonly KindComponent[]): Record<string, OpenApiObject> {
  const keyDefaults = new Map<StructSchema, Record<string, JsonValue>>();
  for (const { schema } of kinds) collectKeyDefaults(schema, keyDefaults, new Set());
  const components: Record<string, OpenApiObject> = {};

  const render = (schema: Schema): OpenApiObject => {
    switch (schema.kind) {
      case 'scalar':
        return scalar(schema);
      // Only managedFields' fieldsV1 is deduced among the built-in types: a JSON object.
      case 'deduced':
        return { type: 'object' };
      case 'map':
        return {
          type: 'object',
          additionalProperties: render(schema.values),
          ...(schema.atomic && { 'x-kubernetes-map-type': 'atomic' }),
          ...(schema.granular && { 'x-kubernetes-map-type': 'granular' }),
        };
      case 'list':
        return {
          type: 'array',
          items: render(schema.items),
          'x-kubernetes-list-type': schema.listType,
          ...(schema.keys.length > 0 && { 'x-kubernetes-list-map-keys': [...schema.keys] }),
        };
      case 'struct': {
        const name = componentName(schema);
        if (name === undefined) return renderStruct(schema);
        // Reserved before its fields are written, so a recursive type refers to itself.
        if (!(name in components)) {
          components[name] = {};
          components[name] = { ...renderStruct(schema), ...kindsOf(name) };
        }
        return componentRef(name);
      }
    }
  };

  const renderStruct = (schema: StructSchema): OpenApiObject => {
    const defaults = keyDefaults.get(schema) ?? {};
    const properties: OpenApiObject = {};
    for (const [fieldName, field] of Object.entries(schema.fields)) {
      properties[fieldName] = property(render(field.schema), field, defaults[fieldName]);
    }
    return {
      type: 'object',
      properties,
      ...(schema.atomic && { 'x-kubernetes-map-type': 'atomic' }),
      ...(schema.open && { 'x-kubernetes-preserve-unknown-fields': true }),
    };
  };

  for (const { name, schema, group, version, kind } of kinds) {
    components[name] = {
      ...renderStruct(schema),
      'x-kubernetes-group-version-kind': [{ group, kind, version }],
    };
  }
  return components;
}

/**
 * The kinds a component is (a PersistentVolumeClaim inside a StatefulSet too), as
 * kube-apiserver's documents name them wherever the component appears.
 */
function kindsOf(name: string): OpenApiObject {
  const kinds = componentKinds[name];
  return kinds ? { 'x-kubernetes-group-version-kind': kinds.map((kind) => ({ ...kind })) } : {};
}

/** A struct field: its schema with the field's own extensions (beside a $ref, in allOf). */
function property(schema: OpenApiObject, field: FieldSchema, keyDefault: JsonValue | undefined): OpenApiObject {
  const extensions: OpenApiObject = {
    ...(keyDefault !== undefined && { default: keyDefault }),
    ...(field.patchMergeKey !== undefined && { 'x-kubernetes-patch-merge-key': field.patchMergeKey }),
    ...(field.patchStrategy !== undefined && { 'x-kubernetes-patch-strategy': field.patchStrategy }),
  };
  if (Object.keys(extensions).length === 0) return schema;
  return '$ref' in schema ? { allOf: [schema], ...extensions } : { ...schema, ...extensions };
}

function scalar(schema: ScalarSchema): OpenApiObject {
  if (schema === define.bytes) return { type: 'string', format: 'byte' };
  if (schema === define.atomicBytes) return { type: 'string', format: 'byte', 'x-kubernetes-list-type': 'atomic' };
  // metav1.Time and MicroTime.
  if (schema === define.time) return { type: 'string', format: 'date-time' };
  if (schema === define.quantity) return { oneOf: [{ type: 'string' }, { type: 'number' }] };
  if (schema === define.intOrString)
    return { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
  switch (schema.type) {
    case 'string':
      return { type: 'string' };
    case 'numeric':
      return { type: schema === define.number ? 'number' : 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'untyped':
      return {};
  }
}

/**
 * The key fields of map lists whose items are structs take the list's key defaults, as
 * `default` on the item type's property (where kube-apiserver's OpenAPI has them).
 */
function collectKeyDefaults(
  schema: Schema,
  into: Map<StructSchema, Record<string, JsonValue>>,
  seen: Set<Schema>,
): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  if (schema.kind === 'struct') {
    for (const field of Object.values(schema.fields)) collectKeyDefaults(field.schema, into, seen);
  } else if (schema.kind === 'map') {
    collectKeyDefaults(schema.values, into, seen);
  } else if (schema.kind === 'list') {
    if (schema.items.kind === 'struct' && Object.keys(schema.keyDefaults).length > 0) {
      into.set(schema.items, { ...into.get(schema.items), ...schema.keyDefaults });
    }
    collectKeyDefaults(schema.items, into, seen);
  }
}
