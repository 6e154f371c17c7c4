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
  return {
    transport,
    async read(ref, signal) {
      const { item, resource } = await paths.locate(ref);
      return transport.request({ method: 'GET', path: item, signal, info: requestInfo('get', resource, ref) });
    },
    async replace(object, signal) {
      const ref = refOf(object);
      const { item, resource } = await paths.locate(ref);
      return transport.request({
        method: 'PUT',
        path: item,
        body: object,
        signal,
        info: requestInfo('update', resource, ref),
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
        info: requestInfo('create', resource, ref),
      });
    },
    async patch(ref, patch, type: PatchType, options: PatchOptions = {}) {
      const { item, resource } = await paths.locate(ref);
      return transport.request({
        method: 'PATCH',
        path: item + patchQuery(options),
        body: patch,
        contentType: patchContentTypes[type],
        ...(options.signal && { signal: options.signal }),
        info: requestInfo('patch', resource, ref),
      });
    },
    watch: (ref, options = {}) => watchObject(transport, paths, ref, options),
    async list(ref, options = {}) {
      const { collection, resource } = await paths.locate(ref);
      return transport.request({
        method: 'GET',
        path: collection + listQuery(options),
        ...(options.signal && { signal: options.signal }),
        info: requestInfo('list', resource, ref),
      });
    },
    async delete(ref, signal) {
      const { item, resource } = await paths.locate(ref);
      await transport.request({ method: 'DELETE', path: item, signal, info: requestInfo('delete', resource, ref) });
    },
  };
}

/** The ref of `object`, which must name its apiVersion, kind and name. */
function refOf(object: KubeObject): ObjectRef {
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
}

/** Which verb on which resource and object a request is, for the errors it may raise. */
function requestInfo(verb: string, resource: string, ref: { namespace?: string; name?: string }) {
  return {
    verb,
    resource,
    ...(ref.namespace !== undefined && { namespace: ref.namespace }),
    ...(ref.name !== undefined && { name: ref.name }),
  };
}

/** A patch's query string: its field manager and force, when given. */
function patchQuery(options: PatchOptions): string {
  const query = new URLSearchParams();
  if (options.fieldManager !== undefined) query.set('fieldManager', options.fieldManager);
  if (options.force !== undefined) query.set('force', String(options.force));
  return query.size > 0 ? `?${query.toString()}` : '';
}

/** A list's query string: its label selector, when given. */
function listQuery(options: { labelSelector?: string }): string {
  return options.labelSelector === undefined ? '' : `?labelSelector=${encodeURIComponent(options.labelSelector)}`;
}

/** Watches one object's events until the stream ends; the response is destroyed when the caller stops. */
async function* watchObject(
  transport: KubeTransport,
  paths: ResourcePaths,
  ref: ObjectRef,
  options: WatchOptions,
): AsyncGenerator<WatchEvent> {
  const { collection, resource } = await paths.locate(ref);
  const response = await transport.stream({
    method: 'GET',
    path: watchPath(collection, ref, options),
    ...(options.signal && { signal: options.signal }),
    info: requestInfo('watch', resource, ref),
  });
  try {
    yield* watchEvents(response);
  } finally {
    response.destroy();
  }
}
