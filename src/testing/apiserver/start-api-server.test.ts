import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { apiServerSuite } from '../../../test/support/api-server-suite.ts';
import { kubernetesVersion } from './assets.ts';
import { type RunningApiServer, startApiServer } from './start-api-server.ts';
import { get } from './wait-until-ready.ts';

describe('startApiServer (real kube-apiserver and etcd)', apiServerSuite(), () => {
  let server: RunningApiServer;
  before(async () => {
    server = await startApiServer();
    console.log(`# kube-apiserver ${kubernetesVersion} ready in ${server.startupMs.toFixed(0)} ms at ${server.url}`);
  });
  after(() => server.stop());

  it(`serves ${kubernetesVersion} on loopback over verified TLS`, async () => {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const { status, body } = await get(`${server.url}/version`, server.tls);
    assert.equal(status, 200);
    assert.equal((JSON.parse(body) as { gitVersion: string }).gitVersion, kubernetesVersion);
  });

  it('refuses a client that does not trust its CA', async () => {
    await assert.rejects(get(`${server.url}/version`), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('gives client-node a ready KubeConfig with the admin identity', async () => {
    const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
    const namespaces = await core.listNamespace();
    const names = namespaces.items.map((ns) => ns.metadata?.name);
    for (const name of ['default', 'kube-system', 'kube-public'])
      assert.ok(names.includes(name), `${name} in ${String(names)}`);
  });

  it('accepts the admin token and refuses a wrong one with 401', async () => {
    const withToken = await get(`${server.url}/api/v1/namespaces`, {
      ca: server.caPem,
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    assert.equal(withToken.status, 200);
    const wrong = await get(`${server.url}/api/v1/namespaces`, {
      ca: server.caPem,
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(wrong.status, 401);
  });

  it('writes the kubeconfig file readable by its owner only', async () => {
    const { statSync } = await import('node:fs');
    assert.equal(statSync(server.kubeconfigPath).mode & 0o777, 0o600);
  });
});

describe('startApiServer failures', apiServerSuite(), () => {
  it('reports a crash during start-up as a crash, with the log, and cleans up', async () => {
    let directory = '';
    await assert.rejects(
      startApiServer({ extraApiServerArgs: ['--no-such-flag=1'] }).then((s) => (directory = s.directory)),
      (error: Error) => {
        assert.match(error.message, /kube-apiserver exited during start-up/);
        assert.match(error.message, /unknown flag: --no-such-flag/);
        return true;
      },
    );
    assert.equal(directory, '');
  });

  it('stop() ends the processes and removes the directory', async () => {
    const server = await startApiServer();
    assert.ok(existsSync(server.directory));
    await server.stop();
    assert.equal(existsSync(server.directory), false);
    await assert.rejects(get(`${server.url}/version`, server.tls), { code: 'ECONNREFUSED' });
    await server.stop(); // idempotent
  });
});

describe('startApiServer without binaries', () => {
  it('says how to get them', async () => {
    await assert.rejects(startApiServer({ assetsDirectory: '/nonexistent' }), {
      message:
        /kube-apiserver binaries not found: \/nonexistent\/kube-apiserver.*npx kubeconflict build-apiserver.*KUBECONFLICT_APISERVER_ASSETS/s,
    });
  });
});
