import type { PatchType } from '../core/object.ts';

/** The Content-Type that tells the server how to read a PATCH body of each type. */
export const patchContentTypes: Readonly<Record<PatchType, string>> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};
