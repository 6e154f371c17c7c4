// Strategic merge patch as kube-apiserver applies it (k8s.io/apimachinery strategicpatch,
// with MergeParallelList and IgnoreUnmatchedNulls), step for step, including its errors
// and the order it gives merged lists.
import { goValue, isObject, type JsonObject } from '../fields/json-value.ts';
import { deduced, type JsonValue, type Schema } from '../schema/schema.ts';

/** A patch kube-apiserver refuses: `code` 400 (BadRequest), 415, 422 or 500, and its message. */
export class StrategicMergePatchError extends Error {
  readonly code: 400 | 415 | 422 | 500;
  constructor(code: 400 | 415 | 422 | 500, message: string) {
    super(message);
    this.code = code;
    this.name = 'StrategicMergePatchError';
  }
}

/**
 * Applies a strategic merge patch to `target` (an object as kube-apiserver serves it)
 * under `schema` (from `schemaFor`), without changing either input:
 * - maps merge key by key; `null` deletes a key; other values replace;
 * - lists whose field has `patchStrategy:"merge"` merge: items by `patchMergeKey`
 *   (merging matching items, adding new ones ahead of the remaining live ones, as
 *   kube-apiserver orders them), scalars as a set; other lists are replaced;
 * - directives: `$patch: replace | delete` in a map or as a list item, `$retainKeys`,
 *   `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>`, as kubectl sends them.
 *
 * Throws {@link StrategicMergePatchError} with kube-apiserver's code and message (a
 * missing merge key: `map: map[image:x] does not contain declared merge key: name`; 415
 * for a custom resource, which has no Go struct tags to patch by).
 */
