// Who owns whom, by uid, kept up to date from the store's events: the garbage collector's
// graph of ownerReferences (kube-controller-manager builds the same from its informers).
import type { KubeObject } from '../../../core/object.ts';
import type { StoreEvent } from '../object-store.ts';
import type { StoredRef } from './controller-context.ts';

export interface OwnerReference {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

export function ownerReferencesOf(object: KubeObject | undefined): readonly OwnerReference[] {
  const references = object?.metadata?.ownerReferences;
  return Array.isArray(references) ? (references as OwnerReference[]) : [];
}

export class OwnerIndex {
  readonly #objects = new Map<string, StoredRef>();
  readonly #dependents = new Map<string, Set<string>>();

  /** Where the object with `uid` is stored, if it exists. */
  find(uid: string): StoredRef | undefined {
    return this.#objects.get(uid);
  }

  /** The uids of the objects that name `uid` among their owners. */
  dependentsOf(uid: string): readonly string[] {
    return [...(this.#dependents.get(uid) ?? [])];
  }

  /** Takes in one change; answers the uids of the objects the garbage collector should look at again. */
  observe(event: StoreEvent): string[] {
    const uid = event.object.metadata?.uid;
    if (uid === undefined) return [];
    const ref = { resource: event.resource, namespace: event.namespace, name: event.object.metadata?.name ?? '' };
    const before = ownerReferencesOf(event.previous);
    for (const owner of before) this.#dependents.get(owner.uid ?? '')?.delete(uid);
    if (event.type === 'DELETED') this.#objects.delete(uid);
    else {
      this.#objects.set(uid, ref);
      for (const owner of ownerReferencesOf(event.object)) {
        if (owner.uid === undefined) continue;
        let set = this.#dependents.get(owner.uid);
        if (!set) this.#dependents.set(owner.uid, (set = new Set()));
        set.add(uid);
      }
    }
    const owners = [...before, ...ownerReferencesOf(event.object)].flatMap((owner) => owner.uid ?? []);
    // Dependents care only once their owner goes or is being deleted: an owner's other
    // writes (a Deployment's status, say) do not visit each of them.
    const ending = event.type === 'DELETED' || event.object.metadata?.deletionTimestamp !== undefined;
    return [uid, ...owners, ...(ending ? this.dependentsOf(uid) : [])];
  }
}
