import type { ServerResponse } from 'node:http';
import { goJson } from '../http/go-json.ts';
import type { KubeObject } from '../kube-object.ts';
import type { ObjectStore, StoreEvent } from '../object-store.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { selectorOf } from './list-options.ts';

/**
 * Streams watch events as kube-apiserver does (one JSON object a line, chunked): from a
 * resourceVersion, the changes after it; without one (or "0"), ADDED for every current
 * object first. A resourceVersion older than the kept history gets an ERROR event with a
 * 410 Expired Status, as from the real server's watch cache.
 */
export function watch(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  response: ServerResponse,
): void {
  const matches = selectorOf(type, query);
  const resource = `${type.group}/${type.plural}`;
  const relevant = (event: StoreEvent) =>
    event.resource === resource && (namespace === undefined || event.namespace === namespace) && matches(event.object);
  response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // At once, as kube-apiserver does: a client waits for the headers before any event.
  response.flushHeaders();
  const send = (type: string, object: KubeObject) => {
    response.write(goJson({ type, object }));
  };
  const withKind = (object: KubeObject): KubeObject => ({ ...object, kind: type.kind, apiVersion: groupVersion(type) });

  const requested = query.get('resourceVersion') ?? '';
  const unsubscribe = store.subscribe((event) => {
    if (relevant(event)) send(event.type, withKind(event.object));
  });
  if (requested === '' || requested === '0') {
    for (const object of store.list(resource, namespace).filter(matches)) send('ADDED', withKind(object));
  } else {
    const since = Number(requested);
    const events = Number.isInteger(since) ? store.eventsSince(since) : undefined;
    if (events === undefined) {
      send('ERROR', {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `too old resource version: ${requested} (${String(store.oldestWatchableRevision - 1)})`,
        reason: 'Expired',
        code: 410,
      });
      unsubscribe();
      response.end();
      return;
    }
    for (const event of events.filter(relevant)) send(event.type, withKind(event.object));
  }
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0');
  const timer =
    timeoutSeconds > 0
      ? setTimeout(() => {
          response.end();
        }, timeoutSeconds * 1000)
      : undefined;
  const stop = () => {
    unsubscribe();
    clearTimeout(timer);
  };
  response.on('close', stop);
  response.on('finish', stop);
}
