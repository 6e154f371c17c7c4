// kubectl v1.36.3's `delete --cascade=background|foreground|orphan` against the embedded
// server with its controllers on: what a cluster's garbage collector leaves, as the
// Kubernetes documentation ("Use Cascading Deletion in a Cluster") describes it. kube-apiserver
// alone runs no garbage collector, so there is nothing to compare with here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { type KubectlTarget, runKubectl } from '../support/kubectl-run.ts';

describe('kubectl delete --cascade on the embedded server with controllers', apiServerSuite(), () => {
  let directory: string;
  let server: TestServer;
  let target: KubectlTarget;

  const kubectl = async (...args: string[]) => {
    const outcome = await runKubectl(target, args);
    assert.equal(outcome.code, 0, `kubectl ${args.join(' ')}: ${outcome.stderr}`);
    return outcome.stdout;
  };
  /** A Deployment and, owned by it, a Pod and a ConfigMap (a Pod that blocks its owner, maybe held). */
  const deploymentWithDependents = async (name: string, podFinalizers: string[] = []) => {
    await kubectl('create', 'deployment', name, '--image=nginx:1.27');
    const uid = await kubectl('get', 'deployment', name, '-o', 'jsonpath={.metadata.uid}');
    const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name, uid };
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${name}-pod`,
        ownerReferences: [{ ...owner, controller: true, blockOwnerDeletion: true }],
        ...(podFinalizers.length > 0 && { finalizers: podFinalizers }),
      },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    };
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${name}-config`, ownerReferences: [owner] },
    };
    const manifest = join(directory, `${name}.yaml`);
    writeFileSync(manifest, `${JSON.stringify(pod)}\n---\n${JSON.stringify(configMap)}\n`);
    await kubectl('create', '-f', manifest);
  };
  const exists = async (kind: string, name: string) =>
    (await kubectl('get', kind, '--ignore-not-found', '-o', 'name')).includes(`/${name}\n`);

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'kubeconflict-kubectl-cascade-'));
    server = await startTestServer();
    target = { kubeconfig: server.kubeconfigPath, cacheDir: join(directory, 'cache') };
  });

  after(async () => {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('--cascade=background: the Deployment goes, then what it owns', async () => {
    await deploymentWithDependents('bg');
    await kubectl('delete', 'deployment', 'bg', '--cascade=background');
    await kubectl('wait', '--for=delete', 'pod/bg-pod', 'configmap/bg-config', '--timeout=30s');
    assert.equal(await exists('deployment', 'bg'), false);
  });

  it('--cascade=foreground: the Deployment waits, Terminating, for the Pod that blocks it', async () => {
    await deploymentWithDependents('fg', ['example.com/hold']);
    await kubectl('delete', 'deployment', 'fg', '--cascade=foreground', '--wait=false');
    const finalizers = await kubectl('get', 'deployment', 'fg', '-o', 'jsonpath={.metadata.finalizers}');
    assert.equal(finalizers, '["foregroundDeletion"]');
    assert.equal(await exists('configmap', 'fg-config'), false);
    const podDeletion = await kubectl('get', 'pod', 'fg-pod', '-o', 'jsonpath={.metadata.deletionTimestamp}');
    assert.notEqual(podDeletion, '');
    await kubectl('patch', 'pod', 'fg-pod', '--type=merge', '-p', '{"metadata":{"finalizers":null}}');
    await kubectl('wait', '--for=delete', 'deployment/fg', 'pod/fg-pod', '--timeout=30s');
  });

  it('--cascade=foreground with nothing holding the dependents: kubectl waits until all are gone', async () => {
    await deploymentWithDependents('fg-free');
    await kubectl('delete', 'deployment', 'fg-free', '--cascade=foreground');
    assert.equal(await exists('deployment', 'fg-free'), false);
    assert.equal(await exists('pod', 'fg-free-pod'), false);
    assert.equal(await exists('configmap', 'fg-free-config'), false);
  });

  it('--cascade=orphan: the Deployment goes; what it owned stays, without the reference', async () => {
    await deploymentWithDependents('or');
    await kubectl('delete', 'deployment', 'or', '--cascade=orphan');
    assert.equal(await exists('deployment', 'or'), false);
    const owners = await kubectl(
      'get',
      'pod/or-pod',
      'configmap/or-config',
      '-o',
      'jsonpath={.items[*].metadata.name} {.items[*].metadata.ownerReferences}',
    );
    assert.equal(owners, 'or-pod or-config ');
  });
});
