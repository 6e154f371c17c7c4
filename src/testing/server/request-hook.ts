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
