// The lab as a person runs it in a terminal (a pseudo-TTY from util-linux `script`): the
// progress bar draws on stderr and is erased at the end; Ctrl-C deletes the object.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { startTestServer, type TestServer } from '../../src/testing/index.ts';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

describe('kubeconflict lab in a terminal', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());

  it('draws a progress bar on the terminal and erases it, leaving the table', async () => {
    const command = `${process.execPath} ${cli} lab --kubeconfig ${server.kubeconfigPath} --workers 40 --strategy backoff --steps 60 --seed 1`;
    const { stdout } = await run('script', ['-q', '-e', '-c', command, '/dev/null'], {
      env: programEnv({ TERM: 'xterm' }),
    });
    assert.match(stdout, /\[[█░]{24}\] strategy 1\/1 backoff: \d+\/40 workers done/);
    assert.ok(stdout.includes('\r\u001b[K'), 'the bar is erased');
    assert.match(stdout, /backoff\s+correct: final 141 = expected/);
  });

  it('prints no progress bar when stderr is not a terminal', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [cli, 'lab', '--kubeconfig', server.kubeconfigPath, '--strategy', 'naive'],
      { env: programEnv() },
    );
    assert.equal(stderr, '');
    assert.match(stdout, /naive\s+WRONG|naive\s+correct/);
  });

  it('Ctrl-C stops the run, deletes the object and exits 130', async () => {
    const child = spawn(
      process.execPath,
      [
        cli,
        'lab',
        '--kubeconfig',
        server.kubeconfigPath,
        '--name',
        'interrupted',
        '--strategy',
        'backoff',
        '--workers',
        '50',
        '--steps',
        '1000',
        '--duration',
        '200',
      ],
      { env: programEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const apps = server.kubeConfig.makeApiClient(k8s.AppsV1Api);
    for (let i = 0; i < 100; i++) {
      const items = (await apps.listNamespacedDeployment({ namespace: 'default' })).items;
      if (items.some((d) => d.metadata?.name === 'interrupted')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 130);
    const names = (await apps.listNamespacedDeployment({ namespace: 'default' })).items.map((d) => d.metadata?.name);
    assert.ok(!names.includes('interrupted'), `left behind: ${String(names)}`);
  });
});
