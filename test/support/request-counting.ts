import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { PatchingObjectClient } from '../../src/index.ts';

/** Calls made through a {@link countingClient}, by method. */
export interface ClientCalls {
  read: number;
  replace: number;
  create: number;
  patch: number;
  /** Watches opened (when the client can watch). */
  watch: number;
}

/** A real client whose every call is counted, then passed on unchanged. */
export function countingClient(inner: PatchingObjectClient): PatchingObjectClient & { readonly calls: ClientCalls } {
  const calls: ClientCalls = { read: 0, replace: 0, create: 0, patch: 0, watch: 0 };
  const watch = inner.watch?.bind(inner);
  return {
    calls,
    read: (ref, signal) => {
      calls.read++;
      return inner.read(ref, signal);
    },
    replace: (object, signal) => {
      calls.replace++;
      return inner.replace(object, signal);
    },
    create: (object, signal) => {
      calls.create++;
      return inner.create(object, signal);
    },
    patch: (ref, patch, type, options) => {
      calls.patch++;
      return inner.patch(ref, patch, type, options);
    },
    ...(watch && {
      watch: (ref, options) => {
        calls.watch++;
        return watch(ref, options);
      },
    }),
  };
}

/** One HTTP request as it left this process. */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
}

const requestStart = 'http.client.request.start';

/**
 * Records every HTTP request this process starts, from Node's own diagnostics channel:
 * what went on the wire, including any request a layer below the object client (the
 * transport) might send again. Call `stop()` to stop recording.
 */
export function recordSentRequests(): { readonly sent: SentRequest[]; stop(): void } {
  const sent: SentRequest[] = [];
  const onStart = (message: unknown) => {
    const { method, path } = (message as { request: ClientRequest }).request;
    sent.push({ method, path });
  };
  subscribe(requestStart, onStart);
  return {
    sent,
    stop: () => {
      unsubscribe(requestStart, onStart);
    },
  };
}
