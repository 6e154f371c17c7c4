// The official Python Kubernetes client (from PyPI) against the embedded server: a short
// smoke suite, so that clients in other languages are known to work with it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../../src/testing/index.ts';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../python/smoke.py', import.meta.url));
const installer = fileURLToPath(new URL('../../scripts/python-client.sh', import.meta.url));

describe('the Python Kubernetes client on the embedded server', { timeout: 300_000 }, () => {
  let server: TestServer;
  let python: string;
  before(async () => {
    python = (await run('bash', [installer])).stdout.trim();
    server = await startTestServer();
  });
  after(() => server.stop());

  it('creates, reads, is refused a stale replace with 409, patches, lists by label and deletes', async () => {
    const { stdout } = await run(python, [script], { env: programEnv({ KUBECONFIG: server.kubeconfigPath }) });
    assert.equal(
      stdout,
      [
        'created python-smoke 101',
        'replaced 102',
        'stale replace refused 409 Conflict',
        "patched [('a', '1'), ('b', '2')]",
        "listed ['python-smoke']",
        'deleted 404',
        '',
      ].join('\n'),
    );
  });
});
