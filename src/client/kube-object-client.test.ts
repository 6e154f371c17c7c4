import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { classify } from '../core/errors/classify.ts';
import { KubeApiError } from '../core/errors/kube-api-error.ts';
import { CertificateAuthority } from '../testing/tls/certificate-authority.ts';
import type { HookAction } from '../testing/server/request-hook.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { kubeObjectClient, type KubeObjectClient } from './kube-object-client.ts';

const ref = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name });
const configMap = (name: string, data: Record<string, string> = {}) => ({
  ...ref(name),
  metadata: { name, namespace: 'default' },
  data,
});

describe('kubeObjectClient on the embedded server', () => {
  let server: TestServer;
  let client: KubeObjectClient;
  let hook: ((path: string) => HookAction | undefined) | undefined;
  before(async () => {
    server = await startTestServer({ hook: (request) => hook?.(request.path) });
    client = kubeObjectClient(server.kubeConfig);
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });

  it('creates, reads, replaces, patches (merge, JSON, strategic, apply) and deletes', async () => {
    await client.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'crud', namespace: 'default' },
      data: { a: '1' },
    });
    const read = await client.read(ref('crud'));
    assert.deepEqual(read.data, { a: '1' });
    const replaced = await client.replace({ ...read, data: { a: '2' } });
    assert.deepEqual(replaced.data, { a: '2' });
    assert.deepEqual((await client.patch(ref('crud'), { data: { b: '3' } }, 'merge')).data, { a: '2', b: '3' });
    const json = await client.patch(
      ref('crud'),
      [
        { op: 'test', path: '/data/b', value: '3' },
        { op: 'remove', path: '/data/b' },
      ],
      'json',
    );
    assert.deepEqual(json.data, { a: '2' });
    assert.deepEqual((await client.patch(ref('crud'), { data: { c: '4' } }, 'strategic')).data, { a: '2', c: '4' });
    const applied = await client.patch(
      ref('crud'),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud', namespace: 'default' }, data: { d: '5' } },
      'apply',
      { fieldManager: 'tests' },
    );
    assert.equal((applied.data as Record<string, string>).d, '5');
    assert.ok(
      applied.metadata?.managedFields?.some((entry) => entry.manager === 'tests' && entry.operation === 'Apply'),
    );
    await client.delete(ref('crud'));
    await assert.rejects(client.read(ref('crud')), (error) => classify(error) === 'NotFound');
  });

  it('works for cluster-scoped kinds and custom resources, found by discovery', async () => {
    const namespace = await client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'discovered' } });
    assert.equal(namespace.metadata?.name, 'discovered');
    server.registerCustomResource({ group: 'lab.example.com', version: 'v1', kind: 'Counter', plural: 'counters' });
    const counter = {
      apiVersion: 'lab.example.com/v1',
      kind: 'Counter',
      metadata: { name: 'c', namespace: 'default' },
      spec: { n: 1 },
    };
    await client.create(counter);
    assert.deepEqual((await client.read({ ...counter, name: 'c', namespace: 'default' })).spec, { n: 1 });
  });

  it('reuses one connection for sequential requests', async () => {
    const fresh = kubeObjectClient(server.kubeConfig);
    await fresh.create(configMap('reuse'));
    for (let i = 0; i < 20; i++) {
      const current = await fresh.read(ref('reuse'));
      await fresh.replace({ ...current, data: { i: String(i) } });
    }
    assert.equal(fresh.transport.connectionsOpened, 1);
    fresh.transport.close();
  });

  it('watches one object, and more watches than pooled connections never starve requests', async () => {
    const small = kubeObjectClient(server.kubeConfig, { maxSockets: 2 });
    await small.create(configMap('watched'));
    const controller = new AbortController();
    const watches = Array.from({ length: 3 }, () => small.watch(ref('watched'), { signal: controller.signal }));
    const firsts = await Promise.all(watches.map((watch) => watch.next()));
    assert.deepEqual(
      firsts.map((first) => (first.done ? undefined : [first.value.type, first.value.object.metadata?.name])),
      Array.from({ length: 3 }, () => ['ADDED', 'watched']),
    );
    const current = await small.read(ref('watched'));
    await small.replace({ ...current, data: { seen: 'yes' } });
    const change = await watches[0]?.next();
    assert.equal(change?.done ? undefined : change?.value.type, 'MODIFIED');
    controller.abort();
    await Promise.all(watches.map((watch) => watch.return(undefined)));
    small.transport.close();
  });

  it('throws KubeApiError naming the request: a stale write is a Conflict', async () => {
    await client.create(configMap('stale'));
    const first = await client.read(ref('stale'));
    await client.replace({ ...first, data: { x: '1' } });
    const error = await client.replace({ ...first, data: { x: '2' } }).catch((e: unknown) => e);
    assert.ok(error instanceof KubeApiError);
    assert.equal(error.kind, 'StaleWriteConflict');
    assert.equal(error.code, 409);
    assert.match(error.message, /^409 Conflict on update configmaps default\/stale: Operation cannot be fulfilled/);
  });

  it('names what is wrong with a kind or group version the server does not have', async () => {
    await assert.rejects(client.read({ apiVersion: 'v1', kind: 'Gizmo', namespace: 'default', name: 'g' }), {
      message: 'the server has no kind Gizmo in v1; check apiVersion and kind',
    });
    await assert.rejects(client.read({ apiVersion: 'apps/v2', kind: 'Deployment', namespace: 'default', name: 'd' }), {
      message: 'the server does not serve apps/v2; check apiVersion',
    });
    await assert.rejects(client.read({ apiVersion: 'v1', kind: 'ConfigMap', name: 'no-namespace' }), {
      message: "ConfigMap is namespaced: give the object's namespace",
    });
    await assert.rejects(client.replace({ kind: 'ConfigMap', metadata: { name: 'x' } }), {
      message: 'the object needs apiVersion, kind and metadata.name',
    });
  });

  it('stops on AbortSignal, and on timeoutMs of silence from the server', async () => {
    await client.create(configMap('slow'));
    hook = (path) => (path.endsWith('/slow') ? { delayMs: 300 } : undefined);
    try {
      const controller = new AbortController();
      const reading = client.read(ref('slow'), controller.signal);
      controller.abort(new Error('caller gave up'));
      await assert.rejects(reading, { message: 'caller gave up' });
      const path = '/api/v1/namespaces/default/configmaps/slow';
      await assert.rejects(
        client.transport.request({ method: 'PUT', path, body: configMap('slow'), timeoutMs: 20 }),
        (error) => classify(error) === 'Timeout',
      );
    } finally {
      hook = undefined;
    }
  });
});

