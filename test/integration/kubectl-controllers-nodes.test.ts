// kubectl v1.36.3 on ReplicationControllers and Nodes, against the embedded server and a
// real kube-apiserver: `get -o wide` (the servers' printers), `scale` (the Scale of a
// label-map selector), `cordon` and `uncordon` (a patch of spec.unschedulable), `delete`.
// Each command must exit and print as against the real server, and leave the same objects.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { sameObjectOnBoth, sameOnBoth } from '../support/kubectl-compare.ts';
import { type KubectlServers, startKubectlServers } from '../support/kubectl-servers.ts';

const controller = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'web-rc', namespace: 'default' },
  spec: {
    template: {
      metadata: { labels: { app: 'web', tier: 'front' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
    },
  },
};
const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'worker-1', labels: { 'node-role.kubernetes.io/worker': '' } },
  status: {
    capacity: { cpu: '4', memory: '8Gi' },
    addresses: [{ type: 'InternalIP', address: '10.0.0.11' }],
    nodeInfo: { kubeletVersion: 'v1.36.3', osImage: 'Debian GNU/Linux 12', architecture: 'amd64' },
  },
};

describe('kubectl on replicationcontrollers and nodes: embedded server as kube-apiserver', apiServerSuite(), () => {
  let servers: KubectlServers;
  const same = (...args: string[]) => sameOnBoth(servers.pair, args);
  const sameObject = (...args: string[]) => sameObjectOnBoth(servers.pair, 'json', args);

  before(async () => {
    servers = await startKubectlServers('rc-nodes');
    for (const object of [controller, node]) {
      const manifest = join(servers.directory, `${object.metadata.name}.json`);
      writeFileSync(manifest, JSON.stringify(object));
      await same('create', '-f', manifest);
    }
  });

  after(() => servers.stop());

  it('a ReplicationController: defaulted selector, printed wide, scaled through /scale, deleted', async () => {
    await same('get', 'rc', '-o', 'wide');
    await same('scale', 'rc/web-rc', '--replicas=3');
    const scaled = await sameObject('rc', 'web-rc');
    assert.equal((scaled.spec as { replicas: number }).replicas, 3);
    await sameObject('rc', 'web-rc', '--subresource=scale');
    await same('get', 'replicationcontroller', 'web-rc', '--subresource=scale');
    await same('delete', 'rc', 'web-rc');
    await same('get', 'rc');
  });

  it('a Node: printed wide, cordoned and uncordoned, deleted', async () => {
    await same('get', 'nodes', '-o', 'wide');
    await same('cordon', 'worker-1');
    await same('get', 'no');
    const cordoned = await sameObject('node', 'worker-1');
    assert.equal((cordoned.spec as { unschedulable?: boolean }).unschedulable, true);
    await same('uncordon', 'worker-1');
    await same('delete', 'node', 'worker-1');
    await same('get', 'nodes');
  });
});
