// The seed scenario on the real kube-apiserver, with @kubernetes/client-node (docs/LAB.md):
// five workers increment label biz-version of one Deployment from 101.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { DefaultRetry, isConflict, retryOnConflict } from '../../src/index.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { Barrier } from '../support/barrier.ts';
import { demoDeployment, integerLabel } from '../support/demo-deployment.ts';

const namespace = 'default';
const label = 'biz-version';
const start = 101;
const workers = 5;

describe('seed scenario on the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  let apps: k8s.AppsV1Api;
  before(async () => {
    server = await startApiServer();
    apps = server.kubeConfig.makeApiClient(k8s.AppsV1Api);
  });
  after(() => server.stop());

  async function withDeployment(name: string, run: () => Promise<void>): Promise<number> {
    await apps.createNamespacedDeployment({ namespace, body: demoDeployment(name, label, start) });
    try {
      await run();
      return integerLabel(await apps.readNamespacedDeployment({ name, namespace }), label);
    } finally {
      await apps.deleteNamespacedDeployment({ name, namespace });
    }
  }

  /** One read-modify-write; every worker has read before any writes, when `barrier` is given. */
  async function increment(name: string, options: { keepResourceVersion: boolean; barrier?: Barrier }) {
    const deployment = await apps.readNamespacedDeployment({ name, namespace });
    await options.barrier?.arrive();
    const labels = deployment.metadata?.labels ?? {};
    labels[label] = String(integerLabel(deployment, label) + 1);
    if (!options.keepResourceVersion) delete deployment.metadata?.resourceVersion;
    return apps.replaceNamespacedDeployment({ name, namespace, body: deployment });
  }

  it('naive read-modify-write (with the read resourceVersion): 409s, failed workers, missing increments', async () => {
    const barrier = new Barrier(workers);
    let results: PromiseSettledResult<unknown>[] = [];
    const final = await withDeployment('naive', async () => {
      results = await Promise.allSettled(
        Array.from({ length: workers }, () => increment('naive', { keepResourceVersion: true, barrier })),
      );
    });
    const failed = results.filter((r) => r.status === 'rejected');
    assert.ok(
      failed.every((r) => isConflict(r.reason)),
      'every failure is a 409 Conflict',
    );
    // All five read the same version before anyone wrote, so exactly one write can land.
    assert.equal(failed.length, workers - 1);
    assert.equal(final, start + 1);
    assert.equal(start + workers - final, failed.length, 'each missing increment is a worker that knows it failed');
  });

  it('blind writes (resourceVersion dropped): every worker told it succeeded, increments silently lost', async () => {
    const barrier = new Barrier(workers);
    let results: PromiseSettledResult<unknown>[] = [];
    const final = await withDeployment('blind', async () => {
      results = await Promise.allSettled(
        Array.from({ length: workers }, () => increment('blind', { keepResourceVersion: false, barrier })),
      );
    });
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    assert.equal(succeeded, workers, 'the server acknowledged every unconditional update');
    assert.equal(final, start + 1, 'every worker wrote 102');
    const lostUpdates = succeeded - (final - start);
    assert.equal(lostUpdates, workers - 1);
  });

  it('retryOnConflict(DefaultRetry, …): final 106, every worker succeeded', async () => {
    const barrier = new Barrier(workers);
    const attempts: number[] = [];
    const final = await withDeployment('retry', async () => {
      await Promise.all(
        Array.from({ length: workers }, () =>
          retryOnConflict(DefaultRetry, async ({ attempt }) => {
            const result = await increment('retry', {
              keepResourceVersion: true,
              ...(attempt === 1 && { barrier }),
            });
            attempts.push(attempt);
            return result;
          }),
        ),
      );
    });
    assert.equal(final, start + workers);
    assert.equal(attempts.length, workers);
    // The first round collides for certain: all five read the same version.
    assert.ok(Math.max(...attempts) >= 2, `attempts ${String(attempts)}`);
  });
});
