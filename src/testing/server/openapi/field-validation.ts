// The `fieldValidation` query parameter the OpenAPI documents advertise, which kubectl
// sets to Strict on create and patch once it finds it there (leaving validation to the
// server). With Strict, a field the kind's schema does not declare fails the request
// with kube-apiserver's own message; a custom resource's unknown fields are those its
// CRD's schema prunes. With Warn, the default, such fields are dropped and each named in a
// Warning header; with Ignore, dropped silently.
import type { WriteRequest } from '../handlers/write-request.ts';
import { decodeObject } from '../http/decode-object.ts';
import { decodeJson } from '../http/decode-json.ts';
import { badRequest, invalidOptions, invalidPatch, type StatusError } from '../http/status.ts';
import { protobufMediaType } from '../protobuf/index.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { CustomResourceSchema } from '../crd/custom-resource-schema.ts';
import type { ObjectStore } from '../object-store.ts';
import { applyJsonPatch } from '../patch/json-patch.ts';
import { applyMergePatch } from '../patch/merge-patch.ts';
import { applyStrategicMergePatch } from '../patch/strategic-merge-patch.ts';
import { groupVersion } from '../resource-type.ts';
import { customResource, schemaFor } from '../schema/index.ts';
import { byCodePoint } from '../selectors/code-point-order.ts';
import { shownPatch } from './patch-shown.ts';
import { unknownFields } from './unknown-fields.ts';

const directives = ['', 'Ignore', 'Strict', 'Warn'];
const optionsKinds = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions' } as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks `fieldValidation` on a create, update or patch before it runs: an unknown
 * directive is refused (422); a field the kind's schema does not declare, in the body
 * (create, update) or in the patched object (merge and strategic merge patch), is
 * refused with Strict, and with Warn (the default) named in a Warning header
 * (`request.warn`). Server-side apply refuses unknown fields whatever the directive, in
 * its own handler.
 */
export function checkFieldValidation(store: ObjectStore, request: WriteRequest, verb: string | undefined): void {
  if (verb !== 'create' && verb !== 'update' && verb !== 'patch') return;
  const directive = request.query.get('fieldValidation') ?? '';
  if (!directives.includes(directive)) {
    const message = `Unsupported value: ${JSON.stringify(directive)}: supported values: "", "Ignore", "Strict", "Warn"`;
    throw invalidOptions(optionsKinds[verb], [{ reason: 'FieldValueNotSupported', message, field: 'fieldValidation' }]);
  }
  if (directive === 'Ignore') return;
  const unknown = verb === 'patch' ? unknownInPatch(store, request) : unknownInBody(request);
  if (unknown === undefined) return;
  if (directive === 'Strict') throw unknown.refusal();
  for (const path of unknown.paths) request.warn?.(`unknown field ${JSON.stringify(path)}`);
}

const strictError = (paths: readonly string[]) =>
  `strict decoding error: ${paths.map((path) => `unknown field ${JSON.stringify(path)}`).join(', ')}`;

/** The unknown fields of a write, and the error Strict gives for them. */
interface Unknown {
  readonly paths: readonly string[];
  readonly refusal: () => StatusError;
}

/** Unknown fields of a create or update body, in document order, as Go's decoder meets them. */
function unknownInBody(request: WriteRequest): Unknown | undefined {
  const { type } = request;
  // Protobuf has no field names to be unknown: kube-apiserver decodes it the same in every mode.
  if (request.contentType.split(';')[0]?.trim() === protobufMediaType) return undefined;
  let object: KubeObject;
  try {
    object = decodeObject(request.body, type, request.contentType);
  } catch {
    return undefined; // the handler answers with the decoding error
  }
  const paths = type.customSchema
    ? prunedPaths(type.customSchema, object)
    : [...new Set(unknownFields(schemaFor(groupVersion(type), type.kind), object))];
  if (paths.length === 0) return undefined;
  const message = `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${strictError(paths)}`;
  return { paths, refusal: () => badRequest(message) };
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
 * Unknown fields of the patched object (merge, strategic merge or JSON patch), sorted (as
 * apimachinery's converter reports them); Strict's 422 shows the patch as the patch
 * handler shows a type error (patch-shown.ts).
 */
function unknownInPatch(
  store: ObjectStore,
  request: WriteRequest & { name?: string | undefined },
): Unknown | undefined {
  const { type, namespace, name, body } = request;
  const patchType = patchTypes[request.contentType.split(';')[0]?.trim() ?? ''];
  if (name === undefined || patchType === undefined) return undefined;
  const live = store.get(`${type.group}/${type.plural}`, namespace, name);
  const schema = schemaFor(groupVersion(type), type.kind);
  const decoded = decodeJson(body);
  if ('error' in decoded) return undefined; // the handler answers with the decoding error
  const patch = decoded.value;
  let patched: unknown;
  try {
    if (live === undefined || (patchType !== 'json' && !isObject(patch))) return undefined;
    if (patchType === 'json') patched = applyJsonPatch(live, patch);
    else if (patchType === 'strategic') patched = applyStrategicMergePatch(live, patch, schema);
    else patched = applyMergePatch(live, patch);
  } catch {
    return undefined; // the handler answers with the patch's own error
  }
  const paths = (
    type.customSchema ? [...prunedPaths(type.customSchema, patched as KubeObject)] : unknownFields(schema, patched)
  ).sort(byCodePoint);
  if (paths.length === 0) return undefined;
  return {
    paths,
    refusal: () => invalidPatch(shownPatch(patchType, patch, patched, schema === customResource), strictError(paths)),
  };
}

const patchTypes: Readonly<Record<string, 'merge' | 'strategic' | 'json'>> = {
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/json-patch+json': 'json',
};
