// DELETE of a Namespace, as kube-apiserver's namespace storage does it: the first one marks
// it Terminating (deletionTimestamp, status.phase) and sets the garbage collector's
// finalizers the options ask for; while spec.finalizers holds it (the namespace
// controller's `kubernetes`) it stays; after that it is deleted as any object is.
import type { KubeObject } from '../../../core/object.ts';
import { timestamp } from '../clock.ts';
import type { PersistContext } from './persist.ts';
import { finalizersOf, namespaceDeletionFinalizers, specFinalizers } from './deletion-finalizers.ts';
import { type Deleted, type Deletion, deleteGeneric, setFinalizers, writeMarked } from './deletion.ts';

export function deleteNamespace(context: PersistContext, deletion: Deletion, live: KubeObject): Deleted {
  if (live.metadata?.deletionTimestamp === undefined) {
    const terminating = structuredClone(live);
    (terminating.metadata ??= {}).deletionTimestamp = timestamp();
    terminating.status = { ...(terminating.status as Record<string, unknown> | undefined), phase: 'Terminating' };
    setFinalizers(terminating, namespaceDeletionFinalizers(finalizersOf(live), deletion.options));
    return { object: writeMarked(context, deletion, live, terminating), deleted: false };
  }
  if (specFinalizers(live).length > 0) return { object: live, deleted: false };
  return deleteGeneric(context, deletion, live);
}
