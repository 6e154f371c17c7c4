// apiextensions.k8s.io/v1 CustomResourceDefinition.
// Transcribed from the Go types of k8s.io/apiextensions-apiserver v0.36.3 (json tags,
// pointers, list types); fields in Go declaration order. A version's openAPIV3Schema is
// kept as written (deduced): `versions` is an atomic list, so nobody owns inside it.
import { deduced, type FieldSchema } from './schema.ts';
import { always, atomicList, boolean, field, integer, map, mapList, ptr, string, struct, time } from './define.ts';
import { objectMeta } from './meta-v1.generated.ts';

export const customResourceDefinitionNames = struct({
  plural: always(string),
  singular: string,
  shortNames: atomicList(string),
  kind: always(string),
  listKind: string,
  categories: atomicList(string),
});

export const customResourceColumnDefinition = struct({
  name: always(string),
  type: always(string),
  format: string,
  description: string,
  priority: integer,
  jsonPath: always(string),
});

export const customResourceSubresources = struct({
  status: ptr(struct({})),
  scale: ptr(
    struct({ specReplicasPath: always(string), statusReplicasPath: always(string), labelSelectorPath: ptr(string) }),
  ),
});

/**
 * JSONSchemaProps: its fields in Go declaration order, so answers write a schema as Go
 * does. Values that are unions in Go (items, additionalProperties, dependencies) or raw
 * JSON (default, enum, example) stay deduced; `properties` and its kin nest the same type.
 */
const jsonSchemaFields = [
  'id',
  '$schema',
  '$ref',
  'description',
  'type',
  'format',
  'title',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
  'enum',
  'maxProperties',
  'minProperties',
  'required',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'properties',
  'additionalProperties',
  'patternProperties',
  'dependencies',
  'additionalItems',
  'definitions',
  'externalDocs',
  'example',
  'nullable',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
];
// Go pointers: written when set, even to 0 or false; the others are dropped when empty.
const pointerFields = new Set([
  'default',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'multipleOf',
  'maxProperties',
  'minProperties',
  'items',
  'not',
  'additionalProperties',
  'additionalItems',
  'externalDocs',
  'example',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
]);
export const jsonSchemaProps = struct(
  Object.fromEntries(jsonSchemaFields.map((name) => [name, pointerFields.has(name) ? ptr(deduced) : field(deduced)])),
  { open: true },
);
// The nested schemas are of the same type: the struct refers to itself.
const nested = jsonSchemaProps.fields as Record<string, FieldSchema>;
nested.not = ptr(jsonSchemaProps);
for (const name of ['properties', 'patternProperties', 'definitions']) nested[name] = field(map(jsonSchemaProps));
for (const name of ['allOf', 'oneOf', 'anyOf']) nested[name] = field(atomicList(jsonSchemaProps));

export const customResourceDefinitionVersion = struct({
  name: always(string),
  served: always(boolean),
  storage: always(boolean),
  deprecated: boolean,
  deprecationWarning: ptr(string),
  schema: ptr(struct({ openAPIV3Schema: ptr(jsonSchemaProps) })),
  subresources: ptr(customResourceSubresources),
  additionalPrinterColumns: atomicList(customResourceColumnDefinition),
  selectableFields: atomicList(struct({ jsonPath: always(string) })),
});

export const customResourceConversion = struct({
  strategy: always(string),
  webhook: ptr(deduced),
});

export const customResourceDefinitionSpec = struct({
  group: always(string),
  names: always(customResourceDefinitionNames),
  scope: always(string),
  versions: always(atomicList(customResourceDefinitionVersion)),
  conversion: ptr(customResourceConversion),
  preserveUnknownFields: boolean,
});

export const customResourceDefinitionCondition = struct({
  type: always(string),
  status: always(string),
  lastTransitionTime: time,
  reason: string,
  message: string,
});

export const customResourceDefinitionStatus = struct({
  conditions: always(mapList(customResourceDefinitionCondition, ['type'], { type: '' })),
  acceptedNames: always(customResourceDefinitionNames),
  storedVersions: always(atomicList(string)),
});

export const customResourceDefinition = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  spec: always(customResourceDefinitionSpec),
  status: customResourceDefinitionStatus,
});
