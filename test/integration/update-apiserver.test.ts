// updateWithRetry and createOrUpdate against the real kube-apiserver, through client-node.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { createOrUpdate, fromKubernetesObjectApi, type ObjectClient, updateWithRetry } from '../../src/index.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { Barrier } from '../support/barrier.ts';
import { demoDeployment } from '../support/demo-deployment.ts';

describe('update helpers on the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  let client: ObjectClient;
  before(async () => {
    server = await startApiServer();
    client = fromKubernetesObjectApi(k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig));
  });
  after(() => server.stop());

  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'helpers' };

  it('five updateWithRetry calls that all read the same version end at 106, every conflict retried', async () => {
    const { spec } = demoDeployment('helpers', 'biz-version', 101);
    await client.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'helpers', namespace: 'default', labels: { 'biz-version': '101' } },
      spec,
    });
    const barrier = new Barrier(5);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => {
        let first = true;
        return updateWithRetry(client, ref, async (deployment) => {
          if (first) {
            first = false;
            await barrier.arrive();
          }
          const labels = deployment.metadata?.labels ?? {};
          return {
            ...deployment,
            metadata: {
              ...deployment.metadata,
              labels: { ...labels, 'biz-version': String(Number(labels['biz-version']) + 1) },
            },
          };
        });
      }),
    );
    const stored = await client.read(ref);
    assert.equal(stored.metadata?.labels?.['biz-version'], '106');
    assert.ok(results.reduce((sum, r) => sum + r.conflicts, 0) >= 4, 'the first round collides for certain');
  });

  it('createOrUpdate creates then updates a ConfigMap', async () => {
    const cmRef = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'settings' };
    const created = await createOrUpdate(client, cmRef, (object) => ({ ...object, data: { a: '1' } }));
    const updated = await createOrUpdate(client, cmRef, (object) => ({ ...object, data: { a: '2' } }));
    assert.deepEqual([created.operation, updated.operation], ['created', 'updated']);
    assert.deepEqual((await client.read(cmRef)).data, { a: '2' });
  });
});
