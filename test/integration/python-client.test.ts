// The official Python Kubernetes client (PyPI `kubernetes`, typed APIs) runs one program,
// test/python/client_proof.py, against a real kube-apiserver + etcd and against the
// embedded server: Services, DaemonSets, Jobs, Roles and ConfigMaps through create, read,
// replace, a stale replace refused with 409 (its body byte for byte), patch, list by label
// and delete; a delete-collection by label; an invalid Service refused with 422. Both must
// print the transcript recorded from kube-apiserver, line for line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningApiServer, startApiServer, startTestServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite, quietApiServerArgs } from '../support/api-server-suite.ts';
import type { Finished } from '../support/go-program.ts';
import { installPythonClient, runPythonProof, transcript } from '../support/python-proof.ts';

/**
 * Steps run alone (`--with <step>`), each in a namespace of its own, against both servers:
 * ReplicationControllers, Nodes, APIServices, and `invalid-specs` (a DaemonSet whose
 * selector misses its template's labels, a Job with `restartPolicy: Always`, a ConfigMap
 * key with a space, a Role rule without verbs, a Service port with protocol FOO, each
 * refused with 422).
 */
const optionalSteps = ['replicationcontrollers', 'nodes', 'apiservices', 'invalid-specs'] as const;

/** The proof's arguments for one of those steps, in a namespace of its own. */
const optionalArgs = (step: string): string[] => ['--namespace', `python-${step}`, '--only-with', '--with', step];

/** The whole transcript when the proof ran through; where and why it stopped when it did not. */
function assertTranscript(run: Finished, expected: string): void {
  if (run.code !== 0) {
    const lastOf = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';
    assert.fail(`the proof exited ${String(run.code)} after "${lastOf(run.stdout)}": ${lastOf(run.stderr)}`);
  }
  assert.equal(run.stdout, expected);
}

let python: Promise<string> | undefined;
const pythonClient = (): Promise<string> => (python ??= installPythonClient());

describe('the Python Kubernetes client against kube-apiserver', { ...apiServerSuite(), timeout: 300_000 }, () => {
  let server: RunningApiServer;
  before(async () => {
    await pythonClient();
    server = await startApiServer({ extraApiServerArgs: quietApiServerArgs });
  });
  after(() => server.stop());

  it('prints the recorded transcript for Services, DaemonSets, Jobs, Roles and ConfigMaps', async () => {
    assertTranscript(await runPythonProof(await pythonClient(), server.kubeconfigPath, []), transcript('served'));
  });

  for (const step of optionalSteps) {
    it(`prints the recorded transcript for ${step}`, async () => {
      const run = await runPythonProof(await pythonClient(), server.kubeconfigPath, optionalArgs(step));
      assertTranscript(run, transcript(step));
    });
  }
});

describe('the Python Kubernetes client against the embedded server', { timeout: 300_000 }, () => {
  let server: TestServer;
  before(async () => {
    await pythonClient();
    server = await startTestServer();
  });
  after(() => server.stop());

  it('prints the transcript kube-apiserver printed for Services, DaemonSets, Jobs, Roles and ConfigMaps', async () => {
    assertTranscript(await runPythonProof(await pythonClient(), server.kubeconfigPath, []), transcript('served'));
  });

  for (const step of optionalSteps) {
    it(`prints the transcript kube-apiserver printed for ${step}`, async () => {
      const run = await runPythonProof(await pythonClient(), server.kubeconfigPath, optionalArgs(step));
      assertTranscript(run, transcript(step));
    });
  }
});