describe('KubeTransport credentials and TLS', () => {
  let server: TestServer;
  let directory: string;
  before(async () => {
    server = await startTestServer();
    directory = await mkdtemp(join(tmpdir(), 'kubeconflict-exec-'));
  });
  after(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  const configWith = (user: Record<string, unknown>, caData = Buffer.from(server.caPem ?? '').toString('base64')) => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: server.url, caData }],
      users: [{ name: 'u', ...user }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    return kubeConfig;
  };

  it('takes a token from an exec credential plugin, through client-node', async () => {
    const plugin = join(directory, 'plugin.mjs');
    const credential = {
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token: server.token },
    };
    await writeFile(plugin, `process.stdout.write(${JSON.stringify(JSON.stringify(credential))});\n`);
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: process.execPath,
      args: [plugin],
      interactiveMode: 'Never',
    };
    const client = kubeObjectClient(configWith({ exec }));
    await client.create(configMap('from-exec'));
    assert.equal((await client.read(ref('from-exec'))).metadata?.name, 'from-exec');
    client.transport.close();
  });

  it('refuses a server whose certificate the kubeconfig CA did not sign', async () => {
    const otherCa = await CertificateAuthority.create('not the server CA');
    const client = kubeObjectClient(
      configWith({ token: server.token }, Buffer.from(otherCa.certificatePem).toString('base64')),
    );
    await assert.rejects(client.read(ref('anything')), (error: Error) => {
      assert.match(error.message, /^GET \/api\/v1: .*(certificate|self.signed|verify)/i);
      return true;
    });
    client.transport.close();
  });

  it('a wrong token is 401 Unauthorized, not retried', async () => {
    const client = kubeObjectClient(configWith({ token: 'wrong' }));
    await assert.rejects(client.read(ref('anything')), (error) => classify(error) === 'Unauthorized');
    client.transport.close();
  });
});

describe('KubeTransport on a kept connection the server resets', () => {
  let server: TestServer;
  let reset: string | undefined;
  before(async () => {
    server = await startTestServer({
      hook: (request) => {
        if (reset === undefined || request.method !== reset) return undefined;
        reset = undefined;
        return { resetConnection: 'before' };
      },
    });
  });
  after(() => server.stop());

  it('sends a read again on a fresh connection, once', async () => {
    const client = kubeObjectClient(server.kubeConfig);
    await client.create(configMap('reset'));
    reset = 'GET';
    assert.equal((await client.read(ref('reset'))).metadata?.name, 'reset');
    assert.equal(client.transport.connectionsOpened, 2);
    client.transport.close();
  });

  it('never sends a write again: its outcome is unknown', async () => {
    const client = kubeObjectClient(server.kubeConfig);
    const current = await client.read(ref('reset'));
    reset = 'PUT';
    await assert.rejects(client.replace({ ...current, data: { x: '1' } }), (error) => classify(error) === 'Network');
    client.transport.close();
  });
});

describe('KubeTransport with TLS verification turned off by the kubeconfig', () => {
  it('works, and warns once that the server is not verified', async () => {
    const server = await startTestServer();
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => {
      if (warning.code === 'KUBECONFLICT_INSECURE_TLS') warnings.push(warning.message);
    };
    process.on('warning', onWarning);
    try {
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromOptions({
        clusters: [{ name: 'c', server: server.url, skipTLSVerify: true }],
        users: [{ name: 'u', token: server.token }],
        contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
        currentContext: 'x',
      });
      const client = kubeObjectClient(kubeConfig);
      await client.create(configMap('insecure'));
      await client.read(ref('insecure'));
      client.transport.close();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(warnings.length, 1);
      assert.match(
        warnings[0] ?? '',
        /^TLS verification is off for https:\/\/127\.0\.0\.1:\d+ \(insecure-skip-tls-verify/,
      );
    } finally {
      process.off('warning', onWarning);
      await server.stop();
    }
  });
});
