// A CRD's openAPIV3Schema as kube-apiserver writes it back: JSONSchemaProps' fields in Go
// declaration order at every level (a client's `properties` before `type` comes back
// after it), since the schema is decoded into that struct and encoded again.
import type { KubeObject } from '../../../core/object.ts';

const goOrder = [
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
const rank = new Map(goOrder.map((key, i) => [key, i]));
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One schema node and everything below it, in Go's order. */
export function inSchemaOrder(node: unknown): unknown {
  if (!isObject(node)) return node;
  const keys = Object.keys(node).sort((a, b) => (rank.get(a) ?? goOrder.length) - (rank.get(b) ?? goOrder.length));
  const ordered: Json = {};
  for (const key of keys) ordered[key] = orderedChild(key, node[key]);
  return ordered;
}

function orderedChild(key: string, value: unknown): unknown {
  if (['properties', 'patternProperties', 'definitions'].includes(key) && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, inSchemaOrder(child)]));
  }
  if (['items', 'additionalProperties', 'additionalItems', 'not'].includes(key)) {
    return Array.isArray(value) ? value.map(inSchemaOrder) : inSchemaOrder(value);
  }
  if (['allOf', 'oneOf', 'anyOf'].includes(key) && Array.isArray(value)) return value.map(inSchemaOrder);
  return value;
}

/** Puts every version's openAPIV3Schema of `crd` in Go's order. Mutates `crd`. */
export function orderVersionSchemas(crd: KubeObject): void {
  const versions = (crd.spec as { versions?: unknown } | undefined)?.versions;
  if (!Array.isArray(versions)) return;
  for (const version of versions) {
    const schema = isObject(version) ? version.schema : undefined;
    if (isObject(schema) && isObject(schema.openAPIV3Schema)) {
      schema.openAPIV3Schema = inSchemaOrder(schema.openAPIV3Schema);
    }
  }
}
