import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../../client/kube-object-client.ts';
import { startTestServer, type TestServer } from '../../testing/server/start-test-server.ts';
import type { ObjectRef } from '../../core/object.ts';
import { noChange } from '../../update/read-mutate-write.ts';
import { QueueEntries } from './queue-entries.ts';
import { objectQueue } from './queue-handle.ts';
import { counter, increment, label } from '../../../test/support/counter-label.ts';

describe('objectQueue: one process’s calls share its turn', () => {
  let server: TestServer;
  let client: KubeObjectClient;
  let serial = 0;
  before(async () => {
    server = await startTestServer();
    client = kubeObjectClient(server.kubeConfig);
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });
  const seed = async (): Promise<ObjectRef> => {
    const name = `handle-${String(serial++)}`;
    await client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default', labels: { [label]: '101' } },
    });
    return { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
  };
  /** The client, counting its writes of the object. */
  const counting = () => {
    const counted = { writes: 0, client: { ...client } };
    counted.client.replace = (object, signal) => {
      if (object.kind === 'ConfigMap') counted.writes++;
      return client.replace(object, signal);
    };
    return counted;
  };

  it('a hundred calls made together are applied in call order, in one write', async () => {
    const ref = await seed();
    const counted = counting();
    const queue = objectQueue(counted.client, ref);
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        queue.update((object) => {
          order.push(i);
          return increment(object);
        }),
      ),
    );
    assert.equal(counter(await client.read(ref)), 201);
    assert.equal(counted.writes, 1);
    assert.deepEqual(
      order,
      Array.from({ length: 100 }, (_, i) => i),
    );
    assert.ok(results.every((result) => result.written && counter(result.object) === 201));
  });

  it('calls made while a turn is written wait for the next turn: nothing is lost', async () => {
    const ref = await seed();
    const queue = objectQueue(client, ref);
    const first = queue.update(increment);
    const second = queue.update((object) => {
      // Made during the turn's write: it cannot join that write any more.
      void queue.update(increment);
      return increment(object);
    });
    await Promise.all([first, second]);
    await queue.update((object) => object);
    assert.equal(counter(await client.read(ref)), 104);
  });

  it('a mutation that throws fails its own call; the others land', async () => {
    const ref = await seed();
    const queue = objectQueue(client, ref);
    const outcomes = await Promise.allSettled([
      queue.update(increment),
      queue.update(() => {
        throw new Error('bad mutation');
      }),
      queue.update(() => noChange),
      queue.update(increment),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    assert.match(String((outcomes[1] as PromiseRejectedResult).reason), /bad mutation/);
    assert.equal(counter(await client.read(ref)), 103);
  });

  it('a call aborted before its turn leaves it; a turn every call left leaves the queue', async () => {
    const ref = await seed();
    const entries = new QueueEntries(client, ref, 'default');
    assert.ok(await entries.acquireHead()); // the queue is busy: nobody writes
    const queue = objectQueue(client, ref, { stallTimeout: 300 });
    const leaving = new AbortController();
    const staying = queue.update(increment);
    const aborted = queue.update(increment, { signal: leaving.signal });
    leaving.abort();
    await assert.rejects(aborted, { name: 'AbortError' });
    await entries.releaseHead();
    // The queue is idle and the remaining call's place is first: it claims its turn.
    await staying;
    assert.equal(counter(await client.read(ref)), 102);

    const alone = new AbortController();
    assert.ok(await entries.acquireHead());
    const lone = queue.update(increment, { signal: alone.signal });
    while ((await entries.list()).length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    alone.abort();
    await assert.rejects(lone, { name: 'AbortError' });
    while ((await entries.list()).length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(await entries.list(), []);
    await entries.releaseHead();
    assert.equal(counter(await client.read(ref)), 102);
  });
});
