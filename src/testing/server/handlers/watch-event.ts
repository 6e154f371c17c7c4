import type { KubeObject } from '../../../core/object.ts';
import type { StoreEvent, WatchEventType } from '../object-store.ts';

/** What one watcher is sent for a change. */
export interface SelectedEvent {
  readonly type: WatchEventType;
  readonly object: KubeObject;
}

/**
 * The event a watch with selectors sends for a change, as kube-apiserver's watch cache
 * decides it from whether the object matches before and after the change: an object that
 * comes to match is ADDED, one that still matches is MODIFIED, and one that stops matching
 * (updated out of the selectors, or deleted) is DELETED, sent as it was before the change
 * with the change's resourceVersion. Undefined when the watcher is not concerned.
 */
export function selectedEvent(event: StoreEvent, matches: (object: KubeObject) => boolean): SelectedEvent | undefined {
  const { previous } = event;
  const matchesNow = event.type !== 'DELETED' && matches(event.object);
  const matchedBefore = previous !== undefined && matches(previous);
  if (matchesNow) return { type: matchedBefore ? 'MODIFIED' : 'ADDED', object: event.object };
  return matchedBefore ? { type: 'DELETED', object: atRevision(previous, event.revision) } : undefined;
}

// A shallow copy down to metadata: stored objects are shared and read-only.
const atRevision = (object: KubeObject, revision: number): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, resourceVersion: String(revision) },
});
