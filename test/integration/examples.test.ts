// The README's quick start, as examples/retry-on-conflict.ts, run as a user would: a
// separate Node process importing the built package, against the real kube-apiserver.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { demoDeployment } from '../support/demo-deployment.ts';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../../examples/retry-on-conflict.ts', import.meta.url));

describe('examples/retry-on-conflict.ts on the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  let apps: k8s.AppsV1Api;
  before(async () => {
    server = await startApiServer();
    apps = server.kubeConfig.makeApiClient(k8s.AppsV1Api);
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: demoDeployment('demo-deployment', 'biz-version', 101),
    });
  });
  after(() => server.stop());

  const runExample = (...args: string[]) =>
    run(process.execPath, [example, ...args], { env: programEnv({ KUBECONFIG: server.kubeconfigPath }) });

  it('five concurrent runs of the example end at 106', async () => {
    const outputs = await Promise.all(Array.from({ length: 5 }, () => runExample('default', 'demo-deployment')));
    for (const { stdout } of outputs) assert.match(stdout, /^biz-version is now 10[2-6]\n$/);
    const deployment = await apps.readNamespacedDeployment({ name: 'demo-deployment', namespace: 'default' });
    assert.equal(deployment.metadata?.labels?.['biz-version'], '106');
  });

  it('reports a missing Deployment with what happened, and exits 1', async () => {
    await assert.rejects(runExample('default', 'nope'), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(
        error.stderr,
        /404 NotFound on update deployments\.apps default\/nope: deployments\.apps "nope" not found/,
      );
      return true;
    });
  });
});
