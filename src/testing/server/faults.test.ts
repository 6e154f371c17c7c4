import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { classify } from '../../core/errors/classify.ts';
import { kubeObjectClient, type KubeObjectClient } from '../../client/kube-object-client.ts';
import { type FaultKind, faultInjector, faultKinds } from './faults.ts';
import type { HookedRequest } from './request-hook.ts';
import { startTestServer, type TestServer } from './start-test-server.ts';

const get: HookedRequest = {
  method: 'GET',
  path: '/api/v1/namespaces/default/configmaps/x',
  verb: 'get',
  resource: 'configmaps',
  namespace: 'default',
  name: 'x',
};

describe('faultInjector', () => {
  it('is replayable: the same seed gives the same faults for the same requests', async () => {
    const decisions = async (seed: number) => {
      const injector = faultInjector({ rate: 0.3, seed });
      const actions = [];
      for (let i = 0; i < 200; i++) actions.push(JSON.stringify(await injector.hook(get)));
      return actions;
    };
    assert.deepEqual(await decisions(7), await decisions(7));
    assert.notDeepEqual(await decisions(7), await decisions(8));
  });

  it('injects at the rate asked, every kind about equally, and counts what it injected', async () => {
    const injector = faultInjector({ rate: 0.1, seed: 3 });
    let faulted = 0;
    for (let i = 0; i < 20_000; i++) if ((await injector.hook(get)) !== undefined) faulted++;
    const counts = injector.counts();
    assert.equal(
      Object.values(counts).reduce((a, b) => a + b, 0),
      faulted,
    );
    assert.ok(faulted > 1_800 && faulted < 2_200, `about 10% of 20,000: ${String(faulted)}`);
    for (const kind of faultKinds) assert.ok(counts[kind] > 150, `${kind}: ${String(counts[kind])}`);
  });

  it('leaves watches alone, and injects nothing while inactive', async () => {
    const injector = faultInjector({ rate: 1 });
    assert.equal(await injector.hook({ ...get, verb: 'watch' }), undefined);
    injector.active = false;
    assert.equal(await injector.hook(get), undefined);
  });

  it('refuses bad options, naming the option and what it takes', () => {
    assert.throws(() => faultInjector({ rate: 10 }), /fault rate must be from 0 to 1 \(0.1 is 10%\); got 10/);
    assert.throws(() => faultInjector({ rate: Number.NaN }), /fault rate must be from 0 to 1/);
    assert.throws(() => faultInjector({ rate: 0.1, seed: 1.5 }), /fault seed must be an integer/);
    assert.throws(
      () => faultInjector({ rate: 0.1, kinds: ['latency', 'meteor' as FaultKind] }),
      /fault kinds must be some of latency, error500.*; got latency, meteor/,
    );
    assert.throws(() => faultInjector({ rate: 0.1, holdMs: -1 }), /holdMs must be a number ≥ 0/);
  });
});

describe('each injected fault, as a client meets it on the embedded server', () => {
  let server: TestServer;
  let kind: FaultKind | undefined;
  let client: KubeObjectClient;
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'faulted' };
  const valueOf = async () => ((await client.read(ref)) as { data?: Record<string, string> }).data?.n;
  before(async () => {
    // One kind at a time, on PUTs only, chosen by the test.
    const injectors = new Map(
      faultKinds.map((k) => [k, faultInjector({ rate: 1, kinds: [k], holdMs: 500, retryAfterSeconds: 0 })]),
    );
    server = await startTestServer({
      hook: (request) => (request.verb === 'update' && kind ? injectors.get(kind)?.hook(request) : undefined),
    });
    client = kubeObjectClient(server.kubeConfig, { requestTimeoutMs: 200, maxRetries: 0 });
    await client.create({ ...ref, metadata: { name: ref.name, namespace: ref.namespace }, data: { n: '0' } });
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });

  const write = async (n: string) => {
    const current = await client.read(ref);
    return client.replace({ ...current, data: { n } });
  };
  const outcome = async (fault: FaultKind, n: string) => {
    kind = fault;
    try {
      await write(n);
      return 'ok';
    } catch (error) {
      return classify(error);
    } finally {
      kind = undefined;
    }
  };

  it('error500, error503, throttle429 and resetBeforeCommit refuse the write: nothing is stored', async () => {
    assert.equal(await outcome('error500', 'a'), 'ServerError');
    assert.equal(await outcome('error503', 'b'), 'ServerError');
    assert.equal(await outcome('throttle429', 'c'), 'TooManyRequests');
    assert.equal(await outcome('resetBeforeCommit', 'd'), 'Network');
    assert.equal(await valueOf(), '0');
  });

  it('resetAfterCommit and timeoutAfterCommit store the write though the client hears a failure', async () => {
    assert.equal(await outcome('resetAfterCommit', 'e'), 'Network');
    assert.equal(await valueOf(), 'e');
    assert.equal(await outcome('timeoutAfterCommit', 'f'), 'Timeout');
    assert.equal(await valueOf(), 'f');
  });

  it('latency and slowBody only slow the write down', async () => {
    assert.equal(await outcome('latency', 'g'), 'ok');
    assert.equal(await outcome('slowBody', 'h'), 'ok');
    assert.equal(await valueOf(), 'h');
  });
});
