import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { Backoff } from '../core/backoff.ts';
import { classify } from '../core/errors/classify.ts';
import { seedObject } from '../lab/lab-object.ts';
import type { KubeObject, ObjectClient, ObjectRef } from '../core/object.ts';
import type { RequestHook } from '../testing/server/request-hook.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { fromKubernetesObjectApi } from '../client/client-node-adapter.ts';
import { updateWithRetry } from '../update/update-with-retry.ts';
import { noChange } from '../update/read-mutate-write.ts';
import { type CoalescedUpdate, createCoalescer } from './coalescer.ts';

const label = 'biz-version';
const counter = (object: KubeObject) => Number(object.metadata?.labels?.[label]);
const withLabel = (object: KubeObject, key: string, value: string): KubeObject => ({
  ...object,
  metadata: { ...object.metadata, labels: { ...object.metadata?.labels, [key]: value } },
});
const add = (n: number) => (object: KubeObject) => withLabel(object, label, String(counter(object) + n));
const increment = add(1);
const trail = (object: KubeObject) => object.metadata?.annotations?.trail ?? '';
const append = (letter: string) => (object: KubeObject) => ({
  ...object,
  metadata: { ...object.metadata, annotations: { ...object.metadata?.annotations, trail: trail(object) + letter } },
});
const deploymentRef = (name: string): ObjectRef => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'default',
  name,
});

