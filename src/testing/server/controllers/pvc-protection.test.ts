// A deleted PersistentVolumeClaim stays Terminating while a Pod uses it and goes when the
// Pod does, as kube-controller-manager's pvc-protection controller lets it; without the
// controllers it stays, as on a kube-apiserver alone.
import { send } from '../../../../test/support/raw-http.ts';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../../../client/kube-object-client.ts';
import { isNotFound } from '../../../core/errors/classify.ts';
import type { ObjectRef } from '../../../core/object.ts';
import { startTestServer, type TestServer } from '../start-test-server.ts';
import { pvcProtectionFinalizer } from './pvc-protection.ts';

const claimRef = (name: string): ObjectRef => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  namespace: 'default',
  name,
});
const podRef = (name: string): ObjectRef => ({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name });

const claim = (name: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});
const podUsing = (name: string, claimName: string, nodeName?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    ...(nodeName !== undefined && { nodeName }),
    containers: [{ name: 'app', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
  },
});

/** DELETE with gracePeriodSeconds 0: a scheduled Pod goes at once, as a kubelet would let it. */
async function deleteAtOnce(server: TestServer, ref: ObjectRef): Promise<void> {
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0 });
  const path = `/api/v1/namespaces/${ref.namespace ?? ''}/pods/${ref.name}`;
  const tls = { ca: server.caPem, headers: { authorization: `Bearer ${server.token}` } };
  const response = await send(
    server.url,
    { ...tls, headers: undefined },
    { method: 'DELETE', path, body, headers: tls.headers },
  );
  assert.equal(response.status, 200, response.text);
}

/** Whether the object is gone once the controllers had their turn (a few event-loop turns). */
async function goneSoon(client: KubeObjectClient, ref: ObjectRef): Promise<boolean> {
  for (let turn = 0; turn < 50; turn++) {
    try {
      await client.read(ref);
    } catch (error) {
      if (isNotFound(error)) return true;
      throw error;
    }
    await sleep(10);
  }
  return false;
}

for (const controllers of [true, false]) {
  describe(`pvc protection, controllers ${controllers ? 'on' : 'off'}`, () => {
    let server: TestServer;
    let client: KubeObjectClient;
    before(async () => {
      server = await startTestServer({ controllers });
      client = kubeObjectClient(server.kubeConfig);
    });
    after(async () => {
      await server.stop();
    });

    it(
      controllers
        ? 'a claim in use stays Terminating until its Pod goes, then it goes'
        : 'a deleted claim stays Terminating: nothing removes the protection',
      async () => {
        await client.create(claim('data'));
        await client.create(podUsing('app', 'data', 'node-1'));
        await client.delete(claimRef('data'));
        const terminating = await client.read(claimRef('data'));
        const { deletionTimestamp, finalizers } = terminating.metadata ?? {};
        assert.ok(deletionTimestamp, 'marked for deletion');
        assert.deepEqual(finalizers, [pvcProtectionFinalizer]);
        assert.equal(await goneSoon(client, claimRef('data')), false, 'held while the Pod uses it');
        await deleteAtOnce(server, podRef('app'));
        assert.equal(await goneSoon(client, claimRef('data')), controllers);
      },
    );

    if (controllers) {
      it('a Pod not scheduled yet holds no claim (test/integration/controllers-apiserver.test.ts)', async () => {
        await client.create(claim('unheld'));
        await client.create(podUsing('waiting', 'unheld'));
        await client.delete(claimRef('unheld'));
        assert.equal(await goneSoon(client, claimRef('unheld')), true);
      });
    }
  });
}
