// The kubectl built alongside kube-apiserver talks to it with the generated kubeconfig.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { kubernetesVersion, type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { demoDeployment } from '../support/demo-deployment.ts';

const run = promisify(execFile);

describe('kubectl against the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  let cacheDir: string;
  const kubectl = async (...args: string[]) => {
    const { stdout } = await run(server.assets.kubectl, [
      `--kubeconfig=${server.kubeconfigPath}`,
      `--cache-dir=${cacheDir}`,
      ...args,
    ]);
    return stdout;
  };

  before(async () => {
    server = await startApiServer();
    cacheDir = mkdtempSync(join(tmpdir(), 'kubeconflict-kubectl-cache-'));
    await server.kubeConfig.makeApiClient(k8s.AppsV1Api).createNamespacedDeployment({
      namespace: 'default',
      body: demoDeployment('demo-deployment', 'biz-version', 101),
    });
  });
  after(async () => {
    await server.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it(`kubectl version shows ${kubernetesVersion} for client and server`, async () => {
    const versions = JSON.parse(await kubectl('version', '-o', 'json')) as Record<string, { gitVersion: string }>;
    assert.equal(versions.clientVersion?.gitVersion, kubernetesVersion);
    assert.equal(versions.serverVersion?.gitVersion, kubernetesVersion);
  });

  it('kubectl get deployments -o json lists the Deployment with its label', async () => {
    const list = JSON.parse(await kubectl('get', 'deployments', '-n', 'default', '-o', 'json')) as k8s.V1DeploymentList;
    const demo = list.items.find((d) => d.metadata?.name === 'demo-deployment');
    assert.equal(demo?.metadata?.labels?.['biz-version'], '101');
  });

  it('kubectl label --overwrite changes the label, seen by client-node', async () => {
    await kubectl('label', '--overwrite', '-n', 'default', 'deployment/demo-deployment', 'biz-version=200');
    const apps = server.kubeConfig.makeApiClient(k8s.AppsV1Api);
    const deployment = await apps.readNamespacedDeployment({ name: 'demo-deployment', namespace: 'default' });
    assert.equal(deployment.metadata?.labels?.['biz-version'], '200');
  });
});