describe('createCoalescer on the embedded server, through client-node', () => {
  let server: TestServer;
  let client: ObjectClient;
  /** The hook of the test running now; tests run one at a time. */
  let hook: RequestHook | undefined;
  before(async () => {
    server = await startTestServer({ hook: (request) => hook?.(request) });
    client = fromKubernetesObjectApi(k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig));
  });
  after(() => server.stop());

  /** Creates Deployment `name` with the counter at 101 and counts its GETs and PUTs from then on. */
  const seed = async (name: string, onPut?: () => Promise<void> | void) => {
    await client.create(seedObject({ kind: 'deployment', namespace: 'default', name, label }, 101));
    const requests = { gets: 0, puts: 0 };
    hook = async (request) => {
      if (request.resource !== 'deployments' || request.name !== name) return undefined;
      if (request.verb === 'get') requests.gets++;
      if (request.verb === 'update') {
        requests.puts++;
        await onPut?.();
      }
      return undefined;
    };
    return requests;
  };
  const read = (name: string) => client.read(deploymentRef(name));

  it('200 concurrent increments land in 2 writes of 100, none lost, each result including its own', async () => {
    const requests = await seed('group');
    const coalescer = createCoalescer(client, deploymentRef('group'));
    const settled = await Promise.allSettled(Array.from({ length: 200 }, () => coalescer.update(increment)));
    const results = settled.map((outcome) => {
      assert.equal(outcome.status, 'fulfilled');
      return outcome.value;
    });
    // All 200 calls are queued in one tick; maxBatch 100 splits them into exactly two cycles
    // (200 calls on their own would make 200+ PUTs, more with conflicts).
    assert.deepEqual(requests, { gets: 2, puts: 2 });
    assert.equal(counter(await read('group')), 301);
    results.forEach((result, i) => {
      assert.ok(counter(result.object) >= 102 + i, `call ${i} sees ${counter(result.object)}`);
      assert.deepEqual([result.written, result.batchSize, result.attempts], [true, 100, 1]);
    });
  });

  it('applies mutations in call order, across cycles too', async () => {
    await seed('order');
    const coalescer = createCoalescer(client, deploymentRef('order'), { maxBatch: 3 });
    const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    await Promise.all(letters.map((letter) => coalescer.update(append(letter))));
    assert.equal(trail(await read('order')), 'abcdefghij');
  });

  it('a throwing or rejecting mutation fails its caller alone; the others go on from the object before it', async () => {
    await seed('throws');
    const coalescer = createCoalescer(client, deploymentRef('throws'));
    const boom = new Error('boom');
    const results = await Promise.allSettled([
      coalescer.update(increment),
      coalescer.update((object) => {
        object.metadata = { ...object.metadata, labels: { poison: 'yes' } }; // a change in place must not leak
        throw boom;
      }),
      coalescer.update(increment),
      coalescer.update(() => Promise.reject(boom)),
      coalescer.update(increment),
      coalescer.update(() => undefined as unknown as KubeObject), // forgot `return object`
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected'],
    );
    assert.deepEqual(results.map((r): unknown => (r.status === 'rejected' ? r.reason : undefined)).slice(1, 4), [
      boom,
      undefined,
      boom,
    ]);
    assert.ok(results[5].status === 'rejected' && results[5].reason instanceof TypeError);
    const stored = await read('throws');
    assert.equal(counter(stored), 104);
    assert.equal(stored.metadata?.labels?.poison, undefined);
  });

  it('respects maxBatch and refuses a bad one', async () => {
    const requests = await seed('batched');
    const coalescer = createCoalescer(client, deploymentRef('batched'), { maxBatch: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () => coalescer.update(increment)));
    assert.deepEqual(
      results.map((r) => r.batchSize),
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 1],
    );
    assert.equal(requests.puts, 4);
    assert.equal(counter(await read('batched')), 111);
    for (const maxBatch of [0, -1, 1.5, Number.NaN, Infinity, '3' as unknown as number]) {
      assert.throws(
        () => createCoalescer(client, deploymentRef('batched'), { maxBatch }),
        (error: unknown) =>
          error instanceof RangeError && error.message.includes('maxBatch') && error.message.includes(String(maxBatch)),
      );
    }
  });

  it('an abort before the cycle removes the call; an already-aborted signal rejects at once', async () => {
    const requests = await seed('aborted');
    const coalescer = createCoalescer(client, deploymentRef('aborted'));
    const reason = new Error('no longer wanted');
    let applied = 0;
    const controller = new AbortController();
    const results = Promise.allSettled([
      coalescer.update(increment),
      coalescer.update(
        (object) => {
          applied++;
          return add(100)(object);
        },
        { signal: controller.signal },
      ),
      coalescer.update(increment),
    ]);
    controller.abort(reason);
    assert.deepEqual(
      (await results).map((r): unknown => (r.status === 'rejected' ? r.reason : r.status)),
      ['fulfilled', reason, 'fulfilled'],
    );
    assert.equal(applied, 0);
    assert.equal(counter(await read('aborted')), 103);

    const { gets } = requests;
    await assert.rejects(
      coalescer.update(
        () => {
          applied++;
          return noChange;
        },
        { signal: AbortSignal.abort(reason) },
      ),
      (error: unknown) => error === reason,
    );
    assert.equal(applied, 0);
    assert.equal(requests.gets, gets, 'nothing was read for it');
  });

  it('an abort during the cycle, before the write goes out, leaves the call out of it', async () => {
    await seed('mid-cycle');
    const coalescer = createCoalescer(client, deploymentRef('mid-cycle'));
    const early = new AbortController();
    const own = new AbortController();
    const reason = new Error('cancelled mid-cycle');
    let runs = 0;
    const results = await Promise.allSettled([
      coalescer.update(add(100), { signal: early.signal }),
      coalescer.update(async (object) => {
        runs++;
        early.abort(reason); // its mutation is already applied: the batch is applied again without it
        await Promise.resolve();
        return increment(object);
      }),
      coalescer.update(
        async (object) => {
          own.abort(reason); // aborted while its own async mutation runs
          await Promise.resolve();
          return add(1000)(object);
        },
        { signal: own.signal },
      ),
    ]);
    assert.deepEqual(
      results.map((r): unknown => (r.status === 'rejected' ? r.reason : r.status)),
      [reason, 'fulfilled', reason],
    );
    assert.equal(counter(await read('mid-cycle')), 102);
    assert.equal(runs, 2, 'mutations must be pure: they may run more than once');
  });

  it('an abort while its write is in flight resolves when the write lands', async () => {
    const controller = new AbortController();
    await seed('in-flight', () => {
      controller.abort(new Error('too late'));
    });
    const coalescer = createCoalescer(client, deploymentRef('in-flight'));
    const result = await coalescer.update(increment, { signal: controller.signal });
    assert.ok(controller.signal.aborted);
    assert.equal(result.written, true);
    assert.equal(counter(await read('in-flight')), 102);
  });

  /** A mutation that, the first time only, lets an outside writer change the object first. */
  const overtakenOnce = (name: string) => {
    let first = true;
    return async (object: KubeObject) => {
      if (first) {
        first = false;
        await updateWithRetry(client, deploymentRef(name), (o) => append('outside')(add(10)(o)));
      }
      return increment(object);
    };
  };

  it('a conflict re-reads and re-applies the batch: outside and coalesced changes both land', async () => {
    const requests = await seed('conflict');
    const coalescer = createCoalescer(client, deploymentRef('conflict'));
    const results = await Promise.all([
      coalescer.update(overtakenOnce('conflict')),
      coalescer.update(increment),
      coalescer.update(append('+mine')),
    ]);
    const stored = await read('conflict');
    assert.equal(counter(stored), 101 + 10 + 2);
    assert.equal(trail(stored), 'outside+mine');
    assert.deepEqual(
      results.map((r) => [r.attempts, r.written, r.batchSize]),
      Array.from({ length: 3 }, () => [2, true, 3]),
    );
    assert.equal(requests.puts, 3, 'the outside write, the conflicting write, the retried write');
  });

  it('an abort while a write is in flight that conflicts drops the call from the retry', async () => {
    const controller = new AbortController();
    const reason = new Error('gave up waiting');
    const requests = await seed('conflict-abort', () => {
      // The first PUT is the outside writer's; the second is the coalescer's, which conflicts.
      if (requests.puts === 2) controller.abort(reason);
    });
    const coalescer = createCoalescer(client, deploymentRef('conflict-abort'));
    const results = await Promise.allSettled([
      coalescer.update(overtakenOnce('conflict-abort')),
      coalescer.update(append('+aborted'), { signal: controller.signal }),
    ]);
    assert.equal(results[0].status, 'fulfilled');
    assert.deepEqual(results[1], { status: 'rejected', reason });
    const stored = await read('conflict-abort');
    assert.equal(counter(stored), 101 + 10 + 1);
    assert.equal(trail(stored), 'outside');
  });

  it('rejects the whole batch when conflicts outlast the backoff, or on any other error', async () => {
    await seed('contested');
    const alwaysOvertaken = async (object: KubeObject) => {
      await updateWithRetry(client, deploymentRef('contested'), increment);
      return increment(object);
    };
    const coalescer = createCoalescer(client, deploymentRef('contested'), {
      backoff: new Backoff({ steps: 3, duration: 1 }),
    });
    const results = await Promise.allSettled([coalescer.update(alwaysOvertaken), coalescer.update(increment)]);
    for (const r of results) assert.ok(r.status === 'rejected' && classify(r.reason) === 'StaleWriteConflict');
    assert.equal(counter(await read('contested')), 104, 'only the 3 outside writes landed');

    let calls = 0;
    const missing = createCoalescer(client, deploymentRef('does-not-exist'));
    const lost = await Promise.allSettled(
      [1, 2].map(() =>
        missing.update((object) => {
          calls++;
          return object;
        }),
      ),
    );
    for (const r of lost) assert.ok(r.status === 'rejected' && classify(r.reason) === 'NotFound');
    assert.equal(calls, 0);
  });

  it('a batch whose answer was lost: applied once with exactlyOnce, twice with only retryTransient', async () => {
    const run = async (name: string, options: Parameters<typeof createCoalescer>[2]) => {
      await seed(name);
      let lost = false;
      hook = (request) => {
        if (request.name !== name || request.verb !== 'update' || lost) return undefined;
        lost = true;
        return { resetConnection: 'after' };
      };
      const coalescer = createCoalescer(client, deploymentRef(name), options);
      const settled = await Promise.allSettled(Array.from({ length: 5 }, () => coalescer.update(increment)));
      await coalescer.close();
      hook = undefined;
      return { settled, final: counter(await client.read(deploymentRef(name))) };
    };
    const once = await run('coalesce-once', { exactlyOnce: true });
    assert.deepEqual([once.final, once.settled.filter((r) => r.status === 'fulfilled').length], [106, 5]);
    const twice = await run('coalesce-twice', { retryTransient: true });
    assert.equal(twice.final, 111, 'the whole batch applied twice: what exactlyOnce prevents');
    const surfaced = await run('coalesce-surfaced', {});
    assert.equal(surfaced.final, 106, 'landed');
    assert.ok(surfaced.settled.every((r) => r.status === 'rejected' && classify(r.reason) === 'Network'));
  });

  it('makes no write when every caller says noChange or the changes cancel out', async () => {
    const requests = await seed('still');
    const before = await read('still');
    const coalescer = createCoalescer(client, deploymentRef('still'));
    const results: CoalescedUpdate[] = await Promise.all([
      coalescer.update(() => noChange),
      coalescer.update(() => noChange),
    ]);
    const cancelled = await Promise.all([coalescer.update(add(5)), coalescer.update(add(-5))]);
    for (const result of [...results, ...cancelled]) {
      assert.equal(result.written, false);
      assert.equal(result.object.metadata?.resourceVersion, before.metadata?.resourceVersion);
    }
    assert.equal(requests.puts, 0);
  });

  it('close() rejects queued calls, waits for the write in flight, then refuses new calls', async () => {
    const putStarted = Promise.withResolvers<undefined>();
    const putReleased = Promise.withResolvers<undefined>();
    await seed('closing', async () => {
      putStarted.resolve(undefined);
      await putReleased.promise;
    });
    const coalescer = createCoalescer(client, deploymentRef('closing'));
    const inFlight = coalescer.update(increment);
    await putStarted.promise;
    const queued = [coalescer.update(increment), coalescer.update(increment)];
    let closed = false;
    const closing = coalescer.close().then(() => (closed = true));
    for (const call of queued) await assert.rejects(call, /closed before this update was applied/);
    assert.equal(closed, false, 'close() waits for the write in flight');
    putReleased.resolve(undefined);
    assert.equal((await inFlight).written, true);
    await closing;
    await assert.rejects(coalescer.update(increment), /is closed/);
    assert.equal(counter(await read('closing')), 102);
  });
});
