export { fromKubernetesObjectApi, type ObjectClient, type ObjectRef } from './object-client.ts';
export {
  createOrUpdate,
  type Mutation,
  noChange,
  type UpdateOptions,
  type UpdateResult,
  updateWithRetry,
} from './update-with-retry.ts';
