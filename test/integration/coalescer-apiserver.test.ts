// The group-commit coalescer against the real kube-apiserver, through client-node.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { fromKubernetesObjectApi, noChange, type ObjectClient } from '../../src/index.ts';
import type { KubeObject } from '../../src/core/object.ts';
import { createCoalescer } from '../../src/strategies/coalescer.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { Barrier } from '../support/barrier.ts';
import { demoDeployment } from '../support/demo-deployment.ts';

describe('createCoalescer on the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  let client: ObjectClient;
  before(async () => {
    server = await startApiServer();
    client = fromKubernetesObjectApi(k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig));
  });
  after(() => server.stop());

  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'coalesced' };
  const increment = (deployment: KubeObject): KubeObject => {
    const labels = deployment.metadata?.labels ?? {};
    return {
      ...deployment,
      metadata: {
        ...deployment.metadata,
        labels: { ...labels, 'biz-version': String(Number(labels['biz-version']) + 1) },
      },
    };
  };

  it('50 concurrent increments from two coalescers (two processes) end at 151, no update lost', async () => {
    const { spec } = demoDeployment('coalesced', 'biz-version', 101);
    await client.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coalesced', namespace: 'default', labels: { 'biz-version': '101' } },
      spec,
    });
    // Two coalescers on one object stand for two processes: their writes conflict with each other.
    const one = createCoalescer(client, ref, { maxBatch: 10 });
    const other = createCoalescer(client, ref, { maxBatch: 10 });
    // The first call of each waits until both have read: their first writes collide for certain.
    const barrier = new Barrier(2);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? one : other).update(
          i < 2
            ? async (deployment) => {
                await barrier.arrive();
                return increment(deployment);
              }
            : increment,
        ),
      ),
    );
    assert.equal((await client.read(ref)).metadata?.labels?.['biz-version'], '151');
    assert.ok(results.every((r) => r.written));
    assert.ok(
      results.some((r) => r.attempts > 1),
      'one first write conflicted and was retried',
    );
    // 25 calls each in batches of at most 10: 3 writes per coalescer, whatever the conflicts cost.
    assert.equal(new Set(results.map((r) => r.object.metadata?.resourceVersion)).size, 6);
    await Promise.all([one.close(), other.close()]);
  });

  it('makes no write when every call changes nothing, and drops a call aborted before its write', async () => {
    const before = await client.read(ref);
    const coalescer = createCoalescer(client, ref);
    const unchanged = await coalescer.update(() => noChange);
    assert.equal(unchanged.written, false);
    assert.equal((await client.read(ref)).metadata?.resourceVersion, before.metadata?.resourceVersion);
    const controller = new AbortController();
    const reason = new Error('caller left');
    const aborted = coalescer.update(increment, { signal: controller.signal });
    controller.abort(reason);
    const kept = coalescer.update(increment);
    await assert.rejects(aborted, (error) => error === reason);
    assert.equal((await kept).object.metadata?.labels?.['biz-version'], '152', 'only the call that stayed landed');
    await coalescer.close();
  });
});
