import type { KubeConfig } from '@kubernetes/client-node';
import type {
  KubeObject,
  ObjectRef,
  PatchOptions,
  PatchType,
  PatchingObjectClient,
  WatchEvent,
} from '../core/object.ts';
import { patchContentTypes } from './patch-content-types.ts';
import { KubeTransport, type TransportOptions } from './kube-transport.ts';
import { ResourcePaths } from './resource-paths.ts';
import { type WatchOptions, watchEvents, watchPath } from './watch-object.ts';

/** Which objects a list returns: one kind in one namespace (or cluster-wide), by labels. */
export interface CollectionRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
}

/** kubeconflict's own client: the update helpers' interface, plus delete and list, over one {@link KubeTransport}. */
export interface KubeObjectClient extends PatchingObjectClient {
  delete(ref: ObjectRef, signal?: AbortSignal): Promise<void>;
  /** The objects of a kind whose labels match `labelSelector` (all without it), as a quorum read. */
  list(
    ref: CollectionRef,
    options?: { labelSelector?: string; signal?: AbortSignal },
  ): Promise<{ items: KubeObject[]; metadata?: { resourceVersion?: string } }>;
  /**
   * Watches one object: without `resourceVersion`, its current state first (ADDED), then
   * every change. Ends when the server closes the stream or `signal` aborts.
   */
  watch(ref: ObjectRef, options?: WatchOptions): AsyncGenerator<WatchEvent>;
  readonly transport: KubeTransport;
}

/**
 * A {@link PatchingObjectClient} on kubeconflict's keep-alive request path, for any kind the
 * server serves (found by discovery). Pass a client-node `KubeConfig` (credentials and TLS
 * come from it) or a {@link KubeTransport} to share connections.
 *
 * @example
 * const kc = new KubeConfig(); kc.loadFromDefault();
 * const client = kubeObjectClient(kc);
 * await updateWithRetry(client, ref, mutate);
 */
export function kubeObjectClient(from: KubeConfig | KubeTransport, options: TransportOptions = {}): KubeObjectClient {
  const transport = from instanceof KubeTransport ? from : new KubeTransport(from, options);
  const paths = new ResourcePaths(transport);
  const refOf = (object: KubeObject): ObjectRef => {
    const { apiVersion, kind } = object;
    const name = object.metadata?.name;
    if (apiVersion === undefined || kind === undefined || name === undefined) {
      throw new TypeError('the object needs apiVersion, kind and metadata.name');
    }
    return {
      apiVersion,
      kind,
      name,
      ...(object.metadata?.namespace !== undefined && { namespace: object.metadata.namespace }),
    };
  };
  const info = (verb: string, resource: string, ref: { namespace?: string; name?: string }) => ({
    verb,
    resource,
    ...(ref.namespace !== undefined && { namespace: ref.namespace }),
    ...(ref.name !== undefined && { name: ref.name }),
  });
  return {
    transport,
    async read(ref, signal) {
      const { item, resource } = await paths.locate(ref);
      return transport.request({ method: 'GET', path: item, signal, info: info('get', resource, ref) });
    },
    async replace(object, signal) {
      const ref = refOf(object);
      const { item, resource } = await paths.locate(ref);
      return transport.request({
        method: 'PUT',
        path: item,
        body: object,
        signal,
        info: info('update', resource, ref),
      });
    },
    async create(object, signal) {
      const ref = refOf(object);
      const { collection, resource } = await paths.locate(ref);
      return transport.request({
        method: 'POST',
        path: collection,
        body: object,
        signal,
        info: info('create', resource, ref),
      });
    },
    async patch(ref, patch, type: PatchType, options: PatchOptions = {}) {
      const { item, resource } = await paths.locate(ref);
      const query = new URLSearchParams();
      if (options.fieldManager !== undefined) query.set('fieldManager', options.fieldManager);
      if (options.force !== undefined) query.set('force', String(options.force));
      const search = query.size > 0 ? `?${query.toString()}` : '';
      return transport.request({
        method: 'PATCH',
        path: item + search,
        body: patch,
        contentType: patchContentTypes[type],
        ...(options.signal && { signal: options.signal }),
        info: info('patch', resource, ref),
      });
    },
    async *watch(ref, options = {}) {
      const { collection, resource } = await paths.locate(ref);
      const response = await transport.stream({
        method: 'GET',
        path: watchPath(collection, ref, options),
        ...(options.signal && { signal: options.signal }),
        info: info('watch', resource, ref),
      });
      try {
        yield* watchEvents(response);
      } finally {
        response.destroy();
      }
    },
    async list(ref, options = {}) {
      const { collection, resource } = await paths.locate(ref);
      const query =
        options.labelSelector === undefined ? '' : `?labelSelector=${encodeURIComponent(options.labelSelector)}`;
      return transport.request({
        method: 'GET',
        path: collection + query,
        ...(options.signal && { signal: options.signal }),
        info: info('list', resource, ref),
      });
    },
    async delete(ref, signal) {
      const { item, resource } = await paths.locate(ref);
      await transport.request({ method: 'DELETE', path: item, signal, info: info('delete', resource, ref) });
    },
  };
}
