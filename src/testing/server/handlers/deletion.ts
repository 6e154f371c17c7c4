// The deletion of one stored object, as kube-apiserver's generic store does it: finalizers
// hold an object (marked with deletionTimestamp) until an update removes the last one;
// DeleteOptions add the garbage collector's `orphan` or `foregroundDeletion` finalizer;
// Pods are deleted gracefully; Namespaces turn Terminating first.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import type { PersistContext } from './persist.ts';
import { inServerOrder, sameContent } from './object-shape.ts';
import { deletionFinalizers, finalizersOf, markAsDeleting, type PropagationOptions } from './deletion-finalizers.ts';
import { podGracefulDeletion } from './pod-deletion.ts';

export interface DeletionOptions extends PropagationOptions {
  readonly gracePeriodSeconds?: number | null;
}

export interface Deletion {
  readonly type: ResourceType;
  readonly namespace: string;
  readonly name: string;
  readonly options: DeletionOptions;
  readonly dryRun: boolean;
}

/** What a DELETE answers, and whether the object went at once. */
export interface Deleted {
  readonly object: KubeObject;
  readonly deleted: boolean;
}

/** The generic store's Delete, for every kind but Namespace. */
export function deleteGeneric(context: PersistContext, deletion: Deletion, live: KubeObject): Deleted {
  const { type, options } = deletion;
  const graceful =
    type.kind === 'Pod'
      ? podGracefulDeletion(live, options.gracePeriodSeconds ?? undefined)
      : { pending: false, period: 0 };
  if (graceful.pending) return { object: deletedAnswer(type, live), deleted: false };
  const existing = finalizersOf(live);
  const gc = deletionFinalizers(existing, options, type.orphanByDefault === true);
  if (graceful.marked === undefined && existing.length === 0 && !gc.changed) {
    return removeNow(context, deletion, live);
  }
  const updated = structuredClone(graceful.marked ?? live);
  setFinalizers(updated, gc.finalizers);
  const pending = gc.finalizers.length > 0;
  if (graceful.marked === undefined && !pending) return removeNow(context, deletion, live);
  if (graceful.marked === undefined) markAsDeleting(updated);
  const written = writeMarked(context, deletion, live, updated);
  if (pending || graceful.period > 0) return { object: written, deleted: false };
  return removeNow(context, deletion, written);
}

export function setFinalizers(object: KubeObject, finalizers: readonly string[]): void {
  const metadata = (object.metadata ??= {});
  if (finalizers.length > 0) metadata.finalizers = [...finalizers];
  else delete metadata.finalizers;
}

/** Stores the marked object, unless nothing changed (then the stored one, same resourceVersion). */
export function writeMarked(
  context: PersistContext,
  { type, namespace, dryRun }: Deletion,
  live: KubeObject,
  updated: KubeObject,
): KubeObject {
  if (sameContent(live, updated)) return live;
  const ordered = inServerOrder(updated);
  if (dryRun) return ordered;
  return context.store.put(`${type.group}/${type.plural}`, namespace, ordered, 'MODIFIED');
}

/** Removes the object now: the answer is a Status, or the object for the kinds that return it. */
export function removeNow(context: PersistContext, deletion: Deletion, latest: KubeObject): Deleted {
  const { type, namespace, name, dryRun } = deletion;
  if (dryRun) return { object: deletedAnswer(type, latest), deleted: true };
  const { store } = context;
  const removed = store.delete(`${type.group}/${type.plural}`, namespace, name) ?? latest;
  // The deleted object carries the revision of its deletion, as etcd answers it.
  const object = { ...removed, metadata: { ...removed.metadata, resourceVersion: String(store.revision) } };
  return { object: deletedAnswer(type, object), deleted: true };
}

/** Pods, Namespaces and kinds that say so (Services, ServiceAccounts) answer a DELETE with the object; the others with a Status. */
export function deletedAnswer(type: ResourceType, object: KubeObject): KubeObject {
  if (type.kind === 'Pod' || type.kind === 'Namespace' || type.returnDeletedObject === true) return object;
  const uid = object.metadata?.uid;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: object.metadata?.name,
      ...(type.group !== '' && { group: type.group }),
      kind: type.plural,
      ...(uid !== undefined && { uid }),
    },
  };
}
