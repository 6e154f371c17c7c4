import type * as k8s from '@kubernetes/client-node';
import type { WatchEvent } from '../client/watch-object.ts';
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
 * object's resourceVersion), create (POST). Any client can provide it: {@link kubeObjectClient}
 * is kubeconflict's own fast one; {@link fromKubernetesObjectApi} adapts @kubernetes/client-node.
 */
export interface ObjectClient {
  read(ref: ObjectRef, signal?: AbortSignal): Promise<KubeObject>;
  replace(object: KubeObject, signal?: AbortSignal): Promise<KubeObject>;
  create(object: KubeObject, signal?: AbortSignal): Promise<KubeObject>;
  /**
   * Optional: the object's changes after `resourceVersion`, as a watch streams them.
   * `exactlyOnce` replays them to learn whether a write whose answer was lost landed,
   * when the ids kept on the object no longer tell.
   */
  watch?(ref: ObjectRef, options?: { resourceVersion?: string; signal?: AbortSignal }): AsyncIterable<WatchEvent>;
}

/** How a PATCH body is read: RFC 7386 merge, RFC 6902 JSON patch, strategic merge, server-side apply. */
export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

export const patchContentTypes: Readonly<Record<PatchType, string>> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface PatchOptions {
  /** Required by server-side apply; recorded in managedFields for every write. */
  readonly fieldManager?: string;
  /** Server-side apply only: take ownership of fields other managers own. */
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

/** An {@link ObjectClient} that can also PATCH: what the patch and apply helpers need. */
export interface PatchingObjectClient extends ObjectClient {
  patch(ref: ObjectRef, patch: unknown, type: PatchType, options?: PatchOptions): Promise<KubeObject>;
}

/**
 * @kubernetes/client-node's `KubernetesObjectApi` (1.x or 2.x) as a {@link PatchingObjectClient}.
 * Its `patch` sends the object it is given as the body, so it cannot carry a JSON patch
 * (an array): `json` patches need {@link kubeObjectClient}.
 */
export function fromKubernetesObjectApi(api: k8s.KubernetesObjectApi): PatchingObjectClient {
  const header = (ref: ObjectRef) => ({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace !== undefined && { namespace: ref.namespace }) },
  });
  return {
    read: async (ref) => (await api.read(header(ref))) as KubeObject,
    replace: async (object) => (await api.replace(object as k8s.KubernetesObject)) as KubeObject,
    create: async (object) => (await api.create(object as k8s.KubernetesObject)) as KubeObject,
    patch: async (ref, patch, type, options = {}) => {
      if (type === 'json' || typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw new TypeError(
          "client-node's KubernetesObjectApi sends the object as the patch body, so it cannot send a JSON patch; use kubeObjectClient(kubeConfig)",
        );
      }
      const { metadata, ...rest } = patch as KubeObject;
      const spec = { ...rest, ...header(ref), metadata: { ...metadata, ...header(ref).metadata } };
      const contentType = patchContentTypes[type] as k8s.PatchStrategy;
      return (await api.patch(
        spec as k8s.KubernetesObject,
        undefined,
        undefined,
        options.fieldManager,
        options.force,
        contentType,
      )) as KubeObject;
    },
  };
}
