// exactlyOnce in the sequences review found: a write answered 504 that commits later
// (kube-apiserver's timeout filter answers while the handler goes on), the record removed
// after a lost write landed, and retries running out right after a lost answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../client/kube-object-client.ts';
import { Backoff } from '../core/backoff.ts';
import { createCoalescer } from '../strategies/coalescer.ts';
import type { KubeObject, ObjectClient } from '../core/object.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { adaptiveUpdate } from '../strategies/adaptive.ts';
import { OutcomeUnknownError, recentOperationsAnnotation, recordedOperations } from './operation-ids.ts';
import { noChange } from './read-mutate-write.ts';
import { jsonPatchWithRetry, mergePatchWithRetry } from './patch-with-retry.ts';
import { updateWithRetry } from './update-with-retry.ts';

const count = (object: KubeObject) => Number((object as { data?: Record<string, string> }).data?.n);
const plusOne = (object: KubeObject): KubeObject => ({
  ...object,
  data: { ...(object as { data?: object }).data, n: String(count(object) + 1) },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gatewayTimeout = () =>
  Object.assign(new Error('Timeout: request did not complete within the allotted timeout'), {
    code: 504,
    status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Timeout', code: 504 },
  });

describe('exactlyOnce when a lost write lands late, or its record is removed', () => {
  let server: TestServer;
  let client: KubeObjectClient;
  before(async () => {
    server = await startTestServer();
    client = kubeObjectClient(server.kubeConfig);
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });
  let objects = 0;
  const fresh = async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: `late-${String(objects++)}` };
    await client.create({ ...ref, metadata: { name: ref.name, namespace: ref.namespace }, data: { n: '100' } });
    return ref;
  };
  /** The real client, but its first write is answered 504 at once and committed 200 ms later. */
  const lateFirstWrite = (): KubeObjectClient & { readonly landed: Promise<unknown> } => {
    let first = true;
    let landed: Promise<unknown> = Promise.resolve();
    const late = <T>(write: () => Promise<T>, now: () => Promise<T>) => {
      if (!first) return now();
      first = false;
      landed = sleep(200).then(write);
      return Promise.reject(gatewayTimeout());
    };
    return {
      ...client,
      read: (ref, signal) => client.read(ref, signal),
      watch: (ref, options) => client.watch(ref, options),
      replace: (object, signal) =>
        late(
          () => client.replace(object),
          () => client.replace(object, signal),
        ),
      patch: (ref, body, type, options) =>
        late(
          () => client.patch(ref, body, type),
          () => client.patch(ref, body, type, options),
        ),
      get landed() {
        return landed;
      },
    };
  };
  /** The real client, but its first replace lands, then `meanwhile` runs, then its answer is lost (a reset). */
  const landThenReset = (meanwhile: () => Promise<unknown> = () => Promise.resolve()): KubeObjectClient => {
    let first = true;
    return {
      ...client,
      read: (r, signal) => client.read(r, signal),
      watch: (r, options) => client.watch(r, options),
      replace: async (object, signal) => {
        if (!first) return client.replace(object, signal);
        first = false;
        await client.replace(object);
        await meanwhile();
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      },
    };
  };
  const removeRecord = (ref: { name: string }) => () =>
    client.patch(
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: ref.name },
      { metadata: { annotations: { [recentOperationsAnnotation]: null } } },
      'merge',
    );
  /** Waits in the second attempt's mutate until the late write landed, then lands 16 other updates. */
  const rivalsAfterLateWrite = (late: { readonly landed: Promise<unknown> }, ref: { name: string }) => {
    let calls = 0;
    return async (object: KubeObject) => {
      if (++calls === 2) {
        await late.landed;
        for (let i = 0; i < 16; i++) {
          await updateWithRetry(
            client,
            { ...ref, apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default' },
            plusOne,
            {
              exactlyOnce: true,
            },
          );
        }
      }
      return plusOne(object);
    };
  };

  for (const [name, helper] of Object.entries({ updateWithRetry, mergePatchWithRetry, jsonPatchWithRetry })) {
    it(`${name}: a write answered 504 that commits later is not applied again`, async () => {
      const ref = await fresh();
      const late = lateFirstWrite();
      const result = await helper(late, ref, rivalsAfterLateWrite(late, ref), {
        exactlyOnce: true,
        backoff: new Backoff({ duration: 5, steps: 10, factor: 1, jitter: 1 }),
      });
      assert.equal(result.alreadyApplied, true);
      assert.equal(count(await client.read(ref)), 117, 'its own increment once, and the 16 others');
    });
  }

  it('the coalescer settles the calls of a batch answered 504 that commits later', async () => {
    const ref = await fresh();
    const late = lateFirstWrite();
    const coalescer = createCoalescer(late, ref, { exactlyOnce: true });
    const updates = [coalescer.update(rivalsAfterLateWrite(late, ref)), coalescer.update(plusOne)];
    const settled = await Promise.allSettled(updates);
    await coalescer.close();
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'fulfilled'],
    );
    assert.equal(count(await client.read(ref)), 118, 'the batch of two once, and the 16 others');
  });

  it('a landed first write whose record another writer removed is found by replay, not redone', async () => {
    const ref = await fresh();
    const result = await updateWithRetry(landThenReset(removeRecord(ref)), ref, plusOne, { exactlyOnce: true });
    assert.equal(result.alreadyApplied, true);
    assert.equal(count(await client.read(ref)), 101);
  });

  it('when the retries run out right after a lost answer, one more read settles it', async () => {
    const ref = await fresh();
    const losing = landThenReset();
    const oneStep = new Backoff({ duration: 1, steps: 1, factor: 1, jitter: 0 });
    const result = await updateWithRetry(losing, ref, plusOne, {
      exactlyOnce: { operationId: 'job-42' },
      backoff: oneStep,
    });
    assert.equal(result.alreadyApplied, true);
    const stored = await client.read(ref);
    assert.deepEqual([count(stored), recordedOperations(stored)], [101, ['job-42']]);
  });

  // Found in a second review.
  const wrapping = (overrides: Partial<KubeObjectClient>): KubeObjectClient => ({
    ...client,
    read: (r, signal) => client.read(r, signal),
    watch: (r, options) => client.watch(r, options),
    ...overrides,
  });

  it('a removed record and no watch to replay: OutcomeUnknownError, never a second write', async () => {
    const ref = await fresh();
    const inner = landThenReset(removeRecord(ref));
    const noWatch: ObjectClient = {
      // A client that cannot watch.
      read: (r, signal) => inner.read(r, signal),
      replace: (object, signal) => inner.replace(object, signal),
      create: (object, signal) => inner.create(object, signal),
    };
    await assert.rejects(updateWithRetry(noWatch, ref, plusOne, { exactlyOnce: true }), OutcomeUnknownError);
    assert.equal(count(await client.read(ref)), 101);
  });

  it('the coalescer settles a lost batch when its retries run out', async () => {
    const ref = await fresh();
    const losing = landThenReset();
    const oneStep = new Backoff({ duration: 1, steps: 1, factor: 1, jitter: 0 });
    const coalescer = createCoalescer(losing, ref, { exactlyOnce: true, backoff: oneStep });
    const settled = await Promise.allSettled([coalescer.update(plusOne), coalescer.update(plusOne)]);
    await coalescer.close();
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'fulfilled'],
    );
    assert.equal(count(await client.read(ref)), 102);
  });

  it('a coalesced call whose mutation fails on the retry follows the lost write that carried it', async () => {
    const ref = await fresh();
    let writes = 0;
    let landed: Promise<unknown> = Promise.resolve();
    // The first write is answered 504 and commits 100 ms later; the retry's write comes after it.
    const late = wrapping({
      replace: async (object, signal) => {
        if (++writes === 1) {
          landed = sleep(100).then(() => client.replace(object));
          throw gatewayTimeout();
        }
        await sleep(300);
        return client.replace(object, signal);
      },
    });
    const coalescer = createCoalescer(late, ref, { exactlyOnce: true });
    let calls = 0;
    const setA = (object: KubeObject): KubeObject => {
      if (++calls > 1) throw new Error('A refuses the second time');
      return { ...object, data: { ...(object as { data?: object }).data, a: 'set-by-A' } };
    };
    const settled = await Promise.allSettled([coalescer.update(setA), coalescer.update(plusOne)]);
    await coalescer.close();
    await landed;
    const stored = (await client.read(ref)) as { data?: Record<string, string> };
    assert.deepEqual([stored.data?.a, stored.data?.n], ['set-by-A', '101'], 'the lost write landed, A in it');
    assert.deepEqual(
      settled.map((s) => s.status),
      ['fulfilled', 'fulfilled'],
      'so A is told it succeeded',
    );
  });

  it('jsonPatchWithRetry: nothing left to write while a lost write may land is OutcomeUnknownError, not written: false', async () => {
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'late-frozen' };
    // An annotation already there: the record is added under it, guarded by a test of it.
    const metadata = { name: ref.name, namespace: ref.namespace, annotations: { owner: 'me' } };
    await client.create({ ...ref, metadata, data: { n: '100' } });
    let first = true;
    let landed: Promise<unknown> = Promise.resolve();
    const late = wrapping({
      patch: async (r, body, type, options) => {
        if (!first) return client.patch(r, body, type, options);
        first = false;
        await client.patch(ref, { data: { frozen: 'yes' } }, 'merge'); // another writer, another field
        landed = sleep(200).then(() => client.patch(r, body, type));
        throw gatewayTimeout();
      },
    });
    const frozenOrPlusOne = (object: KubeObject) =>
      (object as { data?: Record<string, string> }).data?.frozen === undefined ? plusOne(object) : noChange;
    await assert.rejects(jsonPatchWithRetry(late, ref, frozenOrPlusOne, { exactlyOnce: true }), OutcomeUnknownError);
    await landed;
    assert.equal(count(await client.read(ref)), 101, 'it did land, after the helper had to stop');
  });

  it('adaptiveUpdate: a mutation that throws while a lost write may still land is OutcomeUnknownError', async () => {
    const ref = await fresh();
    let first = true;
    let landed: Promise<unknown> = Promise.resolve();
    const late = wrapping({
      replace: (object, signal) => {
        if (!first) return client.replace(object, signal);
        first = false;
        // Later than adaptive's wait for the next change, so it reads and mutates again first.
        landed = sleep(1_500).then(() => client.replace(object));
        return Promise.reject(gatewayTimeout());
      },
    });
    let calls = 0;
    const refusesLater = (object: KubeObject) => {
      if (++calls > 1) throw new Error('mutate refuses now');
      return plusOne(object);
    };
    const outcome = adaptiveUpdate(late, ref, refusesLater, { exactlyOnce: true, timeout: 5_000 });
    await assert.rejects(
      outcome,
      OutcomeUnknownError,
      "not the mutation's error: the caller must not think nothing happened",
    );
    await landed;
    assert.equal(count(await client.read(ref)), 101);
  });
});
