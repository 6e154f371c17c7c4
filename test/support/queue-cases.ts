// queuedUpdate's cases, run against the embedded server and the real kube-apiserver alike.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { KubeObjectClient } from '../../src/client/kube-object-client.ts';
import { isNotFound } from '../../src/core/errors/classify.ts';
import { compareResourceVersions } from '../../src/core/resource-version.ts';
import { headLabel, queueLabel, QueueEntries } from '../../src/strategies/queue/queue-entries.ts';
import { turnLabel, waitingAnnotation } from '../../src/strategies/queue/queue-markers.ts';
import { queuedUpdate } from '../../src/strategies/queue/queued-update.ts';
import type { ObjectRef } from '../../src/core/object.ts';
import { noChange } from '../../src/update/read-mutate-write.ts';
import { counter, increment, label } from './counter-label.ts';

export function queueCases(client: () => KubeObjectClient, namePrefix: string): void {
  let serial = 0;
  const seed = async (): Promise<ObjectRef> => {
    const name = `${namePrefix}-${String(serial++)}`;
    await client().create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default', labels: { [label]: '101' }, annotations: { owner: 'test' } },
    });
    return { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
  };
  /** The queue's Leases: the places and the head. */
  const leasesOf = async (ref: ObjectRef) => {
    const key = new QueueEntries(client(), ref, 'default').key;
    const leases = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: 'default' };
    const places = await client().list(leases, { labelSelector: `${queueLabel}=${key}` });
    const head = await client().list(leases, { labelSelector: `${headLabel}=${key}` });
    return [...places.items, ...head.items];
  };
  /**
   * The client, recording the counter of each write of the object that landed, in the server's
   * order. Answers can arrive out of that order: the next writer learns of a write from the watch
   * and may be answered before the writer that made it.
   */
  const recording = () => {
    const inner = client();
    const writes: { resourceVersion: string; counter: number }[] = [];
    const recorded = {
      landed: () =>
        writes
          .toSorted((a, b) => compareResourceVersions(a.resourceVersion, b.resourceVersion) ?? 0)
          .map((write) => write.counter),
      client: { ...inner },
    };
    recorded.client.replace = async (object, signal) => {
      const stored = await inner.replace(object, signal);
      if (object.kind === 'ConfigMap')
        writes.push({ resourceVersion: stored.metadata?.resourceVersion ?? '', counter: counter(stored) });
      return stored;
    };
    return recorded;
  };

  it('forty writers take turns: 141, each increment in one landed write, nothing of the queue left behind', async () => {
    const ref = await seed();
    const recorded = recording();
    const results = await Promise.all(Array.from({ length: 40 }, () => queuedUpdate(recorded.client, ref, increment)));
    assert.equal(counter(await client().read(ref)), 141);
    // Marker-only writes (a turn handed to a late joiner) repeat a value; increments never do.
    const landed = recorded.landed();
    const increments = [...new Set(landed)];
    assert.deepEqual(
      increments,
      Array.from({ length: 40 }, (_, i) => 102 + i),
    );
    assert.ok(landed.length <= 40 + 3, `${String(landed.length)} writes for 40 increments`);
    assert.ok(results.every((result) => result.written));
    const after = await client().read(ref);
    assert.equal(after.metadata?.labels?.[turnLabel], undefined);
    assert.equal(after.metadata?.annotations?.[waitingAnnotation], undefined);
    assert.deepEqual(after.metadata?.annotations, { owner: 'test' });
    assert.deepEqual(await leasesOf(ref), []);
  });

  it('a writer alone writes at once and leaves the object as a plain update would', async () => {
    const ref = await seed();
    const result = await queuedUpdate(client(), ref, increment);
    assert.equal(counter(result.object), 102);
    assert.equal(result.attempts, 1);
    assert.deepEqual(result.object.metadata?.labels, { [label]: '102' });
    assert.deepEqual(await leasesOf(ref), []);
  });

  it('a mutation that changes nothing writes nothing when no one waits', async () => {
    const ref = await seed();
    const before = await client().read(ref);
    const result = await queuedUpdate(client(), ref, () => noChange);
    assert.equal(result.written, false);
    assert.equal((await client().read(ref)).metadata?.resourceVersion, before.metadata?.resourceVersion);
  });

  it('a writer that died in the queue (its Lease left, nobody behind it) holds the others up only one stall timeout', async () => {
    const ref = await seed();
    const dead = await new QueueEntries(client(), ref, 'default').join();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => queuedUpdate(client(), ref, increment, { stallTimeout: 300 })),
    );
    assert.equal(counter(await client().read(ref)), 106);
    assert.ok(results.every((result) => result.written));
    const deadLease = await client()
      .read({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: 'default', name: dead.name })
      .catch((error: unknown) => error);
    assert.ok(isNotFound(deadLease), 'the dead writer’s Lease was removed by the writer that skipped it');
    assert.deepEqual(await leasesOf(ref), []);
  });

  it('a turn handed to a writer that died is taken over after the stall timeout', async () => {
    const ref = await seed();
    const dead = await new QueueEntries(client(), ref, 'default').join();
    const object = await client().read(ref);
    await client().replace({
      ...object,
      metadata: { ...object.metadata, labels: { ...object.metadata?.labels, [turnLabel]: dead.ticket } },
    });
    const results = await Promise.all(
      Array.from({ length: 3 }, () => queuedUpdate(client(), ref, increment, { stallTimeout: 300 })),
    );
    assert.equal(counter(await client().read(ref)), 104);
    assert.ok(results.every((result) => result.written));
    assert.equal((await client().read(ref)).metadata?.labels?.[turnLabel], undefined);
    assert.deepEqual(await leasesOf(ref), []);
  });

  it(
    'a writer whose mutation throws fails alone and hands its turn on: nobody waits a stall timeout',
    { timeout: 60_000 },
    async () => {
      const ref = await seed();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          queuedUpdate(
            client(),
            ref,
            (object) => {
              if (i % 3 === 0) throw new Error(`mutation ${String(i)} refuses`);
              return increment(object);
            },
            { stallTimeout: 600_000 },
          ),
        ),
      );
      assert.deepEqual(
        outcomes.map((outcome) => outcome.status),
        ['rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
      );
      assert.match(String((outcomes[0] as PromiseRejectedResult).reason), /mutation 0 refuses/);
      const after = await client().read(ref);
      assert.deepEqual(after.metadata?.labels, { [label]: '105' });
      assert.deepEqual(await leasesOf(ref), []);
    },
  );

  it('an aborted waiter leaves the queue: its Lease is gone and the others are not held up', async () => {
    const ref = await seed();
    const controller = new AbortController();
    const entries = new QueueEntries(client(), ref, 'default');
    assert.ok(await entries.acquireHead(), 'the test holds the head: the queue is busy, nobody writes');
    const aborted = queuedUpdate(client(), ref, increment, { signal: controller.signal, stallTimeout: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await assert.rejects(aborted, { name: 'AbortError' });
    await entries.releaseHead();
    assert.deepEqual(await leasesOf(ref), []);
    await queuedUpdate(client(), ref, increment, { stallTimeout: 300 });
    assert.equal(counter(await client().read(ref)), 102);
  });

  it('exactlyOnce records the operation on the object, as the other helpers do', async () => {
    const ref = await seed();
    const result = await queuedUpdate(client(), ref, increment, { exactlyOnce: { operationId: 'queue-op-1' } });
    assert.match(result.object.metadata?.annotations?.['kubeconflict.io/recent-operations'] ?? '', /queue-op-1/);
  });

  it('refuses bad options with a message naming them', async () => {
    const ref = await seed();
    await assert.rejects(
      queuedUpdate(client(), ref, increment, { stallTimeout: 0 }),
      /stallTimeout must be a positive/,
    );
    await assert.rejects(queuedUpdate(client(), ref, increment, { timeout: Number.NaN }), /timeout must be a positive/);
  });
}
