// The schema managedFields (updates and server-side apply) type a custom resource by, made
// from its CRD's structural schema as kube-apiserver's type converter makes it: declared objects are structs (no
// "." of their own in managedFields, undeclared fields refused unless
// x-kubernetes-preserve-unknown-fields), additionalProperties maps, lists atomic unless
// x-kubernetes-list-type says set or map. The root stays open to Go's unstructured shape.
import {
  atomicList,
  boolean,
  field,
  intOrString,
  integer,
  map,
  mapList,
  number,
  setList,
  string,
  struct,
} from '../schema/define.ts';
import { objectMeta } from '../schema/meta-v1.generated.ts';
import { deduced, type Schema } from '../schema/schema.ts';
import type { StructuralSchema } from '../structural/index.ts';

/** Every value present stays so (an unstructured object has no zero values to add). */
const asSent = (schema: Schema) => field(schema, { pointer: true, omitEmpty: true });

function typed(schema: StructuralSchema): Schema {
  if (schema.intOrString) return intOrString;
  switch (schema.type) {
    case 'string':
      return string;
    case 'integer':
      return integer;
    case 'number':
      return number;
    case 'boolean':
      return boolean;
    case 'array':
      return listOf(schema);
    case 'object':
      return objectOf(schema);
    default:
      return deduced;
  }
}

function listOf(schema: StructuralSchema): Schema {
  const items = schema.items ? typed(schema.items) : deduced;
  if (schema.listType === 'set') return setList(items);
  if (schema.listType === 'map') return mapList(items, schema.listMapKeys ?? []);
  return atomicList(items);
}

function objectOf(schema: StructuralSchema): Schema {
  const atomic = schema.mapType === 'atomic';
  const { additionalProperties } = schema;
  if (schema.properties === undefined && typeof additionalProperties === 'object')
    return map(typed(additionalProperties), { atomic });
  const fields = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [name, asSent(typed(property))]),
  );
  return struct(fields, { atomic, open: schema.preserveUnknownFields || additionalProperties === true });
}

/** The managedFields schema of a custom resource whose CRD declares `schema`. */
export function managedFieldsSchema(schema: StructuralSchema): Schema {
  const declared = Object.entries(schema.properties ?? {}).filter(
    ([name]) => name !== 'apiVersion' && name !== 'kind' && name !== 'metadata',
  );
  const fields = Object.fromEntries(declared.map(([name, property]) => [name, asSent(typed(property))]));
  return struct({ apiVersion: string, kind: string, metadata: objectMeta, ...fields }, { open: true });
}
