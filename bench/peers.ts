// The benchmark's peers besides kubeconflict: client-go (the Go program in
// bench/client-go-peer) and naive @kubernetes/client-node code, each measured on the same
// work (N concurrent increments of one Deployment label) and summarised the same way.
import type { TurnCosts } from '../src/lab/turn-costs.ts';
import * as k8s from '@kubernetes/client-node';
import * as k8s1 from 'client-node-1';
import { kubeObjectClient } from '../src/client/kube-object-client.ts';
import { percentile } from '../src/lab/measures.ts';
import { counterOf, type LabObjectRef, seedObject } from '../src/lab/lab-object.ts';
import { objectRefOf } from '../src/lab/lab-client.ts';
import type { KubeObject } from '../src/core/object.ts';
import { runClientGoPeer } from './client-go-peer.ts';

/** One row of the benchmark: what a client did with N increments. */
export interface Row {
  readonly client: string;
  readonly strategy: string;
  readonly workers: number;
  readonly processes: number;
  readonly final: number;
  readonly expected: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly failed: number;
  readonly requestsPerSuccess: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly wallMs: number;
  readonly serialBoundMs: number;
  /** 409s met on the object (kubeconflict's rows). */
  readonly conflicts?: number;
  /** A queue's turns: the first, and from one to the next (kubeconflict's queue rows). */
  readonly turns?: TurnCosts | null;
  readonly note?: string;
}

export interface Target {
  readonly kubeConfig: k8s.KubeConfig;
  readonly kubeconfigPath: string;
  /** client-go's content type there: protobuf (its default) where the server takes it. */
  readonly clientGoContentType: 'json' | 'protobuf';
}

const start = 101;
export const labRef = (name: string): LabObjectRef => ({
  kind: 'deployment',
  namespace: 'default',
  name,
  label: 'biz-version',
});

/** Creates the Deployment, runs `work`, reads the final value, deletes it. */
async function withDeployment<T>(
  target: Target,
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; final: number }> {
  const client = kubeObjectClient(target.kubeConfig);
  const ref = labRef(name);
  await client.create(seedObject(ref, start));
  try {
    const result = await work();
    return { result, final: counterOf(await client.read(objectRefOf(ref)), ref) };
  } finally {
    await client.delete(objectRefOf(ref)).catch(() => undefined);
    client.transport.close();
  }
}

function row(
  base: Omit<Row, 'final' | 'expected' | 'lost' | 'duplicated' | 'requestsPerSuccess' | 'p50Ms' | 'p99Ms'>,
  data: {
    final: number;
    succeeded: number;
    requests: number;
    latencies: number[];
  },
): Row {
  const applied = data.final - start;
  const sorted = [...data.latencies].sort((a, b) => a - b);
  return {
    ...base,
    final: data.final,
    expected: start + base.workers,
    lost: Math.max(0, data.succeeded - applied),
    duplicated: Math.max(0, applied - data.succeeded),
    requestsPerSuccess: data.succeeded === 0 ? null : data.requests / data.succeeded,
    p50Ms: sorted.length === 0 ? null : percentile(sorted, 50),
    p99Ms: sorted.length === 0 ? null : percentile(sorted, 99),
  };
}

/** The middle value (the lower one of an even count), as the lab's p50. */
export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export type ClientGoRun =
  | { readonly strategy: 'default-retry'; readonly rateLimit: 'off' | 'default' }
  | { readonly strategy: 'custom-backoff'; readonly steps: number };

/** client-go's increments, in one process or in `processes` released together by wall clock. */
export async function clientGoRow(
  binary: string,
  target: Target,
  run: ClientGoRun,
  workers: number,
  processes: number,
  cycleMs: number,
): Promise<Row> {
  const name = `client-go-${run.strategy}-${String(workers)}-${String(processes)}`;
  const flags =
    run.strategy === 'default-retry'
      ? ['--strategy', 'default-retry', '--rate-limit', run.rateLimit]
      : [
          '--strategy',
          'custom-backoff',
          '--steps',
          String(run.steps),
          '--duration',
          '10ms',
          '--factor',
          '1.5',
          '--jitter',
          '1.0',
          '--rate-limit',
          'off',
        ];
  const shares = Array.from(
    { length: processes },
    (_, p) => Math.floor(workers / processes) + (p < workers % processes ? 1 : 0),
  );
  const startAt = Date.now() + (processes > 1 ? 3_000 : 0);
  const { result, final } = await withDeployment(target, name, () =>
    Promise.all(
      shares.map((share) =>
        runClientGoPeer(
          binary,
          [
            '--kubeconfig',
            target.kubeconfigPath,
            '--name',
            name,
            '--workers',
            String(share),
            '--content-type',
            target.clientGoContentType,
            ...flags,
            ...(processes > 1 ? ['--start-at', String(startAt)] : []),
          ],
          { timeoutMs: 900_000 },
        ),
      ),
    ),
  );
  const label =
    run.strategy === 'default-retry'
      ? `RetryOnConflict(DefaultRetry), rate limit ${run.rateLimit === 'off' ? 'off' : 'QPS 5 / Burst 10'}`
      : `RetryOnConflict(custom: ${String(run.steps)} steps, 10 ms, ×1.5, jitter 1.0), rate limit off`;
  return row(
    {
      client: 'client-go',
      strategy: label,
      workers,
      processes,
      failed: result.reduce((sum, r) => sum + r.failed, 0),
      wallMs: Math.max(...result.map((r) => r.wallMs)),
      serialBoundMs: workers * cycleMs,
    },
    {
      final,
      succeeded: result.reduce((sum, r) => sum + r.succeeded, 0),
      requests: result.reduce((sum, r) => sum + r.requests, 0),
      latencies: result.flatMap((r) => [...r.latenciesMs]),
    },
  );
}

