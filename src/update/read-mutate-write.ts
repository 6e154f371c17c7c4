import { isDeepStrictEqual } from 'node:util';
import { type Backoff, DefaultRetry } from '../core/backoff.ts';
import { isStaleWriteConflict } from '../core/errors/classify.ts';
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

export type Attempt = { stored: KubeObject } | { conflict: Error };
export type Write = (
  current: KubeObject,
  changed: KubeObject | undefined,
  signal: AbortSignal | undefined,
) => Promise<Attempt>;

/**
 * GET, mutate, `write` (`changed` undefined when nothing changed), retried on stale-write
 * conflicts. `judge` sees each read first and may return the error the last attempt
 * really was.
 */
export async function readMutateWrite(
  client: Pick<ObjectClient, 'read'>,
  ref: ObjectRef,
  mutate: Mutation,
  options: UpdateOptions,
  write: Write,
  judge: (current: KubeObject) => Error | undefined = () => undefined,
): Promise<UpdateResult> {
  const { backoff = DefaultRetry, ...retryOptions } = options;
  let attempts = 0;
  let conflicts = 0;
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
      const earlier = judge(current);
      if (earlier !== undefined) {
        conflicts--; // the last attempt's 422 was a bad patch, not a conflict
        throw earlier;
      }
      const changed = await mutate(structuredClone(current));
      const same = changed === noChange || sameJson(changed, current);
      const outcome = await write(current, same ? undefined : changed, signal);
      if ('conflict' in outcome) throw outcome.conflict;
      return same
        ? { object: current, written: false, attempts, conflicts }
        : { object: outcome.stored, written: true, attempts, conflicts };
    },
    retryOptions,
  );
}

/** Equal as JSON: clients hand out class instances and Dates that a copy turns into plain values. */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

/** `mutate` may have dropped or changed metadata.resourceVersion: the write carries the one read. */
export function withResourceVersionOf(object: KubeObject, read: KubeObject): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: read.metadata?.resourceVersion } };
}
