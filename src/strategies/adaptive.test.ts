import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../client/kube-object-client.ts';
import { classify, isStaleWriteConflict } from '../core/errors/classify.ts';
import type { HookAction, HookedRequest } from '../testing/server/request-hook.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import type { ObjectRef } from '../core/object.ts';
import { adaptiveUpdate } from './adaptive.ts';
import { adaptiveCases } from '../../test/support/adaptive-cases.ts';
import { counter, increment, label } from '../../test/support/counter-label.ts';

const conflictBody = JSON.stringify({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: 'Operation cannot be fulfilled on configmaps "busy": the object has been modified',
  reason: 'Conflict',
  code: 409,
});

describe('adaptiveUpdate on the embedded server', () => {
  let server: TestServer;
  let client: KubeObjectClient;
  let hook: ((request: HookedRequest) => HookAction | undefined) | undefined;
  before(async () => {
    server = await startTestServer({
      hook: (request) => hook?.(request),
    });
    client = kubeObjectClient(server.kubeConfig);
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });

  adaptiveCases(() => client, 'adaptive');

  let serial = 0;
  const seed = async (): Promise<ObjectRef> => {
    const name = `adaptive-hooked-${String(serial++)}`;
    await client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default', labels: { [label]: '101' } },
    });
    return { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
  };

  it('gives up at its deadline with the last conflict', async () => {
    const ref = await seed();
    hook = (request) => (request.verb === 'update' ? { respond: { status: 409, body: conflictBody } } : undefined);
    try {
      const started = performance.now();
      const error = await adaptiveUpdate(client, ref, increment, { timeout: 200 }).catch((e: unknown) => e);
      assert.ok(isStaleWriteConflict(error), String(error));
      assert.ok(performance.now() - started < 2_000);
    } finally {
      hook = undefined;
    }
  });

  it('works from reads when watching is refused', async () => {
    const ref = await seed();
    const forbidden = JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
    });
    hook = (request) => (request.verb === 'watch' ? { respond: { status: 403, body: forbidden } } : undefined);
    try {
      await Promise.all(Array.from({ length: 5 }, () => adaptiveUpdate(client, ref, increment)));
      assert.equal(counter(await client.read(ref)), 106);
    } finally {
      hook = undefined;
    }
  });

  it('a write whose answer was lost: +1 once with exactlyOnce, +2 with only retryTransient, an error without', async () => {
    const loseFirstWrite = () => {
      let lost = false;
      hook = (request) => {
        if (request.verb !== 'update' || lost) return undefined;
        lost = true;
        return { resetConnection: 'after' };
      };
    };
    try {
      const once = await seed();
      loseFirstWrite();
      const result = await adaptiveUpdate(client, once, increment, { exactlyOnce: true });
      assert.equal(result.alreadyApplied, true);
      assert.equal(counter(await client.read(once)), 102);

      const twice = await seed();
      loseFirstWrite();
      await adaptiveUpdate(client, twice, increment, { retryTransient: true });
      assert.equal(counter(await client.read(twice)), 103, 'the duplicate exactlyOnce prevents');

      const surfaced = await seed();
      loseFirstWrite();
      await assert.rejects(adaptiveUpdate(client, surfaced, increment), (error) => classify(error) === 'Network');
      assert.equal(counter(await client.read(surfaced)), 102);
    } finally {
      hook = undefined;
    }
  });

  it('reports its waits: the first read as waiting, each wait for another writer of the process as deferring', async () => {
    const ref = await seed();
    const spans: { phase: string; start: number; end: number }[][] = [[], [], [], [], []];
    const began = Date.now();
    await Promise.all(
      spans.map((mine) =>
        adaptiveUpdate(client, ref, increment, { onPhase: (phase, start, end) => mine.push({ phase, start, end }) }),
      ),
    );
    assert.equal(counter(await client.read(ref)), 106);
    for (const mine of spans) {
      assert.equal(mine[0]?.phase, 'waiting', 'each writer first waits for the object');
      for (const { start, end } of mine) assert.ok(began <= start && start <= end, 'epoch milliseconds, in order');
    }
    const deferred = spans.filter((mine) => mine.some(({ phase }) => phase === 'deferring'));
    assert.equal(deferred.length, 4, 'all but the first to write wait their turn');
  });
});
