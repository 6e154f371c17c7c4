import type { IncomingMessage } from 'node:http';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import type { PersistContext } from './persist.ts';
import { listObjects } from './read.ts';
import { readBody } from '../http/read-body.ts';
import {
  decodeDeleteOptions,
  deleteOptionsFromQuery,
  deleteOptionsInBody,
  type DeleteOptions,
} from './delete-options.ts';
import { dryRunOf } from './write-request.ts';
import { deleteStored } from './delete-stored.ts';

/** A deletecollection's DeleteOptions: from its body when it has one, else from its query. */
export async function deleteCollectionOptions(
  request: IncomingMessage,
  query: URLSearchParams,
): Promise<{ options: DeleteOptions; dryRun: boolean }> {
  const bytes = await readBody(request);
  const body = bytes.toString('utf8');
  if (deleteOptionsInBody(request.headers['content-length'] !== undefined, body)) {
    const options = decodeDeleteOptions(body, request.headers['content-type'] ?? '', bytes);
    return { options, dryRun: (options.dryRun ?? []).includes('All') };
  }
  return { options: deleteOptionsFromQuery(query), dryRun: dryRunOf(query, 'delete') };
}

/**
 * DELETE of a collection (the verb deletecollection): every object of `namespace` the
 * labelSelector and fieldSelector match is deleted as a DELETE of it with the same options
 * would (finalizers hold some, marked for deletion), and the answer is the list of them as
 * it was before (kube-apiserver answers the list it deleted from). With `limit`, only that
 * page goes (its `continue` deletes the next).
 */
export function deleteCollection(
  context: PersistContext,
  type: ResourceType,
  namespace: string,
  query: URLSearchParams,
  { options, dryRun }: { options: DeleteOptions; dryRun: boolean },
): KubeObject {
  const listed = listObjects(context.store, type, namespace, query);
  // The list kube-apiserver deleted from does not count what it left.
  delete listed.metadata?.remainingItemCount;
  const resource = `${type.group}/${type.plural}`;
  for (const item of listed.items as KubeObject[]) {
    const itemNamespace = item.metadata?.namespace ?? '';
    const name = item.metadata?.name ?? '';
    const live = context.store.get(resource, itemNamespace, name);
    if (live) deleteStored(context, { type, namespace: itemNamespace, name, options, dryRun }, live);
  }
  return listed;
}
