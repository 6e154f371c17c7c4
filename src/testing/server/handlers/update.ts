import { decodeObject } from '../http/decode-object.ts';
import { invalid, notFound } from '../http/status.ts';
import type { KubeObject } from '../kube-object.ts';
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
