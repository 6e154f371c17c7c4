// A controller author's envtest suite (controller-runtime v0.24.1 over client-go v0.36.3,
// test/controller-runtime) with UseExistingCluster, pointed at the embedded server and at a
// real kube-apiserver + etcd (what envtest starts from its binaries). On the embedded
// server every step holds, garbage collection included; kube-apiserver alone runs no
// garbage collector, so there the owned ConfigMap stays and only that step fails.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { startApiServer, startTestServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import {
  buildControllerRuntimeProof,
  type ControllerRun,
  runControllerRuntimeProof,
  type StepLine,
} from '../support/controller-runtime-proof.ts';

/** Every step the program runs, in order; a run that stops early shows here. */
const steps = [
  'client',
  'install-crd',
  'create-namespace',
  'create-widget',
  'reconcile',
  'status-retry-on-conflict',
  'delete-widget',
  'garbage-collection',
  'stop-environment',
];

// Built once for both suites; a cold build of controller-runtime takes a minute or more.
let binary: Promise<string> | undefined;
const program = (): Promise<string> => (binary ??= buildControllerRuntimeProof());

function stepOf(run: ControllerRun, name: string): StepLine {
  const found = run.steps.find((line) => line.step === name);
  assert.ok(found, `the run printed no ${name} line:\n${run.stdout}\n${run.stderr}`);
  return found;
}

/** The controller's work, which both servers must show. */
function assertReconciled(run: ControllerRun): void {
  assert.deepEqual(
    run.steps.map((line) => line.step),
    steps,
    run.stderr,
  );
  assert.equal(stepOf(run, 'install-crd').established, true);
  const reconcile = stepOf(run, 'reconcile');
  assert.equal(reconcile.configMapSize, '3');
  assert.equal(reconcile.controllerKind, 'Widget');
  assert.equal(reconcile.blockOwnerDeletion, true);
  // The concurrent writer's 409, absorbed by one more attempt.
  const retry = stepOf(run, 'status-retry-on-conflict');
  assert.equal(retry.conflicts, 1);
  assert.equal(retry.attempts, 2);
}

/** Timings for docs/TESTING.md ("Replacing envtest"), reported, never asserted. */
function report(t: TestContext, server: string, startMs: number, run: ControllerRun): void {
  t.diagnostic(`${server}: started in ${startMs.toFixed(0)} ms; the program ran in ${run.wallMs.toFixed(0)} ms`);
  t.diagnostic(`${server}: ms per step: ${run.steps.map((line) => `${line.step} ${String(line.ms)}`).join(', ')}`);
}

describe(
  'controller-runtime envtest (UseExistingCluster) against the embedded server',
  { timeout: 20 * 60_000 },
  () => {
    it('every step holds: CRD, reconcile, RetryOnConflict, garbage collection', async (t) => {
      const path = await program();
      const started = performance.now();
      const server = await startTestServer();
      const startMs = performance.now() - started;
      try {
        const run = await runControllerRuntimeProof(path, server.kubeconfigPath, 'envtest', '10s');
        const failed = run.steps.filter((line) => !line.ok).map((line) => `${line.step}: ${line.error}`);
        assert.deepEqual(failed, [], run.stderr);
        assertReconciled(run);
        assert.equal(stepOf(run, 'garbage-collection').collected, true);
        assert.equal(run.exitCode, 0, run.stderr);
        report(t, 'embedded server', startMs, run);
      } finally {
        await server.stop();
      }
    });
  },
);

describe(
  'controller-runtime envtest (UseExistingCluster) against kube-apiserver',
  { ...apiServerSuite(), timeout: 20 * 60_000 },
  () => {
    it('every step without a controller holds; no garbage collector deletes the owned ConfigMap', async (t) => {
      const path = await program();
      const started = performance.now();
      const server = await startApiServer();
      const startMs = performance.now() - started;
      try {
        const run = await runControllerRuntimeProof(path, server.kubeconfigPath, 'envtest', '2s');
        const failed = run.steps.filter((line) => !line.ok).map((line) => line.step);
        assert.deepEqual(failed, ['garbage-collection'], `${run.stdout}\n${run.stderr}`);
        assertReconciled(run);
        const collection = stepOf(run, 'garbage-collection');
        assert.equal(collection.collected, false);
        assert.match(String(collection.error), /not garbage-collected within 2s/);
        assert.equal(run.exitCode, 1);
        report(t, 'kube-apiserver + etcd', startMs, run);
      } finally {
        await server.stop();
      }
    });
  },
);
