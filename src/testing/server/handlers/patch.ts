import { parse as parseYaml } from 'yaml';
import { goJsonSyntaxError } from '../http/go-json-error.ts';
import { badRequest, invalidOptions, notFound, StatusError, staleWrite, unsupportedMediaType } from '../http/status.ts';
import type { KubeObject } from '../kube-object.ts';
import { JsonPatchError, applyJsonPatch } from '../patch/json-patch.ts';
import { applyMergePatch, checkMergePatch, MergePatchError } from '../patch/merge-patch.ts';
import { applyStrategicMergePatch, StrategicMergePatchError } from '../patch/strategic-merge-patch.ts';
import { ApplyError } from '../fields/index.ts';
import { timestamp } from '../clock.ts';
import { groupVersion } from '../resource-type.ts';
import { schemaFor } from '../schema/index.ts';
import { applyConflictError } from './apply-conflict.ts';
import { ConnectionDrop } from './connection-drop.ts';
import { type PersistContext, persist } from './persist.ts';
import type { WriteRequest } from './write-request.ts';

const patchTypes = {
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'unsupported',
} as const;

/** PATCH of an object: merge, JSON, strategic merge, or server-side apply. */
export function patch(
  context: PersistContext,
  request: WriteRequest & { name: string },
): { status: number; object: KubeObject } {
  const { type, namespace, name, body, query, dryRun } = request;
  const mediaType = request.contentType.split(';')[0]?.trim() ?? '';
  const patchType = mediaType in patchTypes ? patchTypes[mediaType as keyof typeof patchTypes] : 'unsupported';
  if (patchType === 'unsupported') throw unsupportedMediaType();
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
  const live = context.store.get(`${type.group}/${type.plural}`, namespace, name);
  if (patchType === 'apply') return apply(context, request, live, force === 'true');
  if (!live) throw notFound(type, name);
  const patchDocument = decodePatch(body);
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
  const requested = patched.metadata?.resourceVersion;
  if (requested !== undefined && requested !== live.metadata?.resourceVersion) throw staleWrite(type, name);
  const { object } = persist(context, { type, namespace, live, desired: patched, manager: request.manager, dryRun });
  return { status: 200, object };
}

function apply(
  context: PersistContext,
  request: WriteRequest & { name: string },
  live: KubeObject | undefined,
  force: boolean,
): { status: number; object: KubeObject } {
  const { type, namespace, name, body, manager, dryRun } = request;
  let config: unknown;
  try {
    config = parseYaml(body);
  } catch (error) {
    throw badRequest(`error decoding YAML: ${(error as Error).message}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw badRequest('error decoding YAML: the apply configuration must be an object');
  }
  const configObject = config as KubeObject;
  if (configObject.metadata?.name !== undefined && configObject.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${configObject.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  // As for every other write, a resourceVersion in the configuration is a precondition.
  const requested = configObject.metadata?.resourceVersion;
  if (live && requested !== undefined && requested !== live.metadata?.resourceVersion) throw staleWrite(type, name);
  let result;
  try {
    result = context.fields.apply({ type, live, config: configObject, manager, force, time: timestamp() });
  } catch (error) {
    if (error instanceof ApplyError) throw statusFor(error.code, error.message);
    throw error;
  }
  if ('conflicts' in result) throw applyConflictError(result.conflicts);
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
  });
  return { status: created ? 201 : 200, object };
}

function decodePatch(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw badRequest(`error decoding patch: ${goJsonSyntaxError(body) ?? 'invalid JSON'}`);
  }
}

const reasons: Record<number, string | undefined> = { 400: 'BadRequest', 415: 'UnsupportedMediaType', 422: 'Invalid' };

/** A Status with the reason kube-apiserver gives each code (none for 500). */
function statusFor(code: number, message: string): StatusError {
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