export function applyStrategicMergePatch(target: unknown, patch: unknown, schema: Schema): JsonValue {
  if (schema.kind === 'deduced' || (schema.kind === 'struct' && schema.open)) {
    throw new StrategicMergePatchError(
      415,
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  }
  if (patch === null) return structuredClone(target) as JsonValue;
  if (!isObject(patch)) {
    throw new StrategicMergePatchError(
      400,
      `json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`,
    );
  }
  const original: JsonObject = isObject(target) ? structuredClone(target) : {};
  return mergeMap(original, structuredClone(patch), schema);
}

const jsonKind = (value: unknown): string =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'bool';

// JSON objects here are dictionaries, whose keys come and go.
function removeKey(object: JsonObject, key: string): void {
  Reflect.deleteProperty(object, key);
}

const directiveMarker = '$patch';
const retainKeysDirective = '$retainKeys';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
const setElementOrderPrefix = '$setElementOrder';

const badRetainKeys = () => new StrategicMergePatchError(400, 'invalid patch format of retainKeys');
const badPrimitiveList = () => new StrategicMergePatchError(400, 'invalid patch format of primitive list');
const badSetElementOrder = () => new StrategicMergePatchError(400, 'invalid patch format of setElementOrder list');
const internal = (message: string) => new StrategicMergePatchError(500, message);
const noMergeKey = (map: JsonObject, key: string) =>
  internal(`map: ${goValue(map)} does not contain declared merge key: ${key}`);
const badPatchType = (type: JsonValue | undefined, map: JsonObject) =>
  internal(`unknown patch type: ${goValue(type ?? null)} in map: ${goValue(map)}`);
const badArgType = (expected: string, actual: JsonValue | undefined) =>
  internal(`expected a ${expected}, but received a ${goTypeName(actual)}`);

// reflect.TypeOf of a decoded JSON value, which decides "same type" in the Go code.
function goTypeName(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  if (isObject(value)) return 'map[string]interface {}';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

/** The patch metadata of a struct field: its schema and its patchStrategy/patchMergeKey tags. */
interface FieldMeta {
  readonly schema: Schema;
  readonly strategy: string;
  readonly mergeKey: string;
}

function fieldMeta(schema: Schema, key: string): FieldMeta {
  if (schema.kind === 'map') return { schema: schema.values, strategy: '', mergeKey: '' };
  if (schema.kind !== 'struct') return { schema: deduced, strategy: '', mergeKey: '' };
  // Go's encoding/json field lookup: exact name first, else case-insensitive.
  const name = Object.hasOwn(schema.fields, key)
    ? key
    : Object.keys(schema.fields).find((field) => field.toLowerCase() === key.toLowerCase());
  const field = name === undefined ? undefined : schema.fields[name];
  if (!field) return { schema: deduced, strategy: '', mergeKey: '' };
  return { schema: field.schema, strategy: strategyOf(field.patchStrategy ?? ''), mergeKey: field.patchMergeKey ?? '' };
}

// The strategy besides retainKeys (extractRetainKeysPatchStrategy).
function strategyOf(tag: string): string {
  const strategies = tag.split(',');
  if (strategies.length === 1) return strategies[0] === 'retainKeys' ? '' : (strategies[0] ?? '');
  if (strategies.length === 2 && strategies.includes('retainKeys'))
    return strategies.find((s) => s !== 'retainKeys') ?? '';
  throw internal(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

const itemsOf = (schema: Schema): Schema => (schema.kind === 'list' ? schema.items : deduced);

function mergeMap(original: JsonObject | null, patch: JsonObject, schema: Schema): JsonObject {
  if (directiveMarker in patch) {
    const directive = patch[directiveMarker];
    if (directive === 'replace') {
      removeKey(patch, directiveMarker);
      return patch;
    }
    if (directive === 'delete') return {};
    throw badPatchType(directive, patch);
  }
  const out = original ?? {};
  applyRetainKeys(out, patch);
  mergeElementOrders(out, patch, schema);
  for (const [patchKey, patchValue] of Object.entries(patch)) {
    let key = patchKey;
    const isDeleteList = patchKey.startsWith(deleteFromPrimitiveListPrefix);
    if (isDeleteList) key = extractKey(patchKey, deleteFromPrimitiveListPrefix, badPrimitiveList);
    if (patchValue === null) {
      removeKey(out, key);
      continue;
    }
    const current = out[key];
    if (!(key in out) || goTypeName(current) !== goTypeName(patchValue)) {
      if (isDeleteList) continue;
      discardNulls(patchValue);
      const kept = removeDirectives(patchValue);
      if (kept === undefined) removeKey(out, key);
      else out[key] = kept;
      continue;
    }
    if (isObject(current) && isObject(patchValue)) {
      const meta = fieldMeta(schema, key);
      out[key] = meta.strategy === 'replace' ? patchValue : mergeMap(current, patchValue, meta.schema);
    } else if (Array.isArray(current) && Array.isArray(patchValue)) {
      const meta = fieldMeta(schema, key);
      out[key] = mergeListField(new GoSlice(current), patchValue, meta, isDeleteList);
    } else {
      out[key] = patchValue;
    }
  }
  return out;
}

// `$retainKeys: [...]`: keys of the live map outside the list go; the patch may only set listed keys.
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!(retainKeysDirective in patch)) return;
  const retained = patch[retainKeysDirective];
  removeKey(patch, retainKeysDirective);
  if (!Array.isArray(retained)) throw badRetainKeys();
  const keep = (key: string) => retained.some((item) => item === key);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(deleteFromPrimitiveListPrefix) || key.startsWith(setElementOrderPrefix))
      continue;
    if (!keep(key)) throw badRetainKeys();
  }
  for (const key of Object.keys(original)) if (!keep(key)) removeKey(original, key);
}

function extractKey(text: string, prefix: string, error: () => StrategicMergePatchError): string {
  const slash = text.indexOf('/');
  if (slash < 0 || text.slice(0, slash) !== prefix) throw error();
  return text.slice(slash + 1);
}

