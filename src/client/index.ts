export { KubeTransport, type KubeRequest, type TransportOptions } from './kube-transport.ts';
export type { TransportRetry } from './transport-retry.ts';
export { type CollectionRef, kubeObjectClient, type KubeObjectClient } from './kube-object-client.ts';
export { ResourcePaths, type ResourceLocation } from './resource-paths.ts';
export { fromKubernetesObjectApi } from './client-node-adapter.ts';
export { patchContentTypes } from './patch-content-types.ts';
export type { WatchOptions } from './watch-object.ts';
