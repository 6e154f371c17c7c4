// The real k8s.io/client-go (bench/client-go-peer) against the embedded server: its typed
// clientset and retry.RetryOnConflict increment a Deployment's label from five goroutines.
// This is the benchmark's reference client, so it has to work here, with TLS verified.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { clientGoPeer, runClientGoPeer } from '../../bench/client-go-peer.ts';
import { type LabObjectRef, counterOf, seedObject } from '../../src/lab/lab-object.ts';
import { fromKubernetesObjectApi } from '../../src/client/client-node-adapter.ts';
import type { ObjectClient } from '../../src/core/object.ts';
import { type TestServer, startTestServer } from '../../src/testing/index.ts';

// A cold build of client-go takes minutes; later runs reuse the cached binary.
describe('client-go peer against the embedded server', { timeout: 20 * 60_000 }, () => {
  let binary: string;
  let server: TestServer;
  /** client-node's KubernetesObjectApi, typed with the embedded server's objects. */
  let objects: ObjectClient;

  before(async () => {
    binary = await clientGoPeer();
    server = await startTestServer();
    objects = fromKubernetesObjectApi(k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig));
  });
  after(async () => {
    await server.stop();
  });

  const seed = async (name: string): Promise<LabObjectRef> => {
    const ref: LabObjectRef = { kind: 'deployment', namespace: 'default', name, label: 'biz-version' };
    await objects.create(seedObject(ref, 101));
    return ref;
  };
  const counter = async (ref: LabObjectRef): Promise<number> => {
    const object = await objects.read({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: ref.namespace,
      name: ref.name,
    });
    return counterOf(object, ref);
  };
  const peer = (ref: LabObjectRef, ...args: string[]) =>
    runClientGoPeer(binary, [
      '--kubeconfig',
      server.kubeconfigPath,
      '--namespace',
      ref.namespace,
      '--name',
      ref.name,
      ...args,
    ]);

  it('retry.RetryOnConflict(DefaultRetry) from 5 goroutines loses no update', async () => {
    const ref = await seed('default-retry');
    const result = await peer(ref, '--workers', '5', '--strategy', 'default-retry', '--rate-limit', 'off');
    assert.deepEqual(result.errors, []);
    assert.equal(result.client, 'client-go');
    assert.equal(result.clientGoVersion, 'v0.36.3');
    assert.equal(result.strategy, 'default-retry');
    assert.equal(result.rateLimit, 'off');
    assert.equal(result.contentType, 'json');
    assert.equal(result.succeeded, 5);
    assert.equal(result.failed, 0);
    assert.equal(result.latenciesMs.length, 5);
    assert.equal(result.requests, 2 * result.attempts);
    assert.ok(result.attempts >= 5);
    assert.equal(await counter(ref), 106);
  });

  it('naive (one try) from 5 goroutines: every success counts, conflicts fail', async () => {
    const ref = await seed('naive');
    const result = await peer(ref, '--workers', '5', '--strategy', 'naive');
    assert.deepEqual(result.errors, []);
    assert.equal(result.rateLimit, 'default');
    assert.equal(result.succeeded + result.failed, 5);
    assert.equal(result.attempts, 5);
    assert.equal(result.conflicts, result.failed);
    assert.equal(await counter(ref), 101 + result.succeeded);
  });

  it('cycle: sequential uncontended increments each succeed', async () => {
    const ref = await seed('cycle');
    const result = await peer(ref, '--strategy', 'cycle', '--cycles', '3');
    assert.deepEqual(result.errors, []);
    assert.equal(result.workers, 1);
    assert.equal(result.succeeded, 3);
    assert.equal(result.conflicts, 0);
    assert.equal(result.cyclesMs?.length, 3);
    assert.equal(await counter(ref), 104);
  });

  it('refuses missing flags with exit code 2 and names the flag', async () => {
    await assert.rejects(runClientGoPeer(binary, ['--kubeconfig', server.kubeconfigPath]), (error: Error) => {
      assert.match(error.message, /exit code 2/);
      assert.match(error.message, /--name is required/);
      return true;
    });
  });
});
