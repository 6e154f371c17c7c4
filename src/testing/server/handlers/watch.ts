import type { KubeObject } from '../../../core/object.ts';
import type { ObjectStore, StoreEvent } from '../object-store.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { selectorOf } from './list-options.ts';
import type { Answer } from './respond.ts';
import { type SelectedEvent, selectedEvent } from './watch-event.ts';
import type { WatchStart } from './watch-list-options.ts';

/** What one watch streams: the objects of a type in a namespace (all when undefined) that match. */
interface Watched {
  readonly store: ObjectStore;
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly matches: (object: KubeObject) => boolean;
}

/**
 * Streams watch events as kube-apiserver does (one JSON object a line, or protobuf
 * frames, chunked). It starts with the current objects as ADDED (the default without a
 * resourceVersion or with "0", or `sendInitialEvents=true`), followed, when bookmarks are
 * allowed, by a BOOKMARK marking the end of those initial events; or with the changes
 * after the given resourceVersion. One older than the kept history gets an ERROR event
 * with a 410 Expired Status, as from the real server's watch cache.
 */
export function watch(
  watched: Omit<Watched, 'matches'>,
  query: URLSearchParams,
  start: WatchStart,
  answer: Answer,
): void {
  const { response } = answer;
  const scope: Watched = { ...watched, matches: selectorOf(watched.type, query) };
  response.writeHead(200, { 'Content-Type': answer.streamContentType, 'Transfer-Encoding': 'chunked' });
  // At once, as kube-apiserver does: a client waits for the headers before any event.
  response.flushHeaders();
  let unsubscribe = () => {};
  // An event that cannot be written in the negotiated form (a single object asked as a
  // PartialObjectMetadataList) ends the stream, as kube-apiserver ends it.
  const send = (eventType: string, object: KubeObject) => {
    if (response.writableEnded) return;
    let encoded: string | Uint8Array;
    try {
      encoded = answer.encodeEvent(eventType, object);
    } catch {
      unsubscribe();
      response.end();
      return;
    }
    response.write(encoded);
  };
  unsubscribe = watched.store.subscribe((event) => {
    const selected = eventFor(scope, event);
    if (selected) send(selected.type, withKind(scope.type, selected.object));
  });
  if (!startStream(scope, query.get('resourceVersion') ?? '', start, send) || response.writableEnded) {
    unsubscribe();
    response.end();
    return;
  }
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0');
  const timer = timeoutSeconds > 0 ? setTimeout(() => response.end(), timeoutSeconds * 1000) : undefined;
  const stop = () => {
    unsubscribe();
    clearTimeout(timer);
  };
  response.on('close', stop);
  response.on('finish', stop);
}

/** Sends what comes before live events; false when the stream ends there (410 Expired). */
function startStream(
  scope: Watched,
  requested: string,
  start: WatchStart,
  send: (eventType: string, object: KubeObject) => void,
): boolean {
  const { store, type, namespace, matches } = scope;
  if (start.sendInitialEvents) {
    const resource = `${type.group}/${type.plural}`;
    for (const object of store.list(resource, namespace).filter(matches)) send('ADDED', withKind(type, object));
    if (start.bookmarks) send('BOOKMARK', initialEventsEnd(type, store.revision));
    return true;
  }
  if (requested === '' || requested === '0') return true;
  const since = Number(requested);
  const events = Number.isInteger(since) ? store.eventsSince(since) : undefined;
  if (events === undefined) {
    send('ERROR', expired(requested, store.oldestWatchableRevision - 1));
    return false;
  }
  for (const selected of events.map((event) => eventFor(scope, event))) {
    if (selected) send(selected.type, withKind(type, selected.object));
  }
  return true;
}

/** What the watch sends for a change: nothing for other types and namespaces. */
const eventFor = ({ type, namespace, matches }: Watched, event: StoreEvent): SelectedEvent | undefined =>
  event.resource === `${type.group}/${type.plural}` && (namespace === undefined || event.namespace === namespace)
    ? selectedEvent(event, matches)
    : undefined;

const withKind = (type: ResourceType, object: KubeObject): KubeObject => ({
  ...object,
  kind: type.kind,
  apiVersion: groupVersion(type),
});

/** The bookmark kube-apiserver sends once a watch's initial events are all out. */
const initialEventsEnd = (type: ResourceType, revision: number): KubeObject => ({
  kind: type.kind,
  apiVersion: groupVersion(type),
  metadata: { resourceVersion: String(revision), annotations: { 'k8s.io/initial-events-end': 'true' } },
});

const expired = (requested: string, compacted: number): KubeObject => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: `too old resource version: ${requested} (${String(compacted)})`,
  reason: 'Expired',
  code: 410,
});
