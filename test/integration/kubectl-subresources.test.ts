// kubectl v1.36.3 on subresources and categories, against the embedded server and a real
// kube-apiserver: `scale` (a merge patch of /scale), `patch --subresource=status`,
// `get --subresource`, and `get all` (the `all` category from discovery). Each command
// must exit and print as against the real server, and leave the same objects.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { sameObjectOnBoth, sameOnBoth } from '../support/kubectl-compare.ts';
import { type KubectlServers, startKubectlServers } from '../support/kubectl-servers.ts';
import { runKubectl } from '../support/kubectl-run.ts';

const web = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
  },
};
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-pod', namespace: 'default', labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
};

describe('kubectl scale, patch --subresource, get all: embedded server as kube-apiserver', apiServerSuite(), () => {
  let servers: KubectlServers;
  const same = (...args: string[]) => sameOnBoth(servers.pair, args);
  const sameObject = (...args: string[]) => sameObjectOnBoth(servers.pair, 'json', args);

  before(async () => {
    servers = await startKubectlServers('subresources');
    for (const object of [web, pod]) {
      const manifest = join(servers.directory, `${object.metadata.name}.json`);
      writeFileSync(manifest, JSON.stringify(object));
      await same('apply', '-f', manifest);
    }
  });

  after(() => servers.stop());

  it('kubectl scale writes /scale: replicas, generation, and an owner of spec.replicas with subresource scale', async () => {
    await same('scale', 'deployment/web', '--replicas=3');
    const deployment = await sameObject('deployment', 'web');
    assert.equal((deployment.spec as { replicas: number }).replicas, 3);
    await sameObject('deployment', 'web', '--subresource=scale');
    // Printed from the server's Table: DESIRED and AVAILABLE for a Scale.
    await same('get', 'deployment', 'web', '--subresource=scale');
    // kubectl checks --current-replicas itself, from the Scale it reads.
    await same('scale', 'deployment/web', '--replicas=5', '--current-replicas=2');
  });

  it('kubectl patch --subresource=status changes status only, owned with subresource status', async () => {
    await same(
      'patch',
      'deployment',
      'web',
      '--subresource=status',
      '--type=merge',
      '-p',
      '{"status":{"replicas":2,"observedGeneration":1},"spec":{"replicas":9}}',
    );
    const deployment = await sameObject('deployment', 'web', '--subresource=status');
    assert.deepEqual(deployment.status, { observedGeneration: 1, replicas: 2 });
    await same('get', 'deployment', 'web', '--subresource=status');
  });

  it('kubectl get all lists the pods and deployments (the `all` category) the embedded server serves', async () => {
    await same('get', 'all', '-l', 'app=web', '-o', 'name');
  });

  it('kubectl discovers the embedded server with aggregated discovery: /api and /apis, nothing per group', async () => {
    const fresh = { ...servers.pair.embedded, cacheDir: join(servers.directory, 'cache-fresh') };
    const { code, stderr } = await runKubectl(fresh, ['get', 'all', '-v=6']);
    assert.equal(code, 0, stderr);
    const discovery = [
      ...stderr.matchAll(/verb="GET" url="https:\/\/[^/]+(\/apis?)(\/[^"?]*)?\?timeout=\d+s" status="(\d+)/g),
    ];
    assert.deepEqual(
      discovery.map(([, root, rest, status]) => `${root ?? ''}${rest ?? ''} ${status ?? ''}`),
      ['/api 200', '/apis 200'],
    );
  });
});
