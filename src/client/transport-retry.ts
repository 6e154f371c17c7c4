import { Backoff } from '../core/backoff.ts';
import { classify, isTransient, type KubeErrorKind } from '../core/errors/classify.ts';
import { KubeApiError } from '../core/errors/kube-api-error.ts';

/** What the transport tells `onRetry` about a failure it absorbed by sending the request again. */
export interface TransportRetry {
  readonly method: string;
  readonly path: string;
  /** How the failure classified: TooManyRequests, ServerError, Timeout, Network. */
  readonly kind: KubeErrorKind;
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  /** How long the transport waits before the next attempt, ms. */
  readonly delayMs: number;
}

/** Marks a network error that happened on a kept connection, reused for this request. */
export const reusedSocket = Symbol('reusedSocket');

/** A kept connection the server closed as idle just as it was reused (the request never reached it). */
function closedWhileIdle(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !(error as Record<symbol, unknown>)[reusedSocket]) return false;
  const code = ((error as { cause?: { code?: unknown } }).cause?.code ?? '') as string;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/**
 * The pauses before a failed read (with no Retry-After) is sent again: 50 ms doubling to
 * 1 s, then 1 s, each between half and all of that (equal jitter) so that clients that
 * failed together do not come back together. Used through {@link Backoff.delayFunc}:
 * the transport's `maxRetries` bounds the calls, and the steps here only let the duration
 * grow until the cap (50, 100, 200, 400, 800, then 1600 > 1 s).
 */
export const readRetryBackoff = new Backoff({ duration: 50, factor: 2, cap: 1_000, steps: 5, jitterMode: 'equal' });

/**
 * When a failed request may be sent again, and after how long; `undefined` when not.
 * `nextReadDelayMs` gives the next pause of {@link readRetryBackoff}, asked for only
 * when that schedule applies.
 *
 * client-go's rules (rest.Request): a 429 or 5xx answer that carries Retry-After is
 * retried for every verb, after that many seconds, because the server asks for it. API
 * Priority and Fairness' 429 comes before the handler runs; a 5xx may come after (a
 * storage timeout), so a resent write is only as safe as its precondition. A read is also
 * retried after any other 5xx, timeout or broken connection, since reading twice is
 * harmless. A write without Retry-After is never sent again here: it may have committed,
 * and only the caller can tell whether repeating it is safe (see the update helpers'
 * `exactlyOnce`).
 */
export function retryDelayMs(
  method: string,
  error: unknown,
  nextReadDelayMs: () => number,
): { readonly delayMs: number; readonly kind: KubeErrorKind } | undefined {
  const kind = classify(error);
  const apiError = error instanceof KubeApiError ? error : undefined;
  const serverAsksToRetry =
    apiError?.retryAfterSeconds !== undefined && (apiError.code === 429 || apiError.code >= 500);
  if (serverAsksToRetry) return { delayMs: apiError.retryAfterSeconds * 1_000, kind };
  if (method !== 'GET' || !isTransient(error)) return undefined;
  // A kept connection closed as idle just as it was reused: sent again at once, on a new one.
  return { delayMs: closedWhileIdle(error) ? 0 : nextReadDelayMs(), kind };
}
