import { randomUUID } from 'node:crypto';
import { timestamp } from '../clock.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ObjectStore } from '../object-store.ts';
import type { ResourceType } from '../resource-type.ts';
import { customResourceStatusUpdate } from '../resources/status-strategies.ts';
import { podQosClass } from '../resources/pod-qos.ts';
import type { FieldTracker } from '../fields/field-tracker.ts';
import { generationChanged, inServerOrder, sameContent } from './object-shape.ts';
import { validateStatusWrite } from './status-validation.ts';
import { validateObject } from './validate.ts';
import { badRequest, invalid } from '../http/status.ts';
import { UndecodableCustomResource } from '../crd/custom-resource-schema.ts';
import { refuseInTerminatingNamespace } from './terminating-namespace.ts';
import {
  asSentForFieldOwnership,
  deletesDuringUpdate,
  deletionUpdateCauses,
  dropDeletionMarks,
  keepDeletionMarks,
} from './deletion-updates.ts';
import { groupVersion } from '../resource-type.ts';
import { goRoundTrip, schemaFor } from '../schema/index.ts';
import type { JsonValue } from '../schema/index.ts';

export interface PersistContext {
  readonly store: ObjectStore;
  readonly fields: FieldTracker;
}

export interface Write {
  readonly type: ResourceType;
  readonly namespace: string;
  /** The stored object, or undefined for a create. */
  readonly live: KubeObject | undefined;
  /** The object as the client wants it, before defaults. */
  readonly desired: KubeObject;
  readonly manager: string;
  readonly dryRun: boolean;
  /** managedFields already computed (server-side apply); else tracked as an Update. */
  readonly managedFieldsDone?: boolean;
  /**
   * `status` for a write through `/status` (the type's status strategy, not the main
   * one); `finalize` for a Namespace's `/finalize` (the main one, finalizers included).
   */
  readonly subresource?: 'status' | 'finalize';
}

/**
 * The common end of create, update and patch: defaults, server-owned metadata, status
 * kept from the stored object, generation, validation, managedFields, then the write,
 * unless nothing changed (the stored object comes back untouched, same resourceVersion).
 */
export function persist(context: PersistContext, write: Write): { object: KubeObject; created: boolean } {
  const { type, namespace, live, manager, dryRun } = write;
  const object = structuredClone(write.desired);
  const metadata = (object.metadata ??= {});
  if (type.namespaced) metadata.namespace = namespace;
  else delete metadata.namespace;
  type.applyDefaults?.(object);
  if (type.customSchema) decodeCustomResource(type, object);
  const now = timestamp();
  const apiVersion = groupVersion(type);
  const schema = schemaFor(apiVersion, type.kind);
  if (live) {
    metadata.uid = live.metadata?.uid;
    metadata.creationTimestamp = live.metadata?.creationTimestamp;
    metadata.resourceVersion = live.metadata?.resourceVersion;
    // Clients cannot change generation (apiserver's BeforeUpdate keeps the stored one).
    if (live.metadata?.generation !== undefined) metadata.generation = live.metadata.generation;
    else delete metadata.generation;
    keepDeletionMarks(object, live);
    const deletionCauses = deletionUpdateCauses(object, live);
    if (deletionCauses.length > 0) throw invalid(type, metadata.name ?? '', deletionCauses);
    if (write.subresource === 'status') type.prepareStatusUpdate?.(object, live);
    else {
      if (type.statusSubresource) restoreStatus(object, live);
      if (metadata.generation !== undefined && generationChanged(type, live, object)) metadata.generation += 1;
    }
  } else {
    refuseInTerminatingNamespace(context.store, type, namespace, metadata.name ?? '');
    metadata.uid = randomUUID();
    dropDeletionMarks(object);
    metadata.creationTimestamp = now;
    // Kinds that track generation start it at 1; others keep what the client sent.
    if (type.generation !== 'none') metadata.generation = 1;
    resetStatusOnCreate(type, object);
  }
  if (write.subresource === undefined) type.prepareWrite?.(object, live);
  validateObject(type, object, live, write.subresource);
  if (live && write.subresource === 'status') validateStatusWrite(type, object, live);
  // The JSON Go would store: managedFields are computed on exactly that shape.
  const shaped = goRoundTrip(schema, object as JsonValue) as KubeObject;
  if (!write.managedFieldsDone) {
    const { subresource } = write;
    const updated = live ? asSentForFieldOwnership(shaped, write.desired, live) : shaped;
    const managedFields = context.fields.update({ type, live, updated, manager, time: now, subresource });
    if (managedFields.length > 0) (shaped.metadata ??= {}).managedFields = managedFields;
    else delete shaped.metadata?.managedFields;
  }
  const storedOfType = () => context.store.list(`${type.group}/${type.plural}`, undefined);
  if (!live) type.admitOnCreate?.(shaped, storedOfType);
  else if (write.subresource === undefined) type.prepareForUpdate?.(shaped, live, storedOfType);
  if (live && deletesDuringUpdate(type, shaped, live))
    return { object: deleteDuringUpdate(context, write, shaped), created: false };
  if (live && sameContent(live, shaped)) return { object: live, created: false };
  const ordered = inServerOrder(shaped);
  if (dryRun) {
    if (!live) delete ordered.metadata?.resourceVersion;
    return { object: ordered, created: !live };
  }
  const stored = context.store.put(`${type.group}/${type.plural}`, namespace, ordered, live ? 'MODIFIED' : 'ADDED');
  return { object: stored, created: !live };
}

/** The last finalizer gone: the object is deleted, and the answer is the update as asked. */
function deleteDuringUpdate(context: PersistContext, write: Write, updated: KubeObject): KubeObject {
  const { type, namespace } = write;
  const ordered = inServerOrder(updated);
  if (!write.dryRun) context.store.delete(`${type.group}/${type.plural}`, namespace, ordered.metadata?.name ?? '');
  return ordered;
}

/** What kube-apiserver's decoder does to a custom resource: prune, then default; a 400 when it cannot. */
function decodeCustomResource(type: ResourceType, object: KubeObject): void {
  try {
    type.customSchema?.prune(object);
  } catch (error) {
    if (!(error instanceof UndecodableCustomResource)) throw error;
    throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${error.message}`);
  }
  type.customSchema?.default(object);
}

function restoreStatus(object: KubeObject, live: KubeObject): void {
  if (live.status === undefined) delete object.status;
  else object.status = structuredClone(live.status);
}

/** What a create starts with in `status`, per resource (the client cannot set it). */
function resetStatusOnCreate(type: ResourceType, object: KubeObject): void {
  if (!type.statusSubresource) return;
  if (type.statusOnCreate !== undefined) object.status = structuredClone(type.statusOnCreate);
  if (type.kind === 'Deployment') object.status = {};
  if (type.kind === 'Pod') object.status = { phase: 'Pending', qosClass: podQosClass(object) };
  if (type.kind === 'Namespace') object.status = { phase: 'Active' };
  if (type.prepareStatusUpdate === customResourceStatusUpdate) delete object.status;
}
