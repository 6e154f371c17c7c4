import { goHtmlEscape } from '../fields/json-value.ts';
import { fieldsV1, string, struct } from '../schema/define.ts';
import { byCodePoint } from '../selectors/code-point-order.ts';
import { customResource, type Schema, schemaFor } from '../schema/index.ts';
import { objectMeta } from '../schema/meta-v1.generated.ts';

/**
 * How an object's keys are ordered: by a schema (Go structs and maps), all sorted (Go
 * maps throughout), or as built, where lists and watch events carry documents.
 */
type Order = Schema | 'sorted' | 'as-built' | { readonly documents: Schema };

/**
 * Kinds kube-apiserver writes from Go structs the embedded server builds in Go's field
 * order already (Status, Table, discovery); their keys are written as built.
 */
const builtInOrder = new Set([
  'Status',
  'Table',
  'APIVersions',
  'APIGroupList',
  'APIGroup',
  'APIResourceList',
  'APIGroupDiscoveryList',
]);

/** A table row's object when only metadata is asked for (Go's PartialObjectMetadata). */
const partialObjectMetadata = struct({ kind: string, apiVersion: string, metadata: objectMeta });

/**
 * JSON text of `value` with keys in the order kube-apiserver writes them: a built-in kind's
 * fields in Go declaration order and its maps (labels, data, …) sorted by key, as Go's
 * encoder sorts map keys; a custom resource, held by kube-apiserver as a map, sorted
 * throughout; a list's items each as its kind; a watch event's object likewise. Needs
 * its own walk: JSON.stringify puts integer-like keys ("9", "10") first whatever the
 * order they were set in.
 */
export function goEncode(value: unknown): string {
  return encode(value, documentOrder(value));
}

function documentOrder(value: unknown): Order {
  if (!isObject(value)) return 'as-built';
  const { kind, apiVersion } = value;
  if (typeof kind !== 'string' || typeof apiVersion !== 'string' || builtInOrder.has(kind)) return 'as-built';
  if (kind === 'PartialObjectMetadata') return partialObjectMetadata;
  if (kind === 'PartialObjectMetadataList') return { documents: partialObjectMetadata };
  const schema = schemaFor(apiVersion, kind);
  if (schema !== customResource) return schema;
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    const items = schemaFor(apiVersion, kind.slice(0, -'List'.length));
    return items === customResource ? 'sorted' : { documents: items };
  }
  return 'sorted';
}

function encode(value: unknown, order: Order): string {
  if (Array.isArray(value)) {
    const items = itemOrder(order);
    return `[${value.map((item) => encode(item, items)).join(',')}]`;
  }
  if (!isObject(value)) {
    // undefined (an array hole) has no JSON text; Go and JSON.stringify write null.
    const text = JSON.stringify(value) as string | undefined;
    return goHtmlEscape(text ?? 'null');
  }
  const entries = orderedEntries(value, order).map(
    ([key, child, childOrder]) => `${goHtmlEscape(JSON.stringify(key))}:${encode(child, childOrder)}`,
  );
  return `{${entries.join(',')}}`;
}

/** The order of a list's items: the list schema's, a list document's kind, or the same as the list's. */
function itemOrder(order: Order): Order {
  if (order === 'sorted' || order === 'as-built') return order;
  if ('documents' in order) return order.documents;
  if (order.kind === 'list') return order.items;
  return order.kind === 'deduced' ? 'sorted' : 'as-built';
}

/** The object's entries in writing order, each with the order its own value takes. */
function orderedEntries(object: Record<string, unknown>, order: Order): [string, unknown, Order][] {
  const present = Object.keys(object).filter((key) => object[key] !== undefined);
  if (order === 'sorted') return present.sort(byCodePoint).map((key) => [key, object[key], 'sorted']);
  if (order === 'as-built') return present.map((key) => [key, object[key], childOfAsBuilt(key, object[key])]);
  if ('documents' in order) return present.map((key) => [key, object[key], key === 'items' ? order : 'as-built']);
  if (order.kind === 'map') return present.sort(byCodePoint).map((key) => [key, object[key], order.values]);
  if (order.kind === 'struct') {
    const declared = Object.keys(order.fields).filter((key) => present.includes(key));
    const others = present.filter((key) => !Object.hasOwn(order.fields, key)).sort(byCodePoint);
    return [
      ...declared.map((key): [string, unknown, Order] => [key, object[key], order.fields[key]?.schema ?? 'sorted']),
      ...others.map((key): [string, unknown, Order] => [key, object[key], 'sorted']),
    ];
  }
  // managedFields' fieldsV1: raw bytes in Go, written as the set's encoder ordered them.
  if (order === fieldsV1) return present.map((key) => [key, object[key], fieldsV1]);
  // Deduced (a custom resource's spec) and scalars: Go holds them as maps.
  return present.sort(byCodePoint).map((key) => [key, object[key], 'sorted']);
}

/** Inside an object written as built, a list's items, a watch event's object or an included object are documents. */
function childOfAsBuilt(key: string, child: unknown): Order {
  if (key === 'object' && isObject(child)) return documentOrder(child);
  return 'as-built';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
