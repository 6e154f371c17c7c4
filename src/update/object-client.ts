import type * as k8s from '@kubernetes/client-node';
import type { KubeObject } from '../testing/server/kube-object.ts';

/** Which object: what a helper needs to read it. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/**
 * The narrow interface the update helpers talk through: read (a plain, quorum GET: never
 * `resourceVersion=0`, which may be served stale from a cache), replace (PUT, carrying the
 * object's resourceVersion), create (POST). Any client can provide it;
 * {@link fromKubernetesObjectApi} adapts @kubernetes/client-node.
 */
export interface ObjectClient {
  read(ref: ObjectRef, signal?: AbortSignal): Promise<KubeObject>;
  replace(object: KubeObject, signal?: AbortSignal): Promise<KubeObject>;
  create(object: KubeObject, signal?: AbortSignal): Promise<KubeObject>;
}

/** @kubernetes/client-node's `KubernetesObjectApi` (1.x or 2.x) as an {@link ObjectClient}. */
export function fromKubernetesObjectApi(api: k8s.KubernetesObjectApi): ObjectClient {
  const header = (ref: ObjectRef) => ({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace !== undefined && { namespace: ref.namespace }) },
  });
  return {
    read: async (ref) => (await api.read(header(ref))) as KubeObject,
    replace: async (object) => (await api.replace(object as k8s.KubernetesObject)) as KubeObject,
    create: async (object) => (await api.create(object as k8s.KubernetesObject)) as KubeObject,
  };
}
