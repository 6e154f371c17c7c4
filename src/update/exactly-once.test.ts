import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../client/kube-object-client.ts';
import { classify } from '../core/errors/classify.ts';
import type { KubeObject, ObjectClient } from '../core/object.ts';
import type { HookAction } from '../testing/server/request-hook.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { OutcomeUnknownError, recordedOperations } from './operation-ids.ts';
import { jsonPatchWithRetry, mergePatchWithRetry } from './patch-with-retry.ts';
import type { UpdateOptions, UpdateResult } from './read-mutate-write.ts';
import { updateWithRetry } from './update-with-retry.ts';

type Helper = (
  client: KubeObjectClient,
  ref: typeof refOf extends (n: string) => infer R ? R : never,
  mutate: (o: KubeObject) => KubeObject,
  options: UpdateOptions,
) => Promise<UpdateResult>;
const helpers: Record<string, Helper> = {
  updateWithRetry,
  mergePatchWithRetry,
  jsonPatchWithRetry,
};
const refOf = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name });
const count = (object: KubeObject) => Number((object as { data?: Record<string, string> }).data?.n);
const plusOne = (object: KubeObject): KubeObject => ({
  ...object,
  data: { ...(object as { data?: object }).data, n: String(count(object) + 1) },
});
/** The write's answer is lost: it commits, then the connection drops (now, or after a silence). */
const lostAnswers: Record<string, HookAction> = {
  'a reset after the commit': { resetConnection: 'after' },
  'a timeout after the commit': { resetConnection: 'after', holdMs: 1_000 },
};

describe('exactlyOnce: a write whose answer was lost is recognised, not applied twice', () => {
  let server: TestServer;
  let client: KubeObjectClient;
  let lose: HookAction | undefined;
  before(async () => {
    server = await startTestServer({
      hook: (request) => {
        if (request.verb !== 'update' && request.verb !== 'patch') return undefined;
        const action = lose;
        lose = undefined; // only the first write
        return action;
      },
    });
    client = kubeObjectClient(server.kubeConfig, { requestTimeoutMs: 200 });
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });
  let objects = 0;
  const fresh = async () => {
    const ref = refOf(`once-${String(objects++)}`);
    await client.create({ ...ref, metadata: { name: ref.name, namespace: ref.namespace }, data: { n: '100' } });
    return ref;
  };

  for (const [name, helper] of Object.entries(helpers)) {
    for (const [lostHow, action] of Object.entries(lostAnswers)) {
      it(`${name}, after ${lostHow}: +1 once with exactlyOnce, +2 with only retryTransient, an error without`, async () => {
        const once = await fresh();
        lose = action;
        const result = await helper(client, once, plusOne, { exactlyOnce: true });
        assert.equal(result.alreadyApplied, true);
        assert.equal(count(result.object), 101);
        assert.equal(count(await client.read(once)), 101);
        assert.equal(recordedOperations(await client.read(once)).length, 1);

        const twice = await fresh();
        lose = action;
        await helper(client, twice, plusOne, { retryTransient: true });
        assert.equal(count(await client.read(twice)), 102, 'the duplicated update exactlyOnce prevents');

        const surfaced = await fresh();
        lose = action;
        await assert.rejects(helper(client, surfaced, plusOne, {}), (error) =>
          ['Network', 'Timeout'].includes(classify(error)),
        );
        assert.equal(count(await client.read(surfaced)), 101, 'landed, though the caller heard an error');
      });
    }
  }

  it('two updates with their own ids both apply; the same id twice applies once', async () => {
    const ref = await fresh();
    await updateWithRetry(client, ref, plusOne, { exactlyOnce: { operationId: 'order-1' } });
    await updateWithRetry(client, ref, plusOne, { exactlyOnce: { operationId: 'order-2' } });
    const repeated = await updateWithRetry(client, ref, plusOne, { exactlyOnce: { operationId: 'order-1' } });
    assert.equal(repeated.alreadyApplied, true);
    const stored = await client.read(ref);
    assert.equal(count(stored), 102);
    assert.deepEqual(recordedOperations(stored), ['order-1', 'order-2']);
  });

  /** Loses the answer of `ref`'s next write, then lands `rivals` exactly-once updates while it is held. */
  const loseWhileRivalsLand = async (
    ref: ReturnType<typeof refOf>,
    rivals: number,
    update: (options: UpdateOptions) => Promise<UpdateResult>,
  ) => {
    lose = { resetConnection: 'after', holdMs: 400 };
    const lost = update({ exactlyOnce: { operationId: 'lost', history: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 100)); // its write has landed; its answer is held
    for (let i = 0; i < rivals; i++) {
      await updateWithRetry(client, ref, plusOne, { exactlyOnce: { operationId: `rival-${String(i)}`, history: 1 } });
    }
    return lost;
  };

  it('when the kept ids no longer reach back, a replay of the changes since finds the lost write', async () => {
    const ref = await fresh();
    const result = await loseWhileRivalsLand(ref, 2, (options) => updateWithRetry(client, ref, plusOne, options));
    assert.equal(result.alreadyApplied, true);
    assert.equal(count(await client.read(ref)), 103, 'three updates, each applied once');
  });

  it('throws OutcomeUnknownError, never a second write, when nothing can tell', async () => {
    const ref = await fresh();
    // A client that cannot watch: only the kept ids could tell, and they do not reach back.
    const noWatch: ObjectClient = {
      read: (r, signal) => client.read(r, signal),
      replace: (object, signal) => client.replace(object, signal),
      create: (object, signal) => client.create(object, signal),
    };
    const lost = loseWhileRivalsLand(ref, 2, (options) => updateWithRetry(noWatch, ref, plusOne, options));
    await assert.rejects(
      lost,
      (error) => error instanceof OutcomeUnknownError && /raise exactlyOnce.history/.test(error.message),
    );
    assert.equal(count(await client.read(ref)), 103, 'three updates, each applied once');
  });

  it('an update that changes nothing writes nothing, not even its id', async () => {
    const ref = await fresh();
    const before = await client.read(ref);
    const result = await updateWithRetry(client, ref, (o) => o, { exactlyOnce: true });
    assert.equal(result.written, false);
    assert.equal((await client.read(ref)).metadata?.resourceVersion, before.metadata?.resourceVersion);
  });

  it('a bad operation id is refused before anything is read or written', async () => {
    const ref = await fresh();
    await assert.rejects(
      updateWithRetry(client, ref, plusOne, { exactlyOnce: { operationId: 'two words' } }),
      /operationId must be 1 to 64 letters/,
    );
    assert.equal(count(await client.read(ref)), 100);
  });
});
