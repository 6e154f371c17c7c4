import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, beforeEach, describe, it } from 'node:test';
import { classify } from '../core/errors/classify.ts';
import type { HookAction, HookedRequest } from '../testing/server/request-hook.ts';
import type { KubeObject } from '../core/object.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { KubeConfig } from '@kubernetes/client-node';
import { kubeObjectClient } from './kube-object-client.ts';
import { KubeTransport } from './kube-transport.ts';
import { readRetryBackoff, type TransportRetry } from './transport-retry.ts';

const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'retried' };
const countOf = (object: KubeObject) => (object as { data?: Record<string, string> }).data?.n ?? '';
const throttled = (retryAfter?: string): HookAction => ({
  respond: {
    status: 429,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      ...(retryAfter !== undefined && { 'retry-after': retryAfter }),
    },
    body: 'Too many requests, please try again later.\n',
  },
});
const unavailable = (retryAfter?: string): HookAction => ({
  respond: {
    status: 503,
    headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
    body: JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'ServiceUnavailable',
      code: 503,
    }),
  },
});

describe('KubeTransport retries what is safe to send again, and nothing else', () => {
  let server: TestServer;
  /** Actions for the next requests of one verb, in order; later requests are served. */
  let planned: { verb: string; actions: HookAction[] };
  const seen: string[] = [];
  before(async () => {
    server = await startTestServer({
      hook: (request: HookedRequest) => {
        if (request.name !== ref.name) return undefined;
        seen.push(request.verb ?? '');
        return request.verb === planned.verb ? planned.actions.shift() : undefined;
      },
    });
    const client = kubeObjectClient(server.kubeConfig);
    await client.create({ ...ref, metadata: { name: ref.name, namespace: ref.namespace }, data: { n: '0' } });
    client.transport.close();
  });
  after(() => server.stop());
  beforeEach(() => {
    seen.length = 0;
    planned = { verb: '', actions: [] };
  });

  const clientTelling = (retries: TransportRetry[], options = {}) =>
    kubeObjectClient(server.kubeConfig, { onRetry: (retry) => retries.push(retry), ...options });

  it('sends a write refused with 429 and Retry-After again, after the time asked', async () => {
    const retries: TransportRetry[] = [];
    const client = clientTelling(retries);
    const current = await client.read(ref);
    planned = { verb: 'update', actions: [throttled('0'), unavailable('0')] };
    const stored = await client.replace({ ...current, data: { n: '1' } });
    assert.equal(countOf(stored), '1');
    assert.deepEqual(seen, ['get', 'update', 'update', 'update']);
    assert.deepEqual(
      retries.map(({ method, kind, attempt, delayMs }) => [method, kind, attempt, delayMs]),
      [
        ['PUT', 'TooManyRequests', 1, 0],
        ['PUT', 'ServerError', 2, 0],
      ],
    );
    client.transport.close();
  });

  it('never sends a write again after a 5xx without Retry-After, a reset or a timeout: it may have committed', async () => {
    const client = kubeObjectClient(server.kubeConfig, { requestTimeoutMs: 100 });
    for (const [action, kind] of [
      [unavailable(), 'ServerError'],
      [{ resetConnection: 'after' }, 'Network'],
      [{ resetConnection: 'after', holdMs: 1_000 }, 'Timeout'],
    ] as const) {
      const current = await client.read(ref);
      seen.length = 0;
      planned = { verb: 'update', actions: [action] };
      await assert.rejects(
        client.replace({ ...current, data: { n: `${countOf(current)}+` } }),
        (error) => classify(error) === kind,
      );
      assert.deepEqual(seen, ['update'], `one PUT after ${kind}`);
    }
    client.transport.close();
  });

  it('sends a read again after 5xx, resets and timeouts, with a growing pause', async () => {
    const retries: TransportRetry[] = [];
    const client = clientTelling(retries, { requestTimeoutMs: 100 });
    planned = {
      verb: 'get',
      actions: [unavailable(), { resetConnection: 'before' }, { delayMs: 1_000 }, throttled()],
    };
    assert.equal((await client.read(ref)).metadata?.name, ref.name);
    assert.deepEqual(
      retries.map((r) => r.kind),
      ['ServerError', 'Network', 'Timeout', 'TooManyRequests'],
    );
    assert.ok(
      retries.every((r, i) => r.delayMs <= 50 * 2 ** i),
      'read pauses stay within 50 ms doubling',
    );
    client.transport.close();
  });

  it('stops after maxRetries and throws the last failure', async () => {
    const client = kubeObjectClient(server.kubeConfig, { maxRetries: 2 });
    const current = await client.read(ref);
    planned = { verb: 'update', actions: [throttled('0'), throttled('0'), throttled('0'), throttled('0')] };
    await assert.rejects(client.replace(current), (error) => classify(error) === 'TooManyRequests');
    assert.equal(seen.filter((verb) => verb === 'update').length, 3);
    client.transport.close();
  });

  it('an abort during the Retry-After pause ends the request with the abort reason', async () => {
    const client = kubeObjectClient(server.kubeConfig);
    const current = await client.read(ref);
    planned = { verb: 'update', actions: [throttled('30')] };
    const controller = new AbortController();
    const writing = client.replace(current, controller.signal);
    setTimeout(() => {
      controller.abort(new Error('caller gave up'));
    }, 50);
    await assert.rejects(writing, { message: 'caller gave up' });
    client.transport.close();
  });

  it('refuses bad options with what to pass instead', () => {
    assert.throws(() => kubeObjectClient(server.kubeConfig, { requestTimeoutMs: 0 }), /requestTimeoutMs must be/);
    assert.throws(() => kubeObjectClient(server.kubeConfig, { maxRetries: -1 }), /maxRetries must be/);
  });
});

describe('readRetryBackoff', () => {
  it('pauses 50 ms doubling to 1 s, then 1 s, each between half and all of it (equal jitter)', () => {
    const pauses = (random: () => number) => Array.from({ length: 8 }, readRetryBackoff.delayFunc(random));
    assert.deepEqual(
      pauses(() => 0),
      [25, 50, 100, 200, 400, 500, 500, 500],
    );
    assert.deepEqual(
      pauses(() => 0.5),
      [37.5, 75, 150, 300, 600, 750, 750, 750],
    );
  });
});

describe('KubeTransport against a server that never completes the TCP handshake', () => {
  it('times out the connection attempt too', { timeout: 30_000 }, async (t) => {
    // A listener whose accept queue is full: further SYNs are dropped, connects hang.
    const listener = spawn('python3', ['-c', fullBacklogListener], { stdio: ['ignore', 'pipe', 'inherit'] });
    t.after(() => listener.kill());
    const [line] = (await once(listener.stdout, 'data')) as [Buffer];
    const port = Number(line.toString().trim());
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: `http://127.0.0.1:${String(port)}`, skipTLSVerify: true }], // client-node's rule for http
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const transport = new KubeTransport(kubeConfig, { requestTimeoutMs: 300, maxRetries: 0 });
    await assert.rejects(
      transport.request({ method: 'PUT', path: '/api/v1/namespaces/default/configmaps/x', body: {} }),
      (error) => classify(error) === 'Timeout',
    );
    transport.close();
  });
});

const fullBacklogListener = `
import socket, time
server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen(0)
port = server.getsockname()[1]
fillers = []
for _ in range(4):
    filler = socket.socket()
    filler.setblocking(False)
    try:
        filler.connect(('127.0.0.1', port))
    except BlockingIOError:
        pass
    fillers.append(filler)
print(port, flush=True)
time.sleep(60)
`;
