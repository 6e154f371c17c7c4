export type {
  KubeObject,
  ManagedFieldsEntry,
  ObjectClient,
  ObjectMeta,
  ObjectRef,
  PatchingObjectClient,
  PatchOptions,
  PatchType,
  WatchEvent,
} from './object.ts';
export { Backoff, type BackoffOptions, DefaultBackoff, DefaultRetry } from './backoff.ts';
export { type BackoffDelay, backoffDelays } from './backoff-delays.ts';
export { type Clock, systemClock } from './clock.ts';
export { type JitterMode, jitterModes } from './jitter.ts';
export { type Random, seededRandom } from './random.ts';
export { type Attempt, onError, type RetryEvent, type RetryOptions, retryOnConflict } from './retry.ts';
export {
  classify,
  isAlreadyExists,
  isApplyConflict,
  isConflict,
  isNotFound,
  isStaleWriteConflict,
  isTooManyRequests,
  isTransient,
  type KubeErrorKind,
} from './errors/classify.ts';
export { KubeApiError, type RequestInfo } from './errors/kube-api-error.ts';
export type { Status, StatusCause, StatusDetails } from './errors/status.ts';
export type { ApiFailure } from './errors/extract.ts';
