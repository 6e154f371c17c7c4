export { type Mutation, noChange, type UpdateOptions, type UpdateResult } from './read-mutate-write.ts';
export { type ExactlyOnceOptions, OutcomeUnknownError, recentOperationsAnnotation } from './operation-ids.ts';
export { createOrUpdate, updateWithRetry } from './update-with-retry.ts';
export { applyObject, type ApplyOptions } from './apply-object.ts';
export { type Json, type JsonObject, jsonPatchOf, type JsonPatchOperation, mergePatchOf } from './object-diff.ts';
export { jsonPatchWithRetry, mergePatchWithRetry, PatchTestConflict } from './patch-with-retry.ts';
