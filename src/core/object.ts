// The shapes every layer shares: Kubernetes objects, which object, and the narrow client the
// helpers talk through. Types only, so that any layer may import them.

/** Object metadata as a server stores and returns it. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  managedFields?: ManagedFieldsEntry[];
  [key: string]: unknown;
}

/** Any Kubernetes object: JSON with apiVersion, kind and metadata. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

/** One entry of metadata.managedFields, as kube-apiserver writes it. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  /** Absent when an apply that changed nothing made the entry (kube-apiserver does the same). */
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

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

/** One change of the watched object, as the server streams it. */
export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: KubeObject;
}
