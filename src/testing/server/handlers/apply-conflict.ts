import { type ApplyConflict, applyConflictStatus } from '../fields/index.ts';
import { StatusError } from '../http/status.ts';

/** The 409 kube-apiserver answers to an apply that would take fields from other managers. */
export function applyConflictError(conflicts: readonly ApplyConflict[]): StatusError {
  const status = applyConflictStatus(conflicts);
  return new StatusError(409, status.message, status.reason, status.details);
}