/** One uncontended GET+PUT per cycle, `cycles` times: the median, ms. */
export async function clientGoCycle(
  binary: string,
  target: Target,
  contentType: 'json' | 'protobuf',
  cycles: number,
): Promise<number> {
  const name = `client-go-cycle-${contentType}`;
  const { result } = await withDeployment(target, name, () =>
    runClientGoPeer(binary, [
      '--kubeconfig',
      target.kubeconfigPath,
      '--name',
      name,
      '--strategy',
      'cycle',
      '--cycles',
      String(cycles),
      '--rate-limit',
      'off',
      '--content-type',
      contentType,
    ]),
  );
  return median(result.cyclesMs ?? []);
}

type ObjectApi = Pick<k8s.KubernetesObjectApi, 'read' | 'replace'>;

/** @kubernetes/client-node's KubernetesObjectApi, 2.x (the one installed) or 1.x. */
export function clientNodeApi(target: Target, major: 1 | 2): ObjectApi {
  if (major === 2) return k8s.KubernetesObjectApi.makeApiClient(target.kubeConfig);
  const config = new k8s1.KubeConfig();
  config.loadFromString(target.kubeConfig.exportConfig());
  return k8s1.KubernetesObjectApi.makeApiClient(config) as unknown as ObjectApi;
}

const header = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
});
const incremented = (object: KubeObject, name: string) => {
  const ref = labRef(name);
  const next = JSON.parse(JSON.stringify(object)) as KubeObject;
  next.metadata = {
    ...next.metadata,
    labels: { ...next.metadata?.labels, [ref.label]: String(counterOf(next, ref) + 1) },
  };
  return next as k8s.KubernetesObject;
};

/** client-node's uncontended GET+PUT, median of `cycles`, ms. */
export async function clientNodeCycle(target: Target, major: 1 | 2, cycles: number): Promise<number> {
  const api = clientNodeApi(target, major);
  const name = `client-node-${String(major)}-cycle`;
  const { result } = await withDeployment(target, name, async () => {
    const times: number[] = [];
    for (let i = 0; i < cycles; i++) {
      const began = performance.now();
      await api.replace(incremented((await api.read(header(name))) as KubeObject, name));
      times.push(performance.now() - began);
    }
    return times;
  });
  return median(result);
}

/** Naive client-node code: GET, +1, PUT; a 409 ends the worker. */
export async function clientNodeNaiveRow(target: Target, workers: number, cycleMs: number): Promise<Row> {
  const api = clientNodeApi(target, 2);
  const name = `client-node-naive-${String(workers)}`;
  const { result, final } = await withDeployment(target, name, async () => {
    const released = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: workers }, async () => {
        try {
          await api.replace(incremented((await api.read(header(name))) as KubeObject, name));
          return performance.now() - released;
        } catch {
          return undefined;
        }
      }),
    );
    return { outcomes, wallMs: performance.now() - released };
  });
  const latencies = result.outcomes.filter((value) => value !== undefined);
  return row(
    {
      client: 'client-node 2.x',
      strategy: 'naive: GET, +1, PUT; a 409 ends the worker',
      workers,
      processes: 1,
      failed: workers - latencies.length,
      wallMs: result.wallMs,
      serialBoundMs: workers * cycleMs,
    },
    { final, succeeded: latencies.length, requests: 2 * workers, latencies },
  );
}

/** kubeconflict's own uncontended GET+PUT (the lab's and the helpers' request path), median, ms. */
export async function kubeconflictCycle(target: Target, cycles: number): Promise<number> {
  const client = kubeObjectClient(target.kubeConfig);
  const name = 'kubeconflict-cycle';
  const ref = objectRefOf(labRef(name));
  const { result } = await withDeployment(target, name, async () => {
    const times: number[] = [];
    for (let i = 0; i < cycles; i++) {
      const began = performance.now();
      await client.replace(incremented(await client.read(ref), name) as KubeObject);
      times.push(performance.now() - began);
    }
    return times;
  });
  client.transport.close();
  return median(result);
}
