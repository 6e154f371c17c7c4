// kube-controller-manager's garbage collector, in small: dependents whose owners are all
// gone are deleted (background); an owner deleted in the foreground waits, with its
// `foregroundDeletion` finalizer, for the dependents that block it; an owner deleted with
// `orphan` lets its dependents go free (their reference to it removed) before it goes.
import type { KubeObject } from '../../../core/object.ts';
import { finalizersOf, foregroundFinalizer, orphanFinalizer } from '../handlers/deletion-finalizers.ts';
import { type ControllerContext, deleteAsClient, lookUp, removeFinalizer, updateStored } from './controller-context.ts';
import { type OwnerIndex, ownerReferencesOf } from './owner-index.ts';

const deleting = (object: KubeObject) => object.metadata?.deletionTimestamp !== undefined;
const waitsForDependents = (object: KubeObject) =>
  deleting(object) && finalizersOf(object).includes(foregroundFinalizer);

/** Brings the object with `uid`, and what it owns, to where the garbage collector would. */
export function collectGarbage(context: ControllerContext, index: OwnerIndex, uid: string): void {
  const ref = index.find(uid);
  const object = ref && lookUp(context, ref);
  if (!ref || !object) return;
  if (deleting(object) && finalizersOf(object).includes(orphanFinalizer)) orphanDependents(context, index, uid);
  else if (waitsForDependents(object)) finishForeground(context, index, uid);
  if (ownerReferencesOf(object).length > 0) deleteIfUnowned(context, index, uid);
}

/** The `orphan` finalizer: every dependent loses its reference to this owner, then the finalizer goes. */
function orphanDependents(context: ControllerContext, index: OwnerIndex, uid: string): void {
  for (const dependent of index.dependentsOf(uid)) {
    const where = index.find(dependent);
    if (!where) continue;
    updateStored(context, where, (object) => {
      setOwnerReferences(
        object,
        ownerReferencesOf(object).filter((owner) => owner.uid !== uid),
      );
    });
  }
  const where = index.find(uid);
  if (where)
    updateStored(context, where, (object) => {
      removeFinalizer(object, orphanFinalizer);
    });
}

/** The `foregroundDeletion` finalizer goes once no dependent that blocks this owner is left. */
function finishForeground(context: ControllerContext, index: OwnerIndex, uid: string): void {
  const blocking = index.dependentsOf(uid).some((dependent) => {
    const where = index.find(dependent);
    const object = where && lookUp(context, where);
    return ownerReferencesOf(object).some((owner) => owner.uid === uid && owner.blockOwnerDeletion === true);
  });
  const where = index.find(uid);
  if (!blocking && where)
    updateStored(context, where, (object) => {
      removeFinalizer(object, foregroundFinalizer);
    });
}

/**
 * A dependent with no owner left (by uid), or only owners deleted in the foreground, is
 * deleted; with some owner left, references to the gone and the foreground-deleted ones
 * are removed.
 */
function deleteIfUnowned(context: ControllerContext, index: OwnerIndex, uid: string): void {
  const where = index.find(uid);
  const object = where && lookUp(context, where);
  if (!where || !object) return;
  const owners = ownerReferencesOf(object).map((owner) => {
    const ownerRef = owner.uid === undefined ? undefined : index.find(owner.uid);
    const found = ownerRef && lookUp(context, ownerRef);
    return { owner, state: !found ? 'gone' : waitsForDependents(found) ? 'waiting' : 'solid' };
  });
  const solid = owners.filter(({ state }) => state === 'solid');
  if (solid.length === owners.length) return;
  if (solid.length > 0) {
    const kept = new Set(solid.map(({ owner }) => owner.uid));
    updateStored(context, where, (dependent) => {
      setOwnerReferences(
        dependent,
        ownerReferencesOf(dependent).filter((owner) => kept.has(owner.uid)),
      );
    });
    return;
  }
  if (deleting(object)) return;
  const ownerWaits = owners.some(({ state }) => state === 'waiting');
  const propagationPolicy = ownerWaits && index.dependentsOf(uid).length > 0 ? 'Foreground' : policyOf(object);
  deleteAsClient(context, where, { propagationPolicy });
}

/** The policy an object's own finalizers ask for; Background without them. */
function policyOf(object: KubeObject): string {
  const finalizers = finalizersOf(object);
  if (finalizers.includes(orphanFinalizer)) return 'Orphan';
  if (finalizers.includes(foregroundFinalizer)) return 'Foreground';
  return 'Background';
}

function setOwnerReferences(object: KubeObject, references: readonly object[]): void {
  const metadata = (object.metadata ??= {});
  if (references.length > 0) metadata.ownerReferences = [...references];
  else delete metadata.ownerReferences;
}