// `$setElementOrder/<list>`: merges that list with the patch's, then orders it as listed.
function mergeElementOrders(original: JsonObject, patch: JsonObject, schema: Schema): void {
  for (const [directive, order] of Object.entries(patch)) {
    if (!directive.startsWith(setElementOrderPrefix)) continue;
    removeKey(patch, directive);
    if (!Array.isArray(order)) throw badArgType('[]interface {}', order);
    const key = extractKey(directive, setElementOrderPrefix, badSetElementOrder);
    const [foundOriginal, foundPatch] = [key in original, key in patch];
    const originalList = original[key];
    const patchList = patch[key];
    if (foundOriginal && !Array.isArray(originalList)) throw badArgType('[]interface {}', originalList);
    if (foundPatch && !Array.isArray(patchList)) throw badArgType('[]interface {}', patchList);
    const originalItems = Array.isArray(originalList) ? originalList : [];
    const patchItems = Array.isArray(patchList) ? patchList : [];
    const meta = fieldMeta(schema, key);
    checkElementOrder(patchItems, order, meta.mergeKey);
    // Go's slices alias: the merge may write over the live list that later sets the order.
    const live = new GoSlice(originalItems);
    let merged: JsonValue[];
    if (foundOriginal && !foundPatch) merged = originalItems;
    else if (!foundOriginal && foundPatch) merged = (removeDirectives(patchItems) as JsonValue[] | undefined) ?? [];
    else if (foundOriginal && foundPatch) merged = mergeListField(live, patchItems, meta, false);
    else continue;
    const kind = elementKind([live.view(originalItems.length), patchItems]);
    const [inOrder, serverOnly] = partition(merged, order, meta.mergeKey);
    original[key] = normalizeElementOrder(
      inOrder,
      serverOnly,
      order,
      live.view(originalItems.length),
      meta.mergeKey,
      kind,
    );
    removeKey(patch, key);
  }
}

