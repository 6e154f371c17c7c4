import { isStatus, type Status, statusFromBody } from './status.ts';

/** An HTTP failure found in a thrown value, whatever client threw it. */
export interface ApiFailure {
  readonly code: number;
  readonly status: Status | undefined;
  readonly retryAfterSeconds: number | undefined;
}

/** A failure below HTTP: no answer from the server. */
export type TransportFailure = 'Timeout' | 'Network';

const maxCauseDepth = 16;

/**
 * Finds the API error in `error` or its `cause` chain. Recognises, in this order:
 * values carrying a Status in `status` (kubeconflict's own KubeApiError, Go-style
 * StatusError wrappers), raw Status
 * objects, `@kubernetes/client-node` 1.x/2.x `ApiException` (`code`, `body` as JSON text
 * or object, `headers`), 0.x `HttpError` and other `{statusCode, body}` values,
 * `{response: {status, data|body, headers}}` (axios, got), and fetch `Response`s (code
 * and headers only: their body cannot be read synchronously).
 */
export function findApiFailure(error: unknown): ApiFailure | undefined {
  return walkCauses(error, apiFailureOf);
}

/** Finds a timeout or network error (Node and undici codes) in `error` or its causes. */
export function findTransportFailure(error: unknown): TransportFailure | undefined {
  return walkCauses(error, transportFailureOf);
}

function walkCauses<T>(error: unknown, look: (value: object) => T | undefined): T | undefined {
  const seen = new Set<unknown>();
  let current = error;
  for (let depth = 0; depth < maxCauseDepth && isObject(current) && !seen.has(current); depth++) {
    seen.add(current);
    const found = look(current);
    if (found !== undefined) return found;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function apiFailureOf(value: object): ApiFailure | undefined {
  const v = value as Record<string, unknown>;
  if (isStatus(v.status)) {
    return failure(numberOrUndefined(v.code) ?? 0, v.status, numberOrUndefined(v.retryAfterSeconds));
  }
  if (isStatus(value)) {
    return typeof value.code === 'number' || typeof value.reason === 'string'
      ? failure(value.code ?? 0, value, undefined)
      : undefined;
  }
  if (typeof v.code === 'number' && 'body' in v) {
    return failure(v.code, statusFromBody(v.body), retryAfterHeader(v.headers));
  }
  if (typeof v.statusCode === 'number') {
    const response = isObject(v.response) ? (v.response as Record<string, unknown>) : {};
    return failure(
      v.statusCode,
      statusFromBody(v.body ?? response.body),
      retryAfterHeader(v.headers ?? response.headers),
    );
  }
  if (isObject(v.response)) {
    const response = v.response as Record<string, unknown>;
    const code = response.status ?? response.statusCode;
    if (typeof code === 'number') {
      return failure(code, statusFromBody(response.data ?? response.body), retryAfterHeader(response.headers));
    }
  }
  if (typeof v.status === 'number' && v.status >= 400) {
    return failure(v.status, statusFromBody(v.body ?? v.data), retryAfterHeader(v.headers));
  }
  return undefined;
}

function failure(code: number, status: Status | undefined, retryAfterHeaderSeconds: number | undefined): ApiFailure {
  const fromDetails = status?.details?.retryAfterSeconds;
  const retryAfterSeconds =
    retryAfterHeaderSeconds ?? (typeof fromDetails === 'number' && fromDetails > 0 ? fromDetails : undefined);
  return { code: code || status?.code || 0, status, retryAfterSeconds };
}

/** `Retry-After` from a plain header record or a fetch `Headers`: seconds or an HTTP date. */
export function retryAfterHeader(headers: unknown, now: number = Date.now()): number | undefined {
  if (!isObject(headers)) return undefined;
  let raw: unknown;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    raw = (getter as (name: string) => unknown).call(headers, 'retry-after');
  } else {
    const key = Object.keys(headers).find((name) => name.toLowerCase() === 'retry-after');
    raw = key === undefined ? undefined : (headers as Record<string, unknown>)[key];
  }
  if (Array.isArray(raw)) raw = raw[0];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw).trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const timeoutCodes = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function transportFailureOf(value: object): TransportFailure | undefined {
  const { code, name } = value as { code?: unknown; name?: unknown };
  if (name === 'TimeoutError' || (typeof code === 'string' && timeoutCodes.has(code))) return 'Timeout';
  if (typeof code === 'string' && networkCodes.has(code)) return 'Network';
  return undefined;
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
