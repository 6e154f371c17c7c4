import { isDeepStrictEqual } from 'node:util';
import { type Backoff, DefaultRetry } from '../core/backoff.ts';
import { isAlreadyExists, isNotFound, isStaleWriteConflict } from '../core/errors/classify.ts';
import { onError, type RetryOptions } from '../core/retry.ts';
import type { KubeObject } from '../testing/server/kube-object.ts';
import type { ObjectClient, ObjectRef } from './object-client.ts';

/** What `mutate` returns to say "leave it as it is": no write is made. */
export const noChange: unique symbol = Symbol('kubeconflict.noChange');

/** Changes a copy of the object it is given; returns it, or {@link noChange}. May be async. */
export type Mutation = (current: KubeObject) => KubeObject | typeof noChange | Promise<KubeObject | typeof noChange>;

export interface UpdateOptions extends RetryOptions {
  /** The retry schedule for stale-write conflicts. @default DefaultRetry */
  readonly backoff?: Backoff;
}

export interface UpdateResult {
  /** The object as stored after the update (or as read, when nothing changed). */
  readonly object: KubeObject;
  /** Whether a write was made: false when `mutate` changed nothing. */
  readonly written: boolean;
  /** Read-modify-write attempts made (1 without conflicts). */
  readonly attempts: number;
  /** Stale-write conflicts met and retried. */
  readonly conflicts: number;
}

/**
 * Read, mutate, write with the resourceVersion read, retried on stale-write conflicts as
 * `retryOnConflict` does: the safe way to change an object other writers change too.
 * Each attempt re-reads with a plain GET. When `mutate` returns {@link noChange}, or the
 * same content, no write is made. Apply conflicts and every other error are thrown at once.
 *
 * @example
 * const { object } = await updateWithRetry(client, { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name }, (d) => {
 *   d.metadata!.labels = { ...d.metadata!.labels, 'biz-version': String(Number(d.metadata!.labels!['biz-version']) + 1) };
 *   return d;
 * });
 */
export async function updateWithRetry(
  client: ObjectClient,
  ref: ObjectRef,
  mutate: Mutation,
  options: UpdateOptions = {},
): Promise<UpdateResult> {
  let attempts = 0;
  let conflicts = 0;
  const { backoff = DefaultRetry, ...retryOptions } = options;
  return onError(
    backoff,
    (error) => {
      const retriable = isStaleWriteConflict(error);
      if (retriable) conflicts++;
      return retriable;
    },
    async ({ signal }) => {
      attempts++;
      const current = await client.read(ref, signal);
      const changed = await mutate(structuredClone(current));
      if (changed === noChange || sameJson(changed, current))
        return { object: current, written: false, attempts, conflicts };
      const stored = await client.replace(withResourceVersionOf(changed, current), signal);
      return { object: stored, written: true, attempts, conflicts };
    },
    retryOptions,
  );
}

/**
 * controller-runtime's CreateOrUpdate: reads the object; creates it from `mutate` applied to
 * a bare object when it does not exist; otherwise updates it with {@link updateWithRetry}.
 * A create that loses a race to another create (AlreadyExists) is turned into an update,
 * once, not retried blindly.
 */
export async function createOrUpdate(
  client: ObjectClient,
  ref: ObjectRef,
  mutate: Mutation,
  options: UpdateOptions = {},
): Promise<UpdateResult & { readonly operation: 'created' | 'updated' | 'unchanged' }> {
  let existing: KubeObject | undefined;
  try {
    existing = await client.read(ref, options.signal);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (existing === undefined) {
    const bare: KubeObject = {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: { name: ref.name, ...(ref.namespace !== undefined && { namespace: ref.namespace }) },
    };
    const desired = await mutate(bare);
    try {
      const created = await client.create(desired === noChange ? bare : desired, options.signal);
      return { object: created, written: true, attempts: 1, conflicts: 0, operation: 'created' };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }
  const result = await updateWithRetry(client, ref, mutate, options);
  return { ...result, operation: result.written ? 'updated' : 'unchanged' };
}

/** Equal as JSON: clients hand out class instances and Dates that a copy turns into plain values. */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

/** `mutate` may have dropped or changed metadata.resourceVersion: the write carries the one read. */
function withResourceVersionOf(object: KubeObject, read: KubeObject): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: read.metadata?.resourceVersion } };
}
