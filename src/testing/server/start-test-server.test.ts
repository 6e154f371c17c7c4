import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { get } from '../apiserver/wait-until-ready.ts';
import { startTestServer } from './start-test-server.ts';

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('startTestServer', () => {
  it('serves HTTPS on loopback that client-node reaches with verification on', async () => {
    const started = performance.now();
    const server = await startTestServer();
    const startupMs = performance.now() - started;
    try {
      assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(startupMs < 5_000, `started in ${startupMs.toFixed(0)} ms`);
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      const names = (await core.listNamespace()).items.map((ns) => ns.metadata?.name);
      assert.deepEqual(names, ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
      await assert.rejects(get(`${server.url}/version`), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
      assert.equal(statSync(server.kubeconfigPath).mode & 0o777, 0o600);
    } finally {
      await server.stop();
    }
  });

  it('refuses to bind anywhere but loopback', async () => {
    await assert.rejects(startTestServer({ host: '0.0.0.0' }), {
      name: 'RangeError',
      message: 'startTestServer binds to loopback only (127.0.0.1 or ::1); got host 0.0.0.0',
    });
  });

  it('refuses bad ports and tokens', async () => {
    await assert.rejects(startTestServer({ port: 70_000 }), { message: /port must be an integer from 0 to 65535/ });
    await assert.rejects(startTestServer({ token: 'has space' }), { message: /token must be a non-empty string/ });
  });

  it('the kubeconfig carries the token; a wrong one gets 401, none gets 403', async () => {
    const server = await startTestServer({ token: 's3cret' });
    try {
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      assert.equal((await core.listNamespace()).items.length, 4);
      assert.equal(server.token, 's3cret');
      const ca = server.caPem;
      const wrong = await get(`${server.url}/api/v1/namespaces`, { ca, headers: { authorization: 'Bearer nope' } });
      assert.equal(wrong.status, 401);
      assert.equal((JSON.parse(wrong.body) as { reason: string }).reason, 'Unauthorized');
      const anonymous = await get(`${server.url}/api/v1/namespaces`, { ca });
      assert.equal(anonymous.status, 403);
      assert.match(anonymous.body, /User \\"system:anonymous\\" cannot list resource \\"namespaces\\"/);
    } finally {
      await server.stop();
    }
  });

  it('serves plain HTTP only when asked', async () => {
    const server = await startTestServer({ tls: false });
    try {
      assert.match(server.url, /^http:\/\//);
      assert.equal((await get(`${server.url}/api/v1/namespaces`, bearer(server.token))).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('stop() ends open watches and refuses new connections', async () => {
    const server = await startTestServer({ tls: false });
    const watching = get(`${server.url}/api/v1/namespaces?watch=true`, bearer(server.token), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.stop();
    await watching.then(
      () => undefined,
      () => undefined,
    );
    await assert.rejects(get(`${server.url}/version`), { code: 'ECONNREFUSED' });
    await server.stop();
  });

  it('serves registered custom resources and refuses bad registrations', async () => {
    const server = await startTestServer({ tls: false });
    try {
      server.registerCustomResource({ group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets' });
      assert.equal(
        (await get(`${server.url}/apis/example.com/v1/namespaces/default/widgets`, bearer(server.token))).status,
        200,
      );
      assert.throws(() => {
        server.registerCustomResource({ group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets' });
      }, /already registered/);
      assert.throws(() => {
        server.registerCustomResource({ group: 'nodots', version: 'v1', kind: 'X', plural: 'xs' });
      }, /group must be a DNS subdomain with a dot/);
    } finally {
      await server.stop();
    }
  });
});
