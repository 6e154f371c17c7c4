/**
 * Field ownership (metadata.managedFields) with kube-apiserver's structured-merge-diff
 * semantics: Update operations, server-side apply, and apply conflicts.
 * @packageDocumentation
 */
export {
  type ApplyOptions,
  type ApplyResult,
  ApplyError,
  applyConfiguration,
  groupVersionKind,
} from './apply-configuration.ts';
export {
  type ApplyConflict,
  type ConflictCause,
  applyConflictCauses,
  applyConflictMessage,
  applyConflictStatus,
} from './apply-conflicts.ts';
export { createFieldTracker } from './field-tracker.ts';
export { type UpdateOptions, updateManagedFields } from './update-managed-fields.ts';
