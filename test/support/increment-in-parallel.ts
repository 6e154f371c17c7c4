import { classify } from '../../src/core/errors/classify.ts';
import { OutcomeUnknownError } from '../../src/update/operation-ids.ts';
import type { KubeObject, PatchingObjectClient } from '../../src/core/object.ts';
import type { FaultInjector } from '../../src/testing/server/faults.ts';
import { jsonPatchWithRetry, mergePatchWithRetry } from '../../src/update/patch-with-retry.ts';
import type { UpdateOptions } from '../../src/update/read-mutate-write.ts';
import { updateWithRetry } from '../../src/update/update-with-retry.ts';

const helpers = [updateWithRetry, mergePatchWithRetry, jsonPatchWithRetry];
const count = (object: KubeObject) => Number((object as { data?: Record<string, string> }).data?.n);
const plusOne = (object: KubeObject): KubeObject => ({
  ...object,
  data: { ...(object as { data?: object }).data, n: String(count(object) + 1) },
});

export interface IncrementOutcome {
  readonly start: number;
  readonly final: number;
  readonly object: KubeObject;
  /** Increments whose promise rejected, with why. */
  readonly rejected: string[];
  /** The same, counted by error kind. */
  readonly rejectedKinds: Record<string, number>;
  /** Increments that found their own earlier write already landed. */
  readonly alreadyApplied: number;
  /** Faults the server injected meanwhile, by kind. */
  readonly injected: Record<string, number>;
  readonly seconds: number;
}

/**
 * `workers` concurrent workers each make `each` increments of one ConfigMap's counter, one
 * after another, taking turns over the three read-mutate-write helpers; faults are on only
 * while they run (the object is created and read back clean).
 */
export async function incrementInParallel(
  client: PatchingObjectClient,
  server: { readonly faults: FaultInjector | undefined },
  run: {
    name: string;
    workers: number;
    each: number;
    options: UpdateOptions;
    /** Told the number of increments done so far after each one. */
    onIncrement?: (done: number) => void;
  },
): Promise<IncrementOutcome> {
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: run.name };
  await client.create({ ...ref, metadata: { name: ref.name, namespace: ref.namespace }, data: { n: '0' } });
  const injectedBefore: Record<string, number> = server.faults?.counts() ?? {};
  const began = performance.now();
  if (server.faults) server.faults.active = true;
  const rejected: string[] = [];
  const rejectedKinds: Record<string, number> = {};
  let alreadyApplied = 0;
  let done = 0;
  try {
    await Promise.all(
      Array.from({ length: run.workers }, async (_, worker) => {
        for (let i = 0; i < run.each; i++) {
          const helper = helpers[(worker + i) % helpers.length] ?? updateWithRetry;
          try {
            const result = await helper(client, ref, plusOne, run.options);
            if (result.alreadyApplied === true) alreadyApplied++;
            run.onIncrement?.(++done);
          } catch (error) {
            rejected.push(error instanceof Error ? error.message : String(error));
            const kind = error instanceof OutcomeUnknownError ? 'OutcomeUnknown' : classify(error);
            rejectedKinds[kind] = (rejectedKinds[kind] ?? 0) + 1;
          }
        }
      }),
    );
  } finally {
    if (server.faults) server.faults.active = false;
  }
  const seconds = (performance.now() - began) / 1_000;
  const object = await client.read(ref);
  const injectedAfter: Record<string, number> = server.faults?.counts() ?? {};
  const injected = Object.fromEntries(
    Object.entries(injectedAfter).map(([kind, n]) => [kind, n - (injectedBefore[kind] ?? 0)]),
  );
  return { start: 0, final: count(object), object, rejected, rejectedKinds, alreadyApplied, injected, seconds };
}
