// The real k8s.io/client-go with its DEFAULT clientset (protobuf bodies for built-in types)
// against kube-apiserver and against the embedded server: create, get, a stale update's
// 409, RetryOnConflict from five goroutines, /status, /scale, list, watch, delete, and
// ConfigMap and Secret round trips. Every step must hold on both, and the outputs, which
// hold no timestamps, uids or resourceVersions, must be the same line for line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningApiServer, startApiServer, startTestServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { buildClientGoProof, type ProofRun, runClientGoProof } from '../support/client-go-proof.ts';
import type { StepLine } from '../support/go-program.ts';

const protobuf = 'application/vnd.kubernetes.protobuf';

/** Every step the program runs, in order; a run that stops early shows here. */
const steps = [
  'create-namespace',
  'create-deployment',
  'get-deployment',
  'update-stale',
  'retry-on-conflict',
  'update-status',
  'get-scale',
  'update-scale',
  'list',
  'watch',
  'delete',
  'configmap',
  'secret',
  'wire',
];

function assertAllOk(run: ProofRun, server: string): void {
  const failed = run.steps.filter((line) => !line.ok).map((line) => line.step);
  assert.deepEqual(failed, [], `steps failed against ${server}:\n${run.lines.join('\n')}\n${run.stderr}`);
  assert.deepEqual(
    run.steps.map((line) => line.step),
    steps,
  );
  assert.equal(run.exitCode, 0, run.stderr);
}

function wireOf(run: ProofRun): StepLine {
  const wire = run.steps.find((line) => line.step === 'wire');
  assert.ok(wire, 'the run printed no wire line');
  return wire;
}

// A cold build of client-go takes minutes; later runs reuse the cached binary.
describe(
  'client-go default clientset: kube-apiserver and the embedded server agree',
  {
    ...apiServerSuite(),
    timeout: 20 * 60_000,
  },
  () => {
    let binary: string;
    let apiServer: RunningApiServer;
    let embedded: TestServer;

    before(async () => {
      binary = await buildClientGoProof();
      apiServer = await startApiServer();
      embedded = await startTestServer();
    });
    after(async () => {
      await embedded.stop();
      await apiServer.stop();
    });

    // Namespaces cannot be deleted without a controller manager, so each run has its own.
    const both = async (namespace: string, contentType: '' | 'application/json') => ({
      real: await runClientGoProof(binary, apiServer.kubeconfigPath, namespace, contentType),
      ours: await runClientGoProof(binary, embedded.kubeconfigPath, namespace, contentType),
    });

    it('with client-go defaults (protobuf): every step holds on both, with the same output', async () => {
      const { real, ours } = await both('client-go-proof', '');
      assertAllOk(real, 'kube-apiserver');
      assertAllOk(ours, 'the embedded server');
      assert.deepEqual(ours.lines, real.lines);
      // Seen by a RoundTripper wrapped around client-go's transport: protobuf both ways,
      // including the watch stream.
      const wire = wireOf(ours);
      assert.deepEqual(wire.requestContentTypes, [protobuf]);
      assert.deepEqual(wire.acceptHeaders, [`${protobuf},application/json`]);
      assert.deepEqual(wire.responseContentTypes, [protobuf, `${protobuf};stream=watch`]);
    });

    it('with ContentType application/json: every step holds on both, with the same output', async () => {
      const { real, ours } = await both('client-go-proof-json', 'application/json');
      assertAllOk(real, 'kube-apiserver');
      assertAllOk(ours, 'the embedded server');
      assert.deepEqual(ours.lines, real.lines);
      const wire = wireOf(ours);
      assert.deepEqual(wire.requestContentTypes, ['application/json']);
      assert.deepEqual(wire.responseContentTypes, ['application/json']);
    });
  },
);
