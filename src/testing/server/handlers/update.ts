import { goParseError } from '../go/go-strconv.ts';
import { decodeObject } from '../http/decode-object.ts';
import { internalError, invalid, notFound } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import { type PersistContext, persist } from './persist.ts';
import { requireRequestNamespace } from './request-namespace.ts';
import { invalidValue } from './validate.ts';
import { checkResourceVersionPrecondition, requireRequestName } from './write-preconditions.ts';
import type { WriteRequest } from './write-request.ts';

/** PUT of an object: optimistic concurrency on metadata.resourceVersion. */
export function update(
  context: PersistContext,
  request: WriteRequest & { name: string },
): { status: number; object: KubeObject } {
  const { type, namespace, name, body, manager, dryRun } = request;
  const object = decodeObject(body, type, request.contentType, request.bytes);
  const metadata = (object.metadata ??= {});
  requireRequestName(metadata.name, name);
  requireRequestNamespace(type, metadata.namespace, namespace);
  const live = context.store.get(`${type.group}/${type.plural}`, namespace, name);
  if (!live && type.createOnUpdate) return createOnUpdate(context, request, object);
  if (!live) throw notFound(type, name);
  const resourceVersion = metadata.resourceVersion ?? '';
  if (resourceVersion === '') {
    if (!type.unconditionalUpdate) {
      throw invalid(
        type,
        name,
        [invalidValue('metadata.resourceVersion', 0, 'must be specified for an update')],
        'resource',
      );
    }
  } else checkResourceVersionPrecondition(type, name, resourceVersion, live);
  const { subresource } = request;
  const write = { type, namespace, live, desired: object, manager, dryRun, subresource };
  const { object: stored } = persist(context, write);
  return { status: 200, object: stored };
}

/**
 * PUT of an absent object of a kind whose strategy allows create on update (Lease): it is
 * created (201); a resourceVersion sent is only checked to be a number.
 */
function createOnUpdate(
  context: PersistContext,
  request: WriteRequest & { name: string },
  object: KubeObject,
): { status: number; object: KubeObject } {
  const { type, namespace, manager, dryRun, subresource } = request;
  const metadata = (object.metadata ??= {});
  const unparsable = goParseError('ParseUint', metadata.resourceVersion ?? '0');
  if (unparsable !== undefined) throw internalError(unparsable);
  delete metadata.resourceVersion;
  const { object: stored } = persist(context, {
    type,
    namespace,
    live: undefined,
    desired: object,
    manager,
    dryRun,
    subresource,
  });
  return { status: 201, object: stored };
}
