import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { classify } from '../core/errors/classify.ts';
import type { KubeObject, ObjectClient, ObjectRef } from '../core/object.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { fromKubernetesObjectApi } from '../client/client-node-adapter.ts';
import { createOrUpdate, updateWithRetry } from './update-with-retry.ts';
import { type Mutation, noChange } from './read-mutate-write.ts';
import { counter, increment, label } from '../../test/support/counter-label.ts';

const configMapRef = (name: string): ObjectRef => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name });

describe('updateWithRetry and createOrUpdate on the embedded server, through client-node', () => {
  let server: TestServer;
  let client: ObjectClient;
  before(async () => {
    server = await startTestServer();
    client = fromKubernetesObjectApi(k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig));
  });
  after(() => server.stop());

  const seed = (name: string) =>
    client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default', labels: { [label]: '101' } },
    });

  it('five concurrent increments end at 106, none lost', async () => {
    await seed('counter');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => updateWithRetry(client, configMapRef('counter'), increment)),
    );
    assert.equal(counter(await client.read(configMapRef('counter'))), 106);
    assert.ok(results.every((r) => r.written));
    assert.equal(
      results.reduce((sum, r) => sum + r.attempts, 0),
      5 + results.reduce((sum, r) => sum + r.conflicts, 0),
      'every conflict cost exactly one more attempt',
    );
  });

  it('makes no write when mutate says noChange or changes nothing', async () => {
    const before = await seed('still');
    const mutations: Mutation[] = [() => noChange, (object) => object];
    for (const mutate of mutations) {
      const result = await updateWithRetry(client, configMapRef('still'), mutate);
      assert.equal(result.written, false);
      assert.equal(result.object.metadata?.resourceVersion, before.metadata?.resourceVersion);
    }
  });

  it('a mutation that returns nothing fails with a message saying so, and writes nothing', async () => {
    const before = await seed('forgot-return');
    const forgot = ((object: KubeObject) => {
      increment(object);
    }) as unknown as Mutation;
    await assert.rejects(updateWithRetry(client, configMapRef('forgot-return'), forgot), /it returned undefined/);
    const after = await client.read(configMapRef('forgot-return'));
    assert.equal(after.metadata?.resourceVersion, before.metadata?.resourceVersion);
  });

  /** A mutation that, each time, lets another writer change the object first: every write is stale. */
  const alwaysOvertaken = (name: string) => async (object: KubeObject) => {
    await updateWithRetry(client, configMapRef(name), increment);
    return increment(object);
  };

  it('gives up after the backoff steps with the last stale-write conflict', async () => {
    await seed('contested');
    await assert.rejects(
      updateWithRetry(client, configMapRef('contested'), alwaysOvertaken('contested'), {
        backoff: undefined,
        random: () => 0,
      }),
      (error: unknown) => classify(error) === 'StaleWriteConflict',
    );
  });

  it('stops at once when the signal aborts during a backoff sleep', async () => {
    await seed('aborted');
    const controller = new AbortController();
    const reason = new Error('shutting down');
    await assert.rejects(
      updateWithRetry(client, configMapRef('aborted'), alwaysOvertaken('aborted'), {
        signal: controller.signal,
        onRetry: () => {
          controller.abort(reason);
        },
      }),
      (error: unknown) => error === reason,
    );
  });

  it('stops at the deadline', async () => {
    await seed('late');
    const started = performance.now();
    await assert.rejects(
      updateWithRetry(client, configMapRef('late'), alwaysOvertaken('late'), { backoff: undefined, timeout: 30 }),
      (error: unknown) => classify(error) === 'StaleWriteConflict',
    );
    assert.ok(performance.now() - started < 1_000);
  });

  it('throws other errors at once, classified', async () => {
    let calls = 0;
    await assert.rejects(
      updateWithRetry(client, configMapRef('does-not-exist'), (object) => {
        calls++;
        return object;
      }),
      (error: unknown) => classify(error) === 'NotFound',
    );
    assert.equal(calls, 0);
  });

  it('createOrUpdate creates, then updates, then leaves alone', async () => {
    const desired = (object: KubeObject): KubeObject => ({ ...object, data: { mode: 'fast' } });
    const first = await createOrUpdate(client, configMapRef('settings'), desired);
    assert.equal(first.operation, 'created');
    const second = await createOrUpdate(client, configMapRef('settings'), (object) => ({
      ...object,
      data: { mode: 'safe' },
    }));
    assert.equal(second.operation, 'updated');
    assert.deepEqual(second.object.data, { mode: 'safe' });
    const third = await createOrUpdate(client, configMapRef('settings'), (object) => ({
      ...object,
      data: { mode: 'safe' },
    }));
    assert.equal(third.operation, 'unchanged');
  });

  it('createOrUpdate racing another create turns into an update', async () => {
    const results = await Promise.all(
      ['a', 'b'].map((value) =>
        createOrUpdate(client, configMapRef('raced'), (object) => ({
          ...object,
          data: { ...(object.data as object), [value]: value },
        })),
      ),
    );
    assert.deepEqual(results.map((r) => r.operation).sort(), ['created', 'updated']);
    const stored = await client.read(configMapRef('raced'));
    assert.deepEqual(stored.data, { a: 'a', b: 'b' });
  });
});
