import { decodeDeleteOptions, deleteOptionsInBody, deleteOptionsFromQuery } from './delete-options.ts';
import { notFound, preconditionMismatch, uidPreconditionMismatch } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { PersistContext } from './persist.ts';
import type { WriteRequest } from './write-request.ts';
import { deleteStored } from './delete-stored.ts';
import { deleteWarning } from '../warnings/request-warnings.ts';

/**
 * DELETE of an object, honouring DeleteOptions (from the body, else the query):
 * preconditions, then finalizers, propagation and grace as kube-apiserver applies them
 * (delete-stored.ts).
 */
export function deleteObject(
  context: PersistContext,
  request: WriteRequest & { name: string; bodyHasLength: boolean },
): { status: number; object: KubeObject } {
  const { type, namespace, name } = request;
  // kube-apiserver ignores a DELETE body sent without Content-Length (chunked), and
  // decodes any other before it looks the object up; then the query's options are unread.
  const inBody = deleteOptionsInBody(request.bodyHasLength, request.body);
  const options = inBody
    ? decodeDeleteOptions(request.body, request.contentType, request.bytes)
    : deleteOptionsFromQuery(request.query);
  const dryRun = inBody ? (options.dryRun ?? []).includes('All') : request.dryRun;
  const warning = deleteWarning(type, options);
  if (warning !== undefined) request.warn?.(warning);
  const live = context.store.get(`${type.group}/${type.plural}`, namespace, name);
  if (!live) throw notFound(type, name);
  const expectedVersion = options.preconditions?.resourceVersion;
  const actualVersion = live.metadata?.resourceVersion ?? '';
  if (expectedVersion !== undefined && expectedVersion !== actualVersion) {
    throw preconditionMismatch(type, name, expectedVersion, actualVersion);
  }
  const expectedUid = options.preconditions?.uid;
  if (expectedUid !== undefined && expectedUid !== live.metadata?.uid) {
    throw uidPreconditionMismatch(type, name, expectedUid, live.metadata?.uid ?? '');
  }
  return deleteStored(context, { type, namespace, name, options, dryRun }, live);
}
