import { isAlreadyExists, isNotFound } from '../core/errors/classify.ts';
import type { KubeObject, ObjectClient, ObjectRef } from '../core/object.ts';
import {
  type Mutation,
  noChange,
  readMutateWrite,
  type UpdateOptions,
  type UpdateResult,
  withResourceVersionOf,
} from './read-mutate-write.ts';

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
  return readMutateWrite(client, ref, mutate, options, async (current, changed, signal) =>
    changed === undefined
      ? { stored: current }
      : { stored: await client.replace(withResourceVersionOf(changed, current), signal) },
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
