import { classify, isTransient, type KubeErrorKind } from '../core/errors/classify.ts';
import { KubeApiError } from '../core/errors/kube-api-error.ts';
import type { Random } from '../core/random.ts';

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

/** Reads are retried after failures with no Retry-After on this schedule: 50 ms doubling to 1 s, jittered. */
const readBackoffMs = (attempt: number, random: Random) =>
  Math.min(1_000, 50 * 2 ** (attempt - 1)) * (0.5 + random() / 2);

/**
 * When a failed request may be sent again, and after how long; `undefined` when not.
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
  attempt: number,
  random: Random,
): { readonly delayMs: number; readonly kind: KubeErrorKind } | undefined {
  const kind = classify(error);
  const apiError = error instanceof KubeApiError ? error : undefined;
  const serverAsksToRetry =
    apiError?.retryAfterSeconds !== undefined && (apiError.code === 429 || apiError.code >= 500);
  if (serverAsksToRetry) return { delayMs: apiError.retryAfterSeconds * 1_000, kind };
  if (method !== 'GET' || !isTransient(error)) return undefined;
  // A kept connection closed as idle just as it was reused: sent again at once, on a new one.
  return { delayMs: closedWhileIdle(error) ? 0 : readBackoffMs(attempt, random), kind };
}
