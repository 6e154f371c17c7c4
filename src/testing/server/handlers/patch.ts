import { decodeJson } from '../http/decode-json.ts';
import { decodeYaml } from '../http/decode-yaml.ts';
import { kindDecodeError } from '../http/kind-decoding.ts';
import { converterTypeError, jsonTypeError } from '../http/schema-type-errors.ts';
import {
  badRequest,
  invalidOptions,
  invalidPatch,
  notFound,
  StatusError,
  unsupportedMediaType,
} from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import { goFormat, goJson } from '../go/go-text.ts';
import { sortedByGo, withoutDirectives } from '../openapi/patch-shown.ts';
import { JsonPatchError, applyJsonPatch } from '../patch/json-patch.ts';
import { touchedByJsonPatch } from '../patch/json-patch-touched.ts';
import { goJsonKind, isJsonObject } from '../patch/json-value.ts';
import { applyMergePatch, checkMergePatch, MergePatchError } from '../patch/merge-patch.ts';
import { applyStrategicMergePatch, StrategicMergePatchError } from '../patch/strategic-merge-patch.ts';
import { ApplyError, groupVersionKind } from '../fields/index.ts';
import { timestamp } from '../clock.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { customResource, schemaFor } from '../schema/index.ts';
import { applyConflictError } from './apply-conflict.ts';
import { ConnectionDrop } from './connection-drop.ts';
import { orderMetadataInPlace } from './object-shape.ts';
import { requireRequestNamespace } from './request-namespace.ts';
import { checkResourceVersionPrecondition, requireRequestName } from './write-preconditions.ts';
import { type PersistContext, persist } from './persist.ts';
import type { WriteRequest } from './write-request.ts';

const patchTypes = {
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'unsupported',
} as const;

/**
 * The patch type a Content-Type names, or 415. kube-apiserver checks it before it reads
 * the body, so the refusal leaves the body unread.
 */
export function requirePatchType(contentType: string): 'merge' | 'json' | 'strategic' | 'apply' {
  const mediaType = contentType.split(';')[0]?.trim() ?? '';
  const patchType = mediaType in patchTypes ? patchTypes[mediaType as keyof typeof patchTypes] : 'unsupported';
  if (patchType === 'unsupported') throw unsupportedMediaType();
  return patchType;
}

/** PATCH of an object: merge, JSON, strategic merge, or server-side apply. */
export function patch(
  context: PersistContext,
  request: WriteRequest & { name: string },
): { status: number; object: KubeObject } {
  const { type, namespace, name, query, dryRun } = request;
  const patchType = patchTypeOf(request);
  const live = context.store.get(`${type.group}/${type.plural}`, namespace, name);
  // Only the main resource creates on apply: a subresource needs the object.
  if (!live && (patchType !== 'apply' || request.subresource !== undefined)) throw notFound(type, name);
  if (patchType === 'apply') return apply(context, request, live, query.get('force') === 'true');
  if (!live) throw notFound(type, name);
  const patched = patchedObject(request, live, patchType);
  checkResourceVersionPrecondition(type, name, patched.metadata?.resourceVersion, live);
  const { manager, subresource } = request;
  const { object } = persist(context, { type, namespace, live, desired: patched, manager, dryRun, subresource });
  return { status: 200, object };
}