// validatePatchWithSetOrderList: the patch's items must appear in the order list, in its order.
function checkElementOrder(patchList: JsonValue[], order: JsonValue[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey === '' ? patchList : patchList.filter((item) => !isDeleteItem(item));
  let [p, o] = [0, 0];
  while (p < items.length && o < order.length) {
    const item = items[p] as JsonValue;
    if (isObject(item) && directiveMarker in item) {
      p++;
      continue;
    }
    if (mergeKeyEqual(item, order[o] as JsonValue, mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) {
    throw internal(
      `The order in patch list:\n${goValue(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goValue(order)}\n`,
    );
  }
}

function isDeleteItem(item: JsonValue): boolean {
  if (!isObject(item)) throw badArgType('map[string]interface {}', item);
  return item[directiveMarker] === 'delete';
}

function mergeKeyEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isObject(left)) throw badArgType('map[string]interface {}', left);
  if (!isObject(right)) throw badArgType('map[string]interface {}', right);
  if (!(mergeKey in left)) throw noMergeKey(left, mergeKey);
  if (!(mergeKey in right)) throw noMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

// Go's == on interface values: scalars of one type and value; nil equals nil (maps and
// lists are never compared where kube-apiserver would compare them).
function goEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const [x, y] = [a ?? null, b ?? null];
  if (typeof x === 'object' || typeof y === 'object') return x === null && y === null;
  return x === y && goTypeName(x) === goTypeName(y);
}

function mergeListField(original: GoSlice, patch: JsonValue[], meta: FieldMeta, isDeleteList: boolean): JsonValue[] {
  if (meta.strategy !== 'merge' && !isDeleteList) return patch;
  return mergeSlice(original, patch, itemsOf(meta.schema), meta.mergeKey, isDeleteList);
}

function mergeSlice(
  original: GoSlice,
  patch: JsonValue[],
  schema: Schema,
  mergeKey: string,
  isDeleteList: boolean,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original.items();
  const kind = elementKind([original.items(), patch]);
  let merged: JsonValue[];
  let order = patch;
  let live = original;
  if (kind !== 'map') {
    if (isDeleteList) return original.items().filter((item) => !patch.some((gone) => goEqual(item, gone)));
    merged = deduplicate([...original.items(), ...patch]);
  } else {
    if (mergeKey === '') throw internal('cannot merge lists without merge key for ');
    const special = applySpecialElements(original, patch, mergeKey);
    live = special.original;
    order = special.patch;
    merged = mergeByKey(live, order, mergeKey, schema).items();
  }
  const [inPatch, serverOnly] = partition(merged, order, mergeKey);
  return normalizeElementOrder(inPatch, serverOnly, order, live.items(), mergeKey, kind);
}

// `$patch: delete` items remove their match; `$patch: replace` makes the rest the whole list.
function applySpecialElements(
  original: GoSlice,
  patch: JsonValue[],
  mergeKey: string,
): { original: GoSlice; patch: JsonValue[] } {
  const plain: JsonValue[] = [];
  let replace = false;
  let live = original;
  for (const item of patch) {
    const map = item as JsonObject;
    if (!(directiveMarker in map)) {
      plain.push(item);
      continue;
    }
    const directive = map[directiveMarker];
    if (directive === 'delete') {
      if (!(mergeKey in map)) throw noMergeKey(map, mergeKey);
      for (
        let at = findByKey(live.items(), mergeKey, map[mergeKey]);
        at >= 0;
        at = findByKey(live.items(), mergeKey, map[mergeKey])
      ) {
        live = live.removeAt(at);
      }
    } else if (directive === 'replace') replace = true;
    else if (directive === 'merge') throw internal('merging lists cannot yet be specified in the patch');
    else throw badPatchType(directive, map);
  }
  return replace ? { original: new GoSlice(plain), patch: [] } : { original: live, patch: plain };
}

function mergeByKey(original: GoSlice, patch: JsonValue[], mergeKey: string, schema: Schema): GoSlice {
  let out = original;
  for (const item of patch) {
    const map = item as JsonObject;
    if (!(mergeKey in map)) throw noMergeKey(map, mergeKey);
    const at = findByKey(out.items(), mergeKey, map[mergeKey]);
    if (at >= 0) out.set(at, mergeMap(out.items()[at] as JsonObject, map, schema));
    else out = out.append(item);
  }
  return out;
}

function findByKey(items: JsonValue[], key: string, value: JsonValue | undefined): number {
  for (const [i, item] of items.entries()) {
    if (!isObject(item)) throw internal(`value for key ${String(i)} is not a map`);
    if (key in item && goEqual(item[key], value)) return i;
  }
  return -1;
}

// Go's in-place deduplication, which keeps the first of equal scalars but reorders the rest.
function deduplicate(items: JsonValue[]): JsonValue[] {
  const s = [...items];
  let last = s.length - 1;
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (goEqual(s[i], s[j])) {
        s[j] = s[last] as JsonValue;
        s.length = last;
        last--;
        j--;
      }
    }
  }
  return s;
}

type ElementKind = 'map' | 'scalar';

// sliceElementType: every item of one type, and no lists of lists.
function elementKind(lists: JsonValue[][]): ElementKind {
  let type: string | undefined;
  for (const item of lists.flat()) {
    const current = goTypeName(item);
    if (type === undefined) {
      if (Array.isArray(item)) throw new StrategicMergePatchError(422, 'lists of lists are not supported');
      type = current;
    } else if (type !== current) {
      throw internal(`list element types are not identical: [${lists.map((list) => goValue(list)).join(' ')}]`);
    }
  }
  if (type === undefined) throw internal('no elements in any of the given slices');
  return type === 'map[string]interface {}' ? 'map' : 'scalar';
}

// The merged items present in `by`, and the others.
function partition(merged: JsonValue[], by: JsonValue[], mergeKey: string): [JsonValue[], JsonValue[]] {
  const inBy: JsonValue[] = [];
  const others: JsonValue[] = [];
  for (const item of merged) {
    let found: boolean;
    if (mergeKey === '') found = by.some((other) => goEqual(other, item));
    else {
      if (!isObject(item)) throw badArgType('map[string]interface {}', item);
      if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
      found = findByKey(by, mergeKey, item[mergeKey]) >= 0;
    }
    (found ? inBy : others).push(item);
  }
  return [inBy, others];
}

