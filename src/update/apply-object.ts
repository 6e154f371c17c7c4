import type { KubeObject, ObjectRef, PatchingObjectClient } from '../core/object.ts';

export interface ApplyOptions {
  /** Who owns the applied fields (managedFields). Required: apply without one is refused. */
  readonly fieldManager: string;
  /** Take fields other managers own instead of failing with an apply conflict. @default false */
  readonly force?: boolean;
  /**
   * Apply only if the object is still at this resourceVersion (a stale one is a 409
   * stale-write conflict, which a fresh read and a retry can resolve). @default none
   */
  readonly resourceVersion?: string;
  readonly signal?: AbortSignal;
}

/**
 * Server-side apply of `object`, the desired state of the fields this manager owns.
 * What a read returns but an apply must not carry (resourceVersion, managedFields, uid,
 * creationTimestamp, generation, status) is stripped, so a read object can be applied.
 * A conflict with another field manager is thrown (`isApplyConflict` holds) and never
 * retried: it needs a decision (`force`, or another manager), not another attempt.
 */
export async function applyObject(
  client: PatchingObjectClient,
  object: KubeObject,
  options: ApplyOptions,
): Promise<KubeObject> {
  if (typeof options.fieldManager !== 'string' || options.fieldManager.trim() === '') {
    throw new TypeError(
      'applyObject needs a fieldManager: the name that will own the applied fields, like "my-controller"',
    );
  }
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  if (apiVersion === undefined || kind === undefined || name === undefined) {
    throw new TypeError('applyObject needs apiVersion, kind and metadata.name in the object');
  }
  const {
    resourceVersion: _resourceVersion,
    managedFields: _managedFields,
    uid: _uid,
    creationTimestamp: _creationTimestamp,
    generation: _generation,
    ...metadata
  } = object.metadata ?? {};
  const { status: _status, ...rest } = object;
  const body = {
    ...rest,
    metadata: {
      ...metadata,
      ...(options.resourceVersion !== undefined && { resourceVersion: options.resourceVersion }),
    },
  };
  const ref: ObjectRef = {
    apiVersion,
    kind,
    name,
    ...(metadata.namespace !== undefined && { namespace: metadata.namespace }),
  };
  return client.patch(ref, body, 'apply', {
    fieldManager: options.fieldManager,
    force: options.force ?? false,
    ...(options.signal && { signal: options.signal }),
  });
}
