// No bearer token, client key or kubeconfig content in anything the lab prints or writes:
// the table, --json, the HTML report, progress and error messages, with a known token
// grepped for in every output, on the embedded server and on kube-apiserver.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { type RunningApiServer, startApiServer, startTestServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const token = 'kubeconflict-test-secret-token-5f1d9c';

/** Every output of one lab run: stdout, stderr, and the HTML report, as one text. */
async function labOutputs(directory: string, ...args: string[]): Promise<{ text: string; status: number }> {
  const html = join(directory, `report-${String(Math.random()).slice(2)}.html`);
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'lab', ...args, '--html', html], {
      env: programEnv(),
    });
    return { text: stdout + stderr + (await readFile(html, 'utf8')), status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return {
      text: failed.stdout + failed.stderr + (await readFile(html, 'utf8').catch(() => '')),
      status: failed.code,
    };
  }
}

const assertClean = (text: string, secrets: readonly string[]) => {
  for (const secret of secrets)
    assert.ok(!text.includes(secret), `a secret appears in the output: ${secret.slice(0, 6)}…`);
};

describe('secrets stay out of the lab outputs: embedded server', () => {
  let server: TestServer;
  let directory: string;
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kubeconflict-secrets-'));
    server = await startTestServer({ token, kubeconfigPath: join(directory, 'kubeconfig') });
  });
  after(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('a successful run, as table, JSON and HTML, never shows the token', async () => {
    for (const format of [[], ['--json']]) {
      const { text, status } = await labOutputs(directory, '--kubeconfig', server.kubeconfigPath, ...format);
      assert.equal(status, 0);
      assertClean(text, [token]);
    }
  });

  it('a refused token (401) is reported without being shown', async () => {
    const wrong = 'kubeconflict-wrong-token-8e2a41';
    const kubeconfig = join(directory, 'wrong-kubeconfig');
    await writeFile(kubeconfig, (await readFile(server.kubeconfigPath, 'utf8')).replaceAll(token, wrong), {
      mode: 0o600,
    });
    const { text, status } = await labOutputs(directory, '--kubeconfig', kubeconfig);
    assert.equal(status, 1);
    assert.match(text, /401|Unauthorized/);
    assertClean(text, [wrong, token]);
  });
});

describe('secrets stay out of the lab outputs: kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  let directory: string;
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kubeconflict-secrets-'));
    server = await startApiServer();
  });
  after(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('neither the client key, the certificate data nor the admin token appears', async () => {
    const config = new KubeConfig();
    config.loadFromFile(server.kubeconfigPath);
    const user = config.getCurrentUser();
    const keyData = user?.keyData ?? '';
    assert.notEqual(keyData, '', 'the admin kubeconfig carries a client key');
    // The key as it would leak: its base64 in the kubeconfig, or any line of its PEM.
    const keyPemLines = Buffer.from(keyData, 'base64')
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 40);
    const { text, status } = await labOutputs(directory, '--kubeconfig', server.kubeconfigPath, '--json');
    assert.equal(status, 0);
    assertClean(text, [keyData, ...keyPemLines, user?.certData ?? 'unset', server.adminToken]);
  });
});
