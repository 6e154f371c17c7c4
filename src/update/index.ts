export {
  fromKubernetesObjectApi,
  type ObjectClient,
  type ObjectRef,
  patchContentTypes,
  type PatchingObjectClient,
  type PatchOptions,
  type PatchType,
} from './object-client.ts';
export {
  createOrUpdate,
  type Mutation,
  noChange,
  type UpdateOptions,
  type UpdateResult,
  updateWithRetry,
} from './update-with-retry.ts';
