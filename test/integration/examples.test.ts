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
const examplePath = (name: string) => fileURLToPath(new URL(`../../examples/${name}.ts`, import.meta.url));
const example = examplePath('retry-on-conflict');

describe('examples/ on the real kube-apiserver', apiServerSuite(), () => {
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

  const runNamed = (name: string, ...args: string[]) =>
    run(process.execPath, [examplePath(name), ...args], { env: programEnv({ KUBECONFIG: server.kubeconfigPath }) });

  it('create-or-update.ts creates the ConfigMap, then merges new keys into it, from concurrent runs', async () => {
    const first = await runNamed('create-or-update', 'default', 'app-settings', 'mode=fast');
    assert.match(first.stdout, /^default\/app-settings: created \(1 attempt\)\n$/);
    await Promise.all(
      ['a=1', 'b=2', 'c=3'].map((pair) => runNamed('create-or-update', 'default', 'app-settings', pair)),
    );
    const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
    const stored = await core.readNamespacedConfigMap({ name: 'app-settings', namespace: 'default' });
    assert.deepEqual(stored.data, { mode: 'fast', a: '1', b: '2', c: '3' });
    await assert.rejects(runNamed('create-or-update', 'default', 'app-settings', 'novalue'), /settings are key=value/);
  });

  it('server-side-apply.ts owns the replica count; another owner is a conflict until --force', async () => {
    const conflict = (owner: RegExp) => (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, owner);
      assert.match(error.stderr, /run again with --force to take it over/);
      return true;
    };
    const apply = (...args: string[]) => runNamed('server-side-apply', 'default', 'demo-deployment', ...args);
    // The Deployment's creator (client-node's default field manager) owns the count at first.
    await assert.rejects(
      apply('3'),
      conflict(/another manager owns the replica count: .*kubernetes-client-javascript/),
    );
    assert.equal((await apply('3', '--force')).stdout, 'default/demo-deployment: replicas 3\n');
    assert.equal((await apply('3')).stdout, 'default/demo-deployment: replicas 3\n', 'its own field now');
    await apps.patchNamespacedDeployment(
      { name: 'demo-deployment', namespace: 'default', body: { spec: { replicas: 4 } }, fieldManager: 'someone-else' },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await assert.rejects(apply('5'), conflict(/someone-else/));
    assert.equal((await apply('5', '--force')).stdout, 'default/demo-deployment: replicas 5\n');
  });

  it('controller-loop.ts --once annotates every Deployment once, and writes nothing the second time', async () => {
    const first = await runNamed('controller-loop', 'default', '--once');
    assert.equal(first.stdout, 'default/demo-deployment: example.kubeconflict.dev/owner-team=unowned\n');
    const second = await runNamed('controller-loop', 'default', '--once');
    assert.equal(second.stdout, '');
  });
});
