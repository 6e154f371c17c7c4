// kubeconflict's embedded API server in your own vitest suite (jest: the same, with its own
// imports): a real Kubernetes API over HTTPS in milliseconds, so code that updates objects
// is tested against optimistic concurrency as a cluster enforces it.
//   npx vitest run examples/vitest
import * as k8s from '@kubernetes/client-node';
import { DefaultRetry, retryOnConflict } from 'kubeconflict';
import { startTestServer, type TestServer } from 'kubeconflict/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The code under test: adds one to a Deployment's biz-version label, safely. */
async function bumpVersion(apps: k8s.AppsV1Api, namespace: string, name: string): Promise<number> {
  const updated = await retryOnConflict(DefaultRetry, async () => {
    const deployment = await apps.readNamespacedDeployment({ name, namespace });
    const labels = (deployment.metadata!.labels ??= {});
    labels['biz-version'] = String(Number(labels['biz-version']) + 1);
    return apps.replaceNamespacedDeployment({ name, namespace, body: deployment });
  });
  return Number(updated.metadata!.labels!['biz-version']);
}

describe('bumpVersion', () => {
  let server: TestServer;
  let apps: k8s.AppsV1Api;
  beforeAll(async () => {
    server = await startTestServer(); // in process, HTTPS on 127.0.0.1, a random token
    apps = server.kubeConfig.makeApiClient(k8s.AppsV1Api);
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'demo', labels: { 'biz-version': '101' } },
        spec: {
          selector: { matchLabels: { app: 'demo' } },
          template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
        },
      },
    });
  });
  afterAll(() => server.stop());

  it('five concurrent bumps end at 106: none lost to a conflict', async () => {
    await Promise.all(Array.from({ length: 5 }, () => bumpVersion(apps, 'default', 'demo')));
    const deployment = await apps.readNamespacedDeployment({ name: 'demo', namespace: 'default' });
    expect(deployment.metadata?.labels?.['biz-version']).toBe('106');
  });
});
