import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import type { PersistContext } from './persist.ts';
import { listObjects } from './read.ts';

/**
 * DELETE of a collection (the verb deletecollection): every object of `namespace` the
 * labelSelector and fieldSelector match is deleted, and the answer is the list of them as
 * it was before (kube-apiserver answers the list it deleted from). With `limit`, only
 * that page goes (its `continue` deletes the next). Objects go at once: finalizers and grace periods are not
 * honoured here, as for a single DELETE of most kinds. DeleteOptions in the body are
 * ignored.
 */
export function deleteCollection(
  context: PersistContext,
  type: ResourceType,
  namespace: string,
  query: URLSearchParams,
  dryRun: boolean,
): KubeObject {
  const listed = listObjects(context.store, type, namespace, query);
  // The list kube-apiserver deleted from does not count what it left.
  delete listed.metadata?.remainingItemCount;
  if (dryRun) return listed;
  const resource = `${type.group}/${type.plural}`;
  for (const item of listed.items as KubeObject[]) {
    const name = item.metadata?.name;
    if (name !== undefined) context.store.delete(resource, namespace, name);
  }
  return listed;
}