// Patch items in the patch's order, server-only items in the live order, interleaved where
// the live order relates them; a patch item new to the list goes before the next live one.
function normalizeElementOrder(
  patch: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  const right = sortByOrder(patch, patchOrder, mergeKey, kind);
  const out: JsonValue[] = [];
  let [i, j] = [0, 0];
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++] as JsonValue);
    else if (j >= right.length) out.push(left[i++] as JsonValue);
    else {
      const li = indexIn(serverOrder, left[i] as JsonValue, mergeKey, kind);
      const ri = indexIn(serverOrder, right[j] as JsonValue, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] as JsonValue);
      else out.push(right[j++] as JsonValue);
    }
  }
  return out;
}

function indexIn(list: JsonValue[], item: JsonValue, mergeKey: string, kind: ElementKind): number {
  const valueOf = (value: JsonValue) => (kind === 'map' ? (isObject(value) ? (value[mergeKey] ?? null) : null) : value);
  return list.findIndex((other) => goEqual(valueOf(item), valueOf(other)));
}

// normalizeSliceOrder: Go's stable insertion sort with its comparator (true when either is unknown).
function sortByOrder(items: JsonValue[], order: JsonValue[], mergeKey: string, kind: ElementKind): JsonValue[] {
  let toSort = items;
  let toDelete: JsonValue[] = [];
  if (kind === 'map') {
    for (const item of [...items, ...order]) {
      if (!isObject(item)) throw badArgType('map[string]interface {}', item);
      if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
    }
    toSort = items.filter((item) => !isDeleteItem(item));
    toDelete = items.filter((item) => isDeleteItem(item));
  }
  const s = [...toSort];
  const less = (a: JsonValue, b: JsonValue) => {
    const ia = indexIn(order, a, mergeKey, kind);
    const ib = indexIn(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  };
  for (let i = 1; i < s.length; i++) {
    for (let j = i; j > 0 && less(s[j] as JsonValue, s[j - 1] as JsonValue); j--) {
      [s[j], s[j - 1]] = [s[j - 1] as JsonValue, s[j] as JsonValue];
    }
  }
  return [...s, ...toDelete];
}

// A value without its `$patch` maps (a map holding one is dropped whole); undefined if it is one.
function removeDirectives(value: JsonValue): JsonValue | undefined {
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      const kept = removeDirectives(item);
      if (kept !== undefined) out.push(kept);
    }
    return out;
  }
  if (!isObject(value)) return value;
  if (directiveMarker in value) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const kept = removeDirectives(child);
    if (kept === undefined) removeKey(value, key);
    else value[key] = kept;
  }
  return value;
}

function discardNulls(value: JsonValue): void {
  if (Array.isArray(value)) for (const item of value) discardNulls(item);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === null) removeKey(value, key);
      else discardNulls(child);
    }
  }
}

/**
 * A Go slice over a shared array: removing an item shifts the array in place, and
 * appending writes into the room a removal left before growing a new array. kube-apiserver
 * orders a `$setElementOrder` list by the live list after such writes, so they matter.
 */
class GoSlice {
  readonly #array: JsonValue[];
  readonly length: number;

  constructor(array: JsonValue[], length = array.length) {
    this.#array = array;
    this.length = length;
  }

  items(): JsonValue[] {
    return this.#array.slice(0, this.length);
  }

  /** The first `length` slots of the shared array, as another slice of it sees them. */
  view(length: number): JsonValue[] {
    return this.#array.slice(0, length);
  }

  set(index: number, value: JsonValue): void {
    this.#array[index] = value;
  }

  removeAt(index: number): GoSlice {
    for (let i = index; i < this.length - 1; i++) this.#array[i] = this.#array[i + 1] as JsonValue;
    return new GoSlice(this.#array, this.length - 1);
  }

  append(value: JsonValue): GoSlice {
    if (this.length < this.#array.length) {
      this.#array[this.length] = value;
      return new GoSlice(this.#array, this.length + 1);
    }
    return new GoSlice([...this.items(), value]);
  }
}
