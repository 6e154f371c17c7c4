import type { IncomingMessage } from 'node:http';
import type { ObjectRef, WatchEvent } from '../core/object.ts';

/** How a watch of one object starts and what it lets through. */
export interface WatchOptions {
  /** Changes after this version; without it, the current state first (ADDED), then every change. */
  readonly resourceVersion?: string;
  /**
   * Only while the object's labels match: it arrives as ADDED when it comes to match and
   * leaves as DELETED when it stops. The server filters, so a waiter wakes only for the
   * states it is waiting for.
   */
  readonly labelSelector?: string;
  readonly signal?: AbortSignal;
}

/** The watch request for one object: its collection, filtered to its name (and labels). */
export function watchPath(collection: string, ref: ObjectRef, options: WatchOptions = {}): string {
  const query = new URLSearchParams({ watch: 'true', fieldSelector: `metadata.name=${ref.name}` });
  if (options.labelSelector !== undefined) query.set('labelSelector', options.labelSelector);
  if (options.resourceVersion !== undefined) query.set('resourceVersion', options.resourceVersion);
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
