import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Backoff } from '../core/backoff.ts';
import type { LabObjectRef } from './lab-object.ts';
import type { LabStrategy, WorkerResult } from './strategies.ts';
import type { Timeline } from './timeline.ts';
import type { ChildMessage, SetupMessage } from './worker-process.ts';

const childScript = new URL(`./worker-process${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Spreads the workers over `processes` OS processes, released together once every
 * process is connected and ready; collects results and timeline events.
 */
export async function runInProcesses(options: {
  processes: number;
  kubeConfig: KubeConfig;
  strategy: LabStrategy;
  ref: LabObjectRef;
  backoff: Backoff;
  deadlineMs: number;
  exactlyOnce: boolean;
  requestTimeoutMs: number;
  workers: number;
  seed: number;
  timeline: Timeline;
  onReady: () => void;
}): Promise<WorkerResult[]> {
  const { processes, workers } = options;
  const shares = Array.from({ length: processes }, (_, p) =>
    Array.from({ length: workers }, (_, w) => w).filter((w) => w % processes === p),
  ).filter((share) => share.length > 0);
  const children: ChildProcess[] = shares.map(() =>
    fork(childScript, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The heap limits of the CLI's own shebang (src/cli/main.ts), wherever the lab was started from.
      execArgv: [...process.execArgv, '--max-semi-space-size=8', '--heap-growing-percent=20'],
    }),
  );
  try {
    const ready = children.map((child) => nextMessage(child));
    children.forEach((child, index) => {
      const setup: SetupMessage = {
        type: 'setup',
        kubeconfig: options.kubeConfig.exportConfig(),
        ref: options.ref,
        strategy: options.strategy.name,
        backoff: options.backoff.toJSON(),
        deadlineMs: options.deadlineMs,
        exactlyOnce: options.exactlyOnce,
        requestTimeoutMs: options.requestTimeoutMs,
        workers: shares[index] ?? [],
        seed: options.seed,
        origin: options.timeline.origin,
      };
      child.send(setup);
    });
    for (const message of await Promise.all(ready)) {
      if (message.type !== 'ready') throw new Error(`a worker process could not start: ${describe(message)}`);
    }
    const done = children.map((child) => nextMessage(child));
    options.onReady();
    for (const child of children) child.send({ type: 'go' });
    const results: WorkerResult[] = [];
    for (const message of await Promise.all(done)) {
      if (message.type !== 'done') throw new Error(`a worker process failed: ${describe(message)}`);
      results.push(...message.results);
      options.timeline.events.push(...message.events);
    }
    return results.sort((a, b) => a.worker - b.worker);
  } finally {
    for (const child of children) child.kill();
  }
}

async function nextMessage(child: ChildProcess): Promise<ChildMessage> {
  const exited = once(child, 'exit').then(
    ([code]) => ({ type: 'failed', message: `exited with ${String(code)}` }) as const,
  );
  const message = once(child, 'message').then(([m]) => m as ChildMessage);
  return Promise.race([message, exited]);
}

function describe(message: ChildMessage): string {
  return message.type === 'failed' ? message.message : message.type;
}
