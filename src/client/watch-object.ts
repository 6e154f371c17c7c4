import type { IncomingMessage } from 'node:http';
import type { KubeObject } from '../testing/server/kube-object.ts';
import type { ObjectRef } from '../update/object-client.ts';

/** One change of the watched object, as the server streams it. */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: KubeObject;
}

/** The watch request for one object: its collection, filtered to its name. */
export function watchPath(collection: string, ref: ObjectRef, resourceVersion?: string): string {
  const query = new URLSearchParams({ watch: 'true', fieldSelector: `metadata.name=${ref.name}` });
  if (resourceVersion !== undefined) query.set('resourceVersion', resourceVersion);
  return `${collection}?${query.toString()}`;
}

/**
 * The events of a watch response, one JSON object per line, until the server or the
 * caller (by destroying the response) ends it.
 */
export async function* watchEvents(response: IncomingMessage): AsyncGenerator<WatchEvent> {
  response.setEncoding('utf8');
  let buffer = '';
  for await (const chunk of response as AsyncIterable<string>) {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line !== '') yield JSON.parse(line) as WatchEvent;
    }
  }
}
