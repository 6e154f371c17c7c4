// exactlyOnce in the sequences review found: a write answered 504 that commits later
// (kube-apiserver's timeout filter answers while the handler goes on), the record removed
// after a lost write landed, and retries running out right after a lost answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../client/kube-object-client.ts';
import { Backoff } from '../core/backoff.ts';
import { createCoalescer } from '../strategies/coalescer.ts';
import type { KubeObject } from '../testing/server/kube-object.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { recentOperationsAnnotation, recordedOperations } from './operation-ids.ts';
import { jsonPatchWithRetry, mergePatchWithRetry } from './patch-with-retry.ts';
import { updateWithRetry } from './update-with-retry.ts';

const count = (object: KubeObject) => Number((object as { data?: Record<string, string> }).data?.n);
const plusOne = (object: KubeObject): KubeObject => ({ ...object, data: { n: String(count(object) + 1) } });
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
    let first = true;
    const removing: KubeObjectClient = {
      ...client,
      read: (r, signal) => client.read(r, signal),
      watch: (r, options) => client.watch(r, options),
      replace: async (object, signal) => {
        if (!first) return client.replace(object, signal);
        first = false;
        await client.replace(object); // lands
        await client.patch(ref, { metadata: { annotations: { [recentOperationsAnnotation]: null } } }, 'merge');
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      },
    };
    const result = await updateWithRetry(removing, ref, plusOne, { exactlyOnce: true });
    assert.equal(result.alreadyApplied, true);
    assert.equal(count(await client.read(ref)), 101);
  });

  it('when the retries run out right after a lost answer, one more read settles it', async () => {
    const ref = await fresh();
    let first = true;
    const losing: KubeObjectClient = {
      ...client,
      read: (r, signal) => client.read(r, signal),
      watch: (r, options) => client.watch(r, options),
      replace: async (object, signal) => {
        if (!first) return client.replace(object, signal);
        first = false;
        await client.replace(object);
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      },
    };
    const oneStep = new Backoff({ duration: 1, steps: 1, factor: 1, jitter: 0 });
    const result = await updateWithRetry(losing, ref, plusOne, {
      exactlyOnce: { operationId: 'job-42' },
      backoff: oneStep,
    });
    assert.equal(result.alreadyApplied, true);
    const stored = await client.read(ref);
    assert.deepEqual([count(stored), recordedOperations(stored)], [101, ['job-42']]);
  });
});
