// What an update may do to an object's deletion state, as kube-apiserver's
// rest.BeforeUpdate and ObjectMeta validation allow it, and when an update ends a deletion.
import type { KubeObject } from '../../../core/object.ts';
import type { Cause } from '../http/status.ts';
import type { ResourceType } from '../resource-type.ts';
import { finalizersOf, specFinalizers } from './deletion-finalizers.ts';
import { invalidValue } from './validate.ts';
import { goQuote } from '../go/go-quote.ts';

/** Clients cannot create an object marked for deletion: the marks are dropped. */
export function dropDeletionMarks(object: KubeObject): void {
  delete object.metadata?.deletionTimestamp;
  delete object.metadata?.deletionGracePeriodSeconds;
}

/** An update never removes or changes the marks the server set. */
export function keepDeletionMarks(object: KubeObject, live: KubeObject): void {
  const metadata = (object.metadata ??= {});
  const old = live.metadata ?? {};
  if (old.deletionTimestamp !== undefined) metadata.deletionTimestamp = old.deletionTimestamp;
  if (old.deletionGracePeriodSeconds !== undefined && metadata.deletionGracePeriodSeconds === undefined) {
    metadata.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
  }
}

/**
 * ObjectMeta's update rules on deletion: no finalizer added once deletion started, and the
 * marks immutable. kube-apiserver checks them twice (generic and per kind), so each cause
 * is listed twice, as in its answers.
 */
export function deletionUpdateCauses(object: KubeObject, live: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const metadata = object.metadata ?? {};
  const old = live.metadata ?? {};
  if (old.deletionTimestamp !== undefined) {
    const before = new Set(finalizersOf(live));
    const added = [...new Set(finalizersOf(object))].filter((f) => !before.has(f)).sort();
    if (added.length > 0) {
      const list = added.map((f) => goQuote(f)).join(', ');
      const message = `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${list}}`;
      causes.push({ reason: 'FieldValueForbidden', message, field: 'metadata.finalizers' });
    }
  }
  for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds'] as const) {
    if (metadata[field] !== undefined && metadata[field] !== old[field]) {
      causes.push(invalidValue(`metadata.${field}`, metadata[field], 'field is immutable'));
    }
  }
  return [...causes, ...causes];
}

/**
 * An update that leaves an object marked for deletion without finalizers deletes it
 * (a Namespace only once spec.finalizers is empty too), unless a grace period runs.
 */
export function deletesDuringUpdate(type: ResourceType, updated: KubeObject, live: KubeObject): boolean {
  if (finalizersOf(updated).length > 0) return false;
  if (live.metadata?.deletionTimestamp === undefined) return false;
  if (type.kind === 'Namespace' && specFinalizers(updated).length > 0) return false;
  const grace = live.metadata.deletionGracePeriodSeconds;
  return grace === undefined || grace === 0;
}

/**
 * The object field ownership is computed on: kube-apiserver's field manager runs before
 * the update is stripped of a changed deletionTimestamp, so the manager that sent one
 * owns the field though the stored value stays the server's.
 */
export function asSentForFieldOwnership(shaped: KubeObject, desired: KubeObject, live: KubeObject): KubeObject {
  const sent = desired.metadata?.deletionTimestamp;
  if (typeof sent !== 'string' || live.metadata?.deletionTimestamp === undefined) return shaped;
  if (sent === live.metadata.deletionTimestamp) return shaped;
  return { ...shaped, metadata: { ...shaped.metadata, deletionTimestamp: sent } };
}
