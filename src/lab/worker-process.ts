// A child process running a share of a lab's workers (`kubeconflict lab --processes P`):
// it connects with the kubeconfig it is sent, says ready, waits for go, runs its workers,
// and sends back their results and timeline.
import { KubeConfig } from '@kubernetes/client-node';
import { Backoff, type BackoffOptions } from '../core/backoff.ts';
import { labClient } from './lab-client.ts';
import type { LabObjectRef } from './lab-object.ts';
import { runWorkers } from './run-workers.ts';
import { strategyNamed, type WorkerResult } from './strategies.ts';
import { Timeline, type TimelineEvent } from './timeline.ts';

export interface SetupMessage {
  readonly type: 'setup';
  readonly kubeconfig: string;
  readonly ref: LabObjectRef;
  readonly strategy: string;
  readonly backoff: Required<BackoffOptions>;
  readonly deadlineMs: number;
  readonly exactlyOnce: boolean;
  readonly requestTimeoutMs: number;
  readonly workers: number[];
  readonly seed: number;
  readonly origin: number;
}
export type ChildMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly results: WorkerResult[]; readonly events: TimelineEvent[] }
  | { readonly type: 'failed'; readonly message: string };

const send = (message: ChildMessage) => process.send?.(message);

process.once('message', (setup: SetupMessage) => {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(setup.kubeconfig);
  const strategy = strategyNamed(setup.strategy);
  if (!strategy) {
    send({ type: 'failed', message: `unknown strategy ${setup.strategy}` });
    return;
  }
  const timeline = new Timeline(setup.origin);
  const controller = new AbortController();
  process.once('disconnect', () => {
    controller.abort();
  });
  const client = labClient(kubeConfig, setup.ref, { requestTimeoutMs: setup.requestTimeoutMs });
  process.once('message', () => {
    runWorkers({
      strategy,
      client,
      ref: setup.ref,
      backoff: new Backoff(setup.backoff),
      deadlineMs: setup.deadlineMs,
      exactlyOnce: setup.exactlyOnce,
      workers: setup.workers,
      seed: setup.seed,
      timeline,
      signal: controller.signal,
    }).then(
      (results) => send({ type: 'done', results, events: timeline.events }),
      (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  // Connections and discovery before the release, as in a one-process run.
  Promise.all(setup.workers.slice(0, 64).map(() => client.read())).then(
    () => send({ type: 'ready' }),
    (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
