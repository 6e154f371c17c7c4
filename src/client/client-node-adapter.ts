import type * as k8s from '@kubernetes/client-node';
import type { KubeObject, ObjectRef, PatchingObjectClient } from '../core/object.ts';
import { patchContentTypes } from './patch-content-types.ts';

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