/** The kind of patch the request's Content-Type names, once its options are checked. */
export function patchTypeOf(request: WriteRequest): 'merge' | 'json' | 'strategic' | 'apply' {
  const { query } = request;
  const patchType = requirePatchType(request.contentType);
  const force = query.get('force');
  if (patchType !== 'apply' && force !== null) {
    throw invalidOptions('PatchOptions', [
      { reason: 'FieldValueForbidden', message: 'Forbidden: may not be specified for non-apply patch', field: 'force' },
    ]);
  }
  if (patchType === 'apply' && !query.get('fieldManager')) {
    throw invalidOptions('PatchOptions', [
      { reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' },
    ]);
  }
  return patchType;
}

/**
 * What a merge, JSON or strategic merge patch makes of `live` (an object of
 * `request.type`), refused as kube-apiserver refuses it: an undecodable patch or result,
 * another name or namespace.
 */
export function patchedObject(
  request: WriteRequest & { name: string },
  live: KubeObject,
  patchType: 'merge' | 'json' | 'strategic',
): KubeObject {
  const { type, namespace, name, body } = request;
  const patchDocument = decodePatch(body, patchType);
  const schema = schemaFor(groupVersion(type), type.kind);
  let patched: KubeObject;
  try {
    if (patchType === 'merge') {
      checkMergePatch(patchDocument);
      patched = applyMergePatch(live, patchDocument) as KubeObject;
    } else if (patchType === 'strategic') patched = applyStrategicMergePatch(live, patchDocument, schema) as KubeObject;
    else patched = applyJsonPatch(live, patchDocument) as KubeObject;
  } catch (error) {
    if (error instanceof JsonPatchError) throw jsonPatchStatus(error);
    if (error instanceof MergePatchError) throw badRequest(error.message);
    if (error instanceof StrategicMergePatchError) throw statusFor(error.code, error.message);
    throw error;
  }
  checkTypes(patchType, patchDocument, patched, type);
  requireRequestName(patched.metadata?.name, name);
  requireRequestNamespace(type, patched.metadata?.namespace, namespace);
  return patched;
}

function apply(
  context: PersistContext,
  request: WriteRequest & { name: string },
  live: KubeObject | undefined,
  force: boolean,
): { status: number; object: KubeObject } {
  const { type, namespace, name, manager, dryRun, subresource } = request;
  const configObject = applyConfiguration(request, live);
  let result;
  try {
    result = context.fields.apply({ type, live, config: configObject, manager, force, time: timestamp(), subresource });
  } catch (error) {
    if (error instanceof ApplyError) throw statusFor(error.code, error.message);
    throw error;
  }
  if ('conflicts' in result) throw applyConflictError(result.conflicts);
  // As for every other write, a resourceVersion in the configuration is a precondition,
  // checked by the storage once the apply is computed.
  if (live) checkResourceVersionPrecondition(type, name, configObject.metadata?.resourceVersion, live);
  if (live && !result.changed) return { status: 200, object: live };
  const desired = { ...result.object, metadata: { ...result.object.metadata, name } };
  const { object, created } = persist(context, {
    type,
    namespace,
    live,
    desired,
    manager,
    dryRun,
    managedFieldsDone: true,
    subresource,
  });
  return { status: created ? 201 : 200, object };
}

/**
 * The apply configuration of the request, refused as kube-apiserver refuses it: not
 * YAML, not an object, another kind or version than `request.type`'s, another name.
 */
export function applyConfiguration(request: WriteRequest & { name: string }, live: KubeObject | undefined): KubeObject {
  const { type, name, body } = request;
  const decoded = decodeYaml(body);
  if ('goError' in decoded) throw badRequest(`error decoding YAML: error converting YAML to JSON: ${decoded.goError}`);
  if ('parseError' in decoded) throw badRequest(`error decoding YAML: ${decoded.parseError.message}`);
  // An empty configuration is an object of no kind; anything else but an object is refused.
  const config = decoded.value ?? {};
  if (!isJsonObject(config)) {
    throw badRequest(
      `error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goJsonKind(config)} into Go value of type map[string]interface {}`,
    );
  }
  const configObject = config as KubeObject;
  const expected = groupVersion(type);
  if (configObject.apiVersion !== expected || configObject.kind !== type.kind) {
    throw badRequest(`invalid object type: ${groupVersionKind(configObject.apiVersion, configObject.kind)}`);
  }
  // The applied object's name: the configuration's (a name that is not a string is left
  // to the typed patch, which refuses it), else the stored object's.
  const configName: unknown = configObject.metadata?.name;
  if (configName === undefined || typeof configName === 'string')
    requireRequestName(configName ?? live?.metadata?.name, name);
  return configObject;
}

function decodePatch(body: string, patchType: 'merge' | 'json' | 'strategic'): unknown {
  const decoded = decodeJson(body);
  if ('value' in decoded) return decoded.value;
  // kube-apiserver's strategic merge patch path reports the decoder's error bare.
  throw badRequest(patchType === 'strategic' ? decoded.error : `error decoding patch: ${decoded.error}`);
}

/**
 * Refuses, as kube-apiserver does when it decodes the patched object into its Go type,
 * values of the wrong type (see schema-type-errors.ts) and, for merge and JSON patches,
 * another kind: 422, showing the patch (strategic) or the patched object (merge and JSON
 * patch) as Go prints them.
 */
function checkTypes(
  patchType: 'merge' | 'json' | 'strategic',
  patch: unknown,
  patched: KubeObject,
  type: ResourceType,
): void {
  const schema = schemaFor(groupVersion(type), type.kind);
  const custom = schema === customResource;
  if (patchType === 'strategic') {
    // A custom resource never gets here: it takes no strategic merge patch.
    const error = converterTypeError(patched, schema);
    if (error !== undefined) throw invalidPatch(goFormat(withoutDirectives(patch)), error);
    return;
  }
  // The patched object decodes into the kind it names, as a created one does.
  const error = custom ? jsonTypeError(patched, schema, true) : kindDecodeError(patched, type);
  if (error === undefined) return;
  // Metadata the patch did not touch is shown as the typed object writes it.
  orderMetadataInPlace(patched);
  const sorted = custom
    ? () => true
    : patchType === 'merge'
      ? sortedByGo(patch as Record<string, unknown>, patched, false)
      : touchedByJsonPatch(patch, patched);
  throw invalidPatch(goJson(patched, sorted), error);
}

const reasons: Record<number, string | undefined> = { 400: 'BadRequest', 415: 'UnsupportedMediaType', 422: 'Invalid' };

/** A Status with the reason kube-apiserver gives each code (none for 500). */
export function statusFor(code: number, message: string): StatusError {
  const reason = reasons[code];
  return reason === undefined
    ? new StatusError(code, message)
    : new StatusError(code, message, reason, code === 400 ? undefined : {});
}

/** The real server's answer to each JSON patch failure; a `crash` gets none at all. */
function jsonPatchStatus(error: JsonPatchError): StatusError | ConnectionDrop {
  switch (error.reason) {
    case 'decode':
      return badRequest(error.message);
    case 'too-large':
      return new StatusError(413, error.message, 'RequestEntityTooLarge');
    case 'crash':
      return new ConnectionDrop();
    case 'test-failed':
    case 'invalid':
      return new StatusError(422, error.message, 'Invalid', {});
  }
}
