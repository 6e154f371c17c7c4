// A writer process killed while it waits in the queue holds the others up only a stall
// timeout: run against the embedded server and the real kube-apiserver alike.
import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { it } from 'node:test';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObjectClient } from '../../src/client/kube-object-client.ts';
import { queueLabel, QueueEntries } from '../../src/strategies/queue/queue-entries.ts';
import { compareTickets } from '../../src/strategies/queue/ticket-order.ts';
import type { ObjectRef } from '../../src/core/object.ts';
import { label } from './counter-label.ts';
import type { WriterSetup } from './queue-writer-process.ts';

const writerScript = new URL('./queue-writer-process.ts', import.meta.url);

export function queueCrashCase(client: () => KubeObjectClient, kubeConfig: () => KubeConfig, name: string): void {
  it(
    'a writer process killed in the queue is skipped: the others all write, and nothing is left behind',
    { timeout: 120_000 },
    async () => {
      const ref: ObjectRef = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
      await client().create({ ...ref, metadata: { name, namespace: 'default', labels: { [label]: '101' } } });
      const entries = new QueueEntries(client(), ref, 'default');
      // The test holds the queue's head, nobody writing, until the victim is dead. Its
      // heartbeat keeps the object moving, so that no waiter takes the head for a dead one
      // however long the four processes take to start.
      assert.ok(await entries.acquireHead());
      const heartbeat = beating(client(), ref);
      const writers = Array.from({ length: 4 }, () =>
        fork(writerScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      );
      try {
        const setup: WriterSetup = { kubeconfig: kubeConfig().exportConfig(), ref, stallTimeout: 500 };
        const outcomes = writers.map(outcomeOf);
        for (const outcome of outcomes) outcome.catch(() => undefined); // the victim's is never awaited
        for (const writer of writers) writer.send(setup);
        const leases = await leasesOnce(client(), entries.key, 4);
        // The second writer in line dies: the writer that starts the queue will hand it the turn.
        const victimLease = leases.sort((a, b) => compareTickets(a.ticket, b.ticket))[1];
        const victim = writers.find((writer) => victimLease?.holder.endsWith(`_${String(writer.pid)}`));
        assert.ok(victim, 'the victim’s Lease names its process');
        victim.kill('SIGKILL');
        await once(victim, 'exit');
        // Idle now: the survivors' next look finds it so, and one of them starts the queue.
        await heartbeat.stop();
        await entries.releaseHead();
        const survivors = writers.filter((writer) => writer !== victim);
        const results = await Promise.all(outcomes.filter((_, index) => writers[index] !== victim));
        assert.deepEqual(
          results,
          survivors.map(() => ({ written: true })),
        );
        const object = await client().read(ref);
        assert.deepEqual(object.metadata?.labels, { [label]: '104' }, 'the count, and no turn left on the object');
        assert.deepEqual(await leasesOnce(client(), entries.key, 0), []);
      } finally {
        await heartbeat.stop();
        for (const writer of writers) writer.kill('SIGKILL');
      }
    },
  );
}

/** How a writer process ended: its message, or a failure if it exited without one. */
function outcomeOf(writer: ChildProcess): Promise<unknown> {
  return Promise.race([
    once(writer, 'message').then(([message]) => message as unknown),
    once(writer, 'exit').then(([code]) => {
      throw new Error(`a writer process exited (${String(code)}) without reporting`);
    }),
  ]);
}

/** Changes an annotation on the object every 100 ms until stopped. */
function beating(client: KubeObjectClient, ref: ObjectRef) {
  let beats = 0;
  let last: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    last = client.patch(ref, { metadata: { annotations: { heartbeat: String(beats++) } } }, 'merge');
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await last;
    },
  };
}

/** The queue's Leases, once there are `count` of them; fails after a minute. */
async function leasesOnce(client: KubeObjectClient, key: string, count: number) {
  for (let polls = 0; ; polls++) {
    const { items } = await client.list(
      { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: 'default' },
      { labelSelector: `${queueLabel}=${key}` },
    );
    if (items.length === count) {
      return items.map((lease) => ({
        ticket: lease.metadata?.resourceVersion ?? '',
        holder: String((lease.spec as { holderIdentity?: string } | undefined)?.holderIdentity),
      }));
    }
    assert.ok(polls < 3_000, `the queue has ${String(items.length)} places, not ${String(count)}, after a minute`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
