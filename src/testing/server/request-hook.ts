import type { ServerResponse } from 'node:http';

/** What a request hook is told about each request. */
export interface HookedRequest {
  readonly method: string;
  readonly path: string;
  /** Kubernetes verb: get, list, watch, create, update, patch, delete; undefined for discovery. */
  readonly verb: string | undefined;
  readonly resource: string | undefined;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
}

/** What a hook may do to a request: delay it, answer it instead, or break the connection. */
export interface HookAction {
  /** Milliseconds to wait before handling the request. */
  readonly delayMs?: number;
  /** Answer with this instead of handling the request (nothing is written). */
  readonly respond?: { readonly status: number; readonly headers?: Record<string, string>; readonly body: string };
  /**
   * Destroy the connection `before` handling the request (nothing written) or `after`
   * (the write committed, the client never hears of it: the ambiguous outcome).
   */
  readonly resetConnection?: 'before' | 'after';
  /** With `resetConnection: 'after'`: hold the answer this long first, ms, so that clients time out. */
  readonly holdMs?: number;
  /** Send the answer in `pieces`, `intervalMs` apart: a slow body. */
  readonly slowBody?: { readonly pieces: number; readonly intervalMs: number };
}

/**
 * Called for every request when given; the way the lab injects latency and faults. When
 * no hook is set, requests pay nothing for the feature.
 */
export type RequestHook = (request: HookedRequest) => HookAction | undefined | Promise<HookAction | undefined>;

/** The Kubernetes verb of a request, as the server routes it; undefined when no verb fits. */
export function verbOf(method: string, hasName: boolean, watching: boolean): string | undefined {
  // A GET of one object ignores `watch`.
  if (method === 'GET') return hasName ? 'get' : watching ? 'watch' : 'list';
  if (method === 'POST' && !hasName) return 'create';
  if (method === 'PUT' && hasName) return 'update';
  if (method === 'PATCH' && hasName) return 'patch';
  if (method === 'DELETE' && hasName) return 'delete';
  return undefined;
}

/**
 * Does what `action` asks before a request is handled: waits, drops the connection, or
 * answers instead. Resolves true when the request is done with (dropped or answered).
 */
export async function applyHookBefore(action: HookAction, response: ServerResponse): Promise<boolean> {
  if (action.delayMs !== undefined && action.delayMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, action.delayMs));
  }
  if (action.resetConnection === 'before') {
    response.destroy();
    return true;
  }
  if (action.respond) {
    response.writeHead(action.respond.status, { 'content-type': 'application/json', ...action.respond.headers });
    response.end(action.respond.body);
    return true;
  }
  return false;
}
