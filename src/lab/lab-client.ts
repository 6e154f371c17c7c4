import type { KubeConfig } from '@kubernetes/client-node';
import { kubeObjectClient, type KubeObjectClient } from '../client/kube-object-client.ts';
import type { ObjectRef } from '../core/object.ts';
import { type LabClient, type LabObjectRef, seedObject } from './lab-object.ts';
import { countTransportRetry } from './worker-client.ts';

/** The lab object as the library names objects. */
export function objectRefOf(ref: LabObjectRef): ObjectRef {
  return ref.kind === 'deployment'
    ? { apiVersion: 'apps/v1', kind: 'Deployment', namespace: ref.namespace, name: ref.name }
    : { apiVersion: 'v1', kind: 'ConfigMap', namespace: ref.namespace, name: ref.name };
}

/**
 * The lab's reads and writes of its one object, on kubeconflict's own keep-alive request
 * path (the one the update helpers use), with the kubeconfig's credentials. Failures the
 * transport absorbs are counted on the worker whose request met them.
 */
export function labClient(
  from: KubeConfig | KubeObjectClient,
  ref: LabObjectRef,
  options: { readonly maxSockets?: number; readonly requestTimeoutMs?: number } = {},
): LabClient {
  const objects =
    'transport' in from
      ? from
      : kubeObjectClient(from, {
          maxSockets: options.maxSockets ?? 64,
          ...(options.requestTimeoutMs !== undefined && { requestTimeoutMs: options.requestTimeoutMs }),
          userAgent: 'kubeconflict-lab',
          onRetry: countTransportRetry,
        });
  const objectRef = objectRefOf(ref);
  return {
    objects,
    objectRef,
    read: (signal) => objects.read(objectRef, signal),
    replace: (object, signal) => objects.replace(object, signal),
    create: (start) => objects.create(seedObject(ref, start)),
    delete: () => objects.delete(objectRef),
  };
}
