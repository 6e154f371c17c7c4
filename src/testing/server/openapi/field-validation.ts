// The `fieldValidation` query parameter the OpenAPI documents advertise, which kubectl
// sets to Strict on create and patch once it finds it there (leaving validation to the
// server). With Strict, a field the kind's schema does not declare fails the request
// with kube-apiserver's own message; a custom resource's unknown fields are those its
// CRD's schema prunes. Without it, the embedded server drops such fields (warning of a
// custom resource's, unknown-field-warnings.ts; kube-apiserver also warns of built-ins').
import type { WriteRequest } from '../handlers/write-request.ts';
import { decodeObject } from '../http/decode-object.ts';
import { decodeJson } from '../http/decode-json.ts';
import { badRequest, invalidOptions, invalidPatch } from '../http/status.ts';
import { protobufMediaType } from '../protobuf/index.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { CustomResourceSchema } from '../crd/custom-resource-schema.ts';
import type { ObjectStore } from '../object-store.ts';
import { applyMergePatch } from '../patch/merge-patch.ts';
import { applyStrategicMergePatch } from '../patch/strategic-merge-patch.ts';
import { groupVersion } from '../resource-type.ts';
import { customResource, schemaFor } from '../schema/index.ts';
import { byCodePoint } from '../selectors/code-point-order.ts';
import { goFormat, goJson } from '../go/go-text.ts';
import { unknownFields } from './unknown-fields.ts';

const directives = ['', 'Ignore', 'Strict', 'Warn'];
const optionsKinds = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions' } as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks `fieldValidation` on a create, update or patch before it runs: an unknown
 * directive is refused (422), and with Strict an unknown field in the body (create,
 * update) or in the patched object (merge and strategic merge patch) is refused as
 * kube-apiserver refuses it. Server-side apply refuses unknown fields whatever the
 * directive, in its own handler.
 */
export function checkFieldValidation(store: ObjectStore, request: WriteRequest, verb: string | undefined): void {
  if (verb !== 'create' && verb !== 'update' && verb !== 'patch') return;
  const directive = request.query.get('fieldValidation');
  if (directive === null) return;
  if (!directives.includes(directive)) {
    const message = `Unsupported value: ${JSON.stringify(directive)}: supported values: "", "Ignore", "Strict", "Warn"`;
    throw invalidOptions(optionsKinds[verb], [{ reason: 'FieldValueNotSupported', message, field: 'fieldValidation' }]);
  }
  if (directive !== 'Strict') return;
  if (verb === 'patch') checkPatch(store, request);
  else checkBody(request);
}

const strictError = (paths: readonly string[]) =>
  `strict decoding error: ${paths.map((path) => `unknown field ${JSON.stringify(path)}`).join(', ')}`;

/** Unknown fields of a create or update body, in document order, as Go's decoder meets them. */
function checkBody(request: WriteRequest): void {
  const { type } = request;
  // Protobuf has no field names to be unknown: kube-apiserver decodes it the same in every mode.
  if (request.contentType.split(';')[0]?.trim() === protobufMediaType) return;
  let object: KubeObject;
  try {
    object = decodeObject(request.body, type, request.contentType);
  } catch {
    return; // the handler answers with the decoding error
  }
  const unknown = type.customSchema
    ? prunedPaths(type.customSchema, object)
    : [...new Set(unknownFields(schemaFor(groupVersion(type), type.kind), object))];
  if (unknown.length === 0) return;
  throw badRequest(
    `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${strictError(unknown)}`,
  );
}

/** What a CRD's schema prunes of `object`, as kube-apiserver lists it; none when it cannot decode it. */
function prunedPaths(schema: CustomResourceSchema, object: KubeObject): readonly string[] {
  try {
    return schema.prune(structuredClone(object));
  } catch {
    return []; // the handler answers with the decoding error
  }
}

/**
 * Unknown fields of the patched object, sorted (as apimachinery's converter reports
 * them), in a 422 that shows the patch: Go's %v of the strategic merge patch once
 * applied (its directives consumed), or the JSON of the merge-patched object.
 */
function checkPatch(store: ObjectStore, request: WriteRequest & { name?: string | undefined }): void {
  const { type, namespace, name, body } = request;
  const mediaType = request.contentType.split(';')[0]?.trim() ?? '';
  if (
    name === undefined ||
    !['application/strategic-merge-patch+json', 'application/merge-patch+json'].includes(mediaType)
  ) {
    return;
  }
  const live = store.get(`${type.group}/${type.plural}`, namespace, name);
  const schema = schemaFor(groupVersion(type), type.kind);
  const decoded = decodeJson(body);
  if ('error' in decoded) return; // the handler answers with the decoding error
  const patch = decoded.value;
  let patched: unknown;
  try {
    if (live === undefined || !isObject(patch)) return;
    const strategic = mediaType === 'application/strategic-merge-patch+json';
    patched = strategic ? applyStrategicMergePatch(live, patch, schema) : applyMergePatch(live, patch);
  } catch {
    return; // the handler answers with the patch's own error
  }
  const unknown = (
    type.customSchema ? [...prunedPaths(type.customSchema, patched as KubeObject)] : unknownFields(schema, patched)
  ).sort(byCodePoint);
  if (unknown.length === 0) return;
  const shown =
    mediaType === 'application/merge-patch+json'
      ? goJson(patched, sortedByGo(patch, patched, schema === customResource))
      : goFormat(withoutDirectives(patch));
  throw invalidPatch(shown, strictError(unknown));
}

/**
 * The objects Go writes with sorted keys: all of a custom resource (an unstructured map);
 * of a built-in object, those the merge patch went through or brought (re-encoded from
 * maps, lists included, which a merge patch replaces whole), the others passing through
 * as the typed object wrote them.
 */
export function sortedByGo(patch: Json, patched: unknown, custom: boolean): (node: object) => boolean {
  if (custom) return () => true;
  const touched = new Set<object>();
  const walk = (patchNode: unknown, node: unknown) => {
    if (Array.isArray(patchNode) && Array.isArray(node)) {
      patchNode.forEach((item, index) => {
        walk(item, node[index]);
      });
      return;
    }
    if (!isObject(patchNode) || !isObject(node)) return;
    touched.add(node);
    for (const [key, value] of Object.entries(patchNode)) walk(value, node[key]);
  };
  walk(patch, patched);
  return (node) => touched.has(node);
}

/**
 * The strategic merge patch as apimachinery leaves it after merging: `$patch` and
 * `$retainKeys` consumed, `$setElementOrder/<list>` consumed with its list.
 */
export function withoutDirectives(patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Json = {};
  const ordered = Object.keys(patch)
    .filter((key) => key.startsWith('$setElementOrder/'))
    .map((key) => key.slice('$setElementOrder/'.length));
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/') || ordered.includes(key))
      continue;
    result[key] = withoutDirectives(value);
  }
  return result;
}
