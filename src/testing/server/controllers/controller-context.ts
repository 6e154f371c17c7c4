// What the embedded server's controllers share: the store they watch and write, and the
// way they write, through the same paths a client's request takes.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldTracker } from '../fields/field-tracker.ts';
import type { ObjectStore } from '../object-store.ts';
import type { ResourceRegistry } from '../registry.ts';
import type { ResourceType } from '../resource-type.ts';
import { persist } from '../handlers/persist.ts';
import { deleteStored } from '../handlers/delete-stored.ts';
import { finalizersOf } from '../handlers/deletion-finalizers.ts';
import type { DeletionOptions } from '../handlers/deletion.ts';

export interface ControllerContext {
  readonly store: ObjectStore;
  readonly fields: FieldTracker;
  readonly registry: ResourceRegistry;
}

/** Where an object is stored: its `group/plural`, namespace and name. */
export interface StoredRef {
  readonly resource: string;
  readonly namespace: string;
  readonly name: string;
}

/** The field manager kube-controller-manager's writes are recorded under. */
export const controllerManager = 'kube-controller-manager';

/** The served type stored under `group/plural`. */
export function typeOfResource(context: ControllerContext, resource: string): ResourceType | undefined {
  return context.registry.all().find((type) => `${type.group}/${type.plural}` === resource);
}

export function lookUp(context: ControllerContext, ref: StoredRef): KubeObject | undefined {
  return context.store.get(ref.resource, ref.namespace, ref.name);
}

/**
 * Writes `change` of the stored object as an update would (validation, managedFields, and
 * a deletion once its last finalizer goes); `finalize` for a Namespace's spec.finalizers.
 */
export function updateStored(
  context: ControllerContext,
  ref: StoredRef,
  change: (object: KubeObject) => void,
  subresource?: 'finalize',
): void {
  const type = typeOfResource(context, ref.resource);
  const live = lookUp(context, ref);
  if (!type || !live) return;
  const desired = structuredClone(live);
  change(desired);
  persist(context, {
    type,
    namespace: ref.namespace,
    live,
    desired,
    manager: controllerManager,
    dryRun: false,
    ...(subresource && { subresource }),
  });
}

/** Deletes the stored object as a DELETE with `options` would. */
export function deleteAsClient(context: ControllerContext, ref: StoredRef, options: DeletionOptions): void {
  const type = typeOfResource(context, ref.resource);
  const live = lookUp(context, ref);
  if (!type || !live) return;
  deleteStored(context, { type, namespace: ref.namespace, name: ref.name, options, dryRun: false }, live);
}

/** Drops `finalizer` from the object's finalizers (the field goes with the last one). */
export function removeFinalizer(object: KubeObject, finalizer: string): void {
  const metadata = (object.metadata ??= {});
  const rest = finalizersOf(object).filter((f) => f !== finalizer);
  if (rest.length > 0) metadata.finalizers = rest;
  else delete metadata.finalizers;
}
