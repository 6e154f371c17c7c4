import { type ApiFailure, findApiFailure, findTransportFailure } from './extract.ts';

/**
 * What went wrong, in the terms a caller acts on.
 * - `StaleWriteConflict`: 409 Conflict on a write whose resourceVersion was stale: re-read and retry.
 * - `ApplyConflict`: server-side apply found fields owned by another manager: no retry helps.
 * - `AlreadyExists`: a create lost a race with another create.
 * - `NotFound`, `Invalid` (422), `Forbidden` (403), `Unauthorized` (401), `Gone` (410, expired watch).
 * - `BadRequest`: the request itself is wrong (400, 405, 406, 413, 415).
 * - `TooManyRequests` (429): back off, honouring Retry-After.
 * - `Timeout`: the server or the client gave up waiting (504, reasons Timeout and ServerTimeout, socket timeouts).
 * - `ServerError`: any other 5xx.
 * - `Network`: no HTTP answer at all (connection refused or reset, DNS).
 * - `Unknown`: anything else, including values that are not errors.
 */
export type KubeErrorKind =
  | 'StaleWriteConflict'
  | 'ApplyConflict'
  | 'AlreadyExists'
  | 'NotFound'
  | 'Invalid'
  | 'Forbidden'
  | 'Unauthorized'
  | 'Gone'
  | 'BadRequest'
  | 'TooManyRequests'
  | 'Timeout'
  | 'ServerError'
  | 'Network'
  | 'Unknown';

/** Reasons apimachinery knows; a 409 with any other reason still counts as a conflict. */
const knownReasons = new Set([
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'AlreadyExists',
  'Conflict',
  'Gone',
  'Invalid',
  'ServerTimeout',
  'StoreReadError',
  'Timeout',
  'TooManyRequests',
  'BadRequest',
  'MethodNotAllowed',
  'NotAcceptable',
  'RequestEntityTooLarge',
  'UnsupportedMediaType',
  'InternalError',
  'Expired',
  'ServiceUnavailable',
]);

const fieldManagerConflict = 'FieldManagerConflict';

/** Reason and code, apimachinery style: `reasonIs(f, 'NotFound', 404)`. */
function reasonIs(failure: ApiFailure, reasons: readonly string[], codes: readonly number[]): boolean {
  const reason = failure.status?.reason ?? '';
  if (reasons.includes(reason)) return true;
  return !knownReasons.has(reason) && codes.includes(failure.code);
}

/** Classifies any thrown value. Never throws. */
export function classify(error: unknown): KubeErrorKind {
  try {
    const failure = findApiFailure(error);
    return failure === undefined ? (findTransportFailure(error) ?? 'Unknown') : classifyFailure(failure);
  } catch {
    return 'Unknown';
  }
}

/** @internal the HTTP half of {@link classify}. */
export function classifyFailure(failure: ApiFailure): KubeErrorKind {
  if (reasonIs(failure, ['Conflict'], [409])) {
    const causes = failure.status?.details?.causes ?? [];
    return causes.some((cause) => cause.reason === fieldManagerConflict) ? 'ApplyConflict' : 'StaleWriteConflict';
  }
  if (reasonIs(failure, ['AlreadyExists'], [])) return 'AlreadyExists';
  if (reasonIs(failure, ['NotFound'], [404])) return 'NotFound';
  if (reasonIs(failure, ['Invalid'], [422])) return 'Invalid';
  if (reasonIs(failure, ['Forbidden'], [403])) return 'Forbidden';
  if (reasonIs(failure, ['Unauthorized'], [401])) return 'Unauthorized';
  if (reasonIs(failure, ['TooManyRequests'], []) || failure.code === 429) return 'TooManyRequests';
  if (reasonIs(failure, ['Gone', 'Expired'], [410])) return 'Gone';
  if (reasonIs(failure, ['Timeout', 'ServerTimeout'], [504])) return 'Timeout';
  const badRequest = [
    'BadRequest',
    'MethodNotAllowed',
    'NotAcceptable',
    'RequestEntityTooLarge',
    'UnsupportedMediaType',
  ];
  if (reasonIs(failure, badRequest, [400, 405, 406, 413, 415])) return 'BadRequest';
  if (reasonIs(failure, ['InternalError', 'ServiceUnavailable', 'StoreReadError'], []) || failure.code >= 500) {
    return 'ServerError';
  }
  return 'Unknown';
}

/**
 * client-go's `errors.IsConflict`: reason `Conflict`, or a 409 whose reason apimachinery
 * does not know. True for both stale writes and apply field-manager conflicts; see
 * {@link isStaleWriteConflict} and {@link isApplyConflict} to tell them apart.
 */
export function isConflict(error: unknown): boolean {
  const kind = classify(error);
  return kind === 'StaleWriteConflict' || kind === 'ApplyConflict';
}

/** A 409 Conflict that a fresh read and a retry can resolve (not an apply conflict). */
export const isStaleWriteConflict = (error: unknown): boolean => classify(error) === 'StaleWriteConflict';

/** A server-side apply conflict with another field manager: retrying cannot help. */
export const isApplyConflict = (error: unknown): boolean => classify(error) === 'ApplyConflict';

/** client-go's `errors.IsAlreadyExists`: reason `AlreadyExists`. */
export const isAlreadyExists = (error: unknown): boolean => classify(error) === 'AlreadyExists';

/** client-go's `errors.IsNotFound`: reason `NotFound`, or a 404 with an unknown reason. */
export const isNotFound = (error: unknown): boolean => classify(error) === 'NotFound';

/**
 * A failure that may pass if the request is made again later: 429, 5xx, a timeout or a
 * broken connection. A write that failed so may still have landed.
 */
export const isTransient = (error: unknown): boolean => {
  const kind = classify(error);
  return kind === 'TooManyRequests' || kind === 'ServerError' || kind === 'Timeout' || kind === 'Network';
};

/** client-go's `errors.IsTooManyRequests`: reason `TooManyRequests`, or any 429. */
export const isTooManyRequests = (error: unknown): boolean => classify(error) === 'TooManyRequests';
