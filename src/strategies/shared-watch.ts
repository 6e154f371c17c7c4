import type { Clock } from '../core/clock.ts';
import type { KubeObject, ObjectRef } from '../core/object.ts';
import { ObjectWatcher, type WatchingClient } from './object-watcher.ts';

/** A writer's use of a shared watch: `release()` it when done. */
export interface WatchLease {
  readonly watcher: ObjectWatcher;
  /** The watcher's `changed()`, ended early only by this writer's signal. */
  changed(version: number, timeoutMs: number): Promise<boolean>;
  /** The watcher's `contend()`, ended early only by this writer's signal. */
  contend(): Promise<() => void>;
  /** The watcher's `known()`, ended early only by this writer's signal. */
  known(read: (signal: AbortSignal) => Promise<KubeObject>): Promise<void>;
  release(): void;
}

interface Share {
  readonly watcher: ObjectWatcher;
  users: number;
}

/**
 * The watches open now, by the client's `watch` function (one per client; copies of a
 * client with other methods replaced keep it) and by object.
 */
const shares = new WeakMap<WatchingClient['watch'], Map<string, Share>>();

const keyOf = (ref: ObjectRef) => JSON.stringify([ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name]);

/**
 * One watcher of `ref` (its first read, its turn, its watch) for every writer of this
 * process that updates it at once through the same client: a thousand writers hold one
 * stream, not a thousand. Counted by users, it closes when the last one releases it. A
 * watch that failed (its object deleted) stays with the writers that saw it fail; a writer
 * that comes after gets a new one.
 */
export function shareWatch(client: WatchingClient, ref: ObjectRef, clock: Clock, signal?: AbortSignal): WatchLease {
  let byObject = shares.get(client.watch);
  if (!byObject) shares.set(client.watch, (byObject = new Map<string, Share>()));
  const key = keyOf(ref);
  let share = byObject.get(key);
  if (!share || share.watcher.failed) {
    share = { watcher: new ObjectWatcher(client, ref, undefined, clock), users: 0 };
    byObject.set(key, share);
  }
  share.users++;
  const mine = share;
  // One listener on the caller's signal for all of its waits: a thousand writers often
  // share one signal, where each added listener costs a walk of all the others.
  const own = new AbortController();
  const abort = () => {
    own.abort(signal?.reason);
  };
  if (signal?.aborted) abort();
  else signal?.addEventListener('abort', abort, { once: true });
  let released = false;
  return {
    watcher: mine.watcher,
    changed: (version, timeoutMs) => mine.watcher.changed(version, timeoutMs, own.signal),
    known: (read) => mine.watcher.known(read, own.signal),
    contend: () => mine.watcher.contend(own.signal),
    release: () => {
      if (released) return;
      released = true;
      signal?.removeEventListener('abort', abort);
      if (--mine.users > 0) return;
      mine.watcher.close();
      if (byObject.get(key) === mine) byObject.delete(key);
    },
  };
}
