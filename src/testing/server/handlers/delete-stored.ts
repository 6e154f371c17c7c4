import type { KubeObject } from '../../../core/object.ts';
import type { PersistContext } from './persist.ts';
import { type Deletion, deleteGeneric, writeMarked } from './deletion.ts';
import { deleteNamespace } from './namespace-deletion.ts';

/**
 * Deletes (or marks for deletion) `live`, the stored object, as kube-apiserver would for
 * a DELETE with `deletion.options`; answers its code and body.
 */
export function deleteStored(
  context: PersistContext,
  deletion: Deletion,
  live: KubeObject,
): { status: number; object: KubeObject } {
  if (deletion.type.markDeleted) return { status: 200, object: markedByType(context, deletion, live) };
  const { object, deleted } =
    deletion.type.kind === 'Namespace'
      ? deleteNamespace(context, deletion, live)
      : deleteGeneric(context, deletion, live);
  // 202 when dependents were to be deleted (orphanDependents: false) and the object stays.
  const accepted = !deleted && deletion.options.orphanDependents === false;
  return { status: accepted ? 202 : 200, object };
}

/** A type that marks itself for deletion (a CRD: Terminating, its clean-up finalizer); marked once. */
function markedByType(context: PersistContext, deletion: Deletion, live: KubeObject): KubeObject {
  const { markDeleted } = deletion.type;
  if (!markDeleted || live.metadata?.deletionTimestamp !== undefined) return live;
  return writeMarked(context, deletion, live, markDeleted(live));
}
