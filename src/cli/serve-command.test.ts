import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { runServeCommand } from './serve-command.ts';

describe('kubeconflict serve', () => {
  it('serves until told to stop, writes a private kubeconfig, never prints the token', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kubeconflict-serve-test-'));
    const kubeconfigPath = join(directory, 'kc');
    const lines: string[] = [];
    const { promise: stopped, resolve: stop } = Promise.withResolvers<undefined>();
    try {
      const running = runServeCommand(
        ['--kubeconfig-out', kubeconfigPath, '--token', 'super-secret-token'],
        (line) => lines.push(line),
        stopped,
      );
      while (!lines.some((line) => line.startsWith('Ctrl-C'))) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(statSync(kubeconfigPath).mode & 0o777, 0o600);
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(kubeconfigPath);
      const namespaces = await kc.makeApiClient(k8s.CoreV1Api).listNamespace();
      assert.equal(namespaces.items.length, 4);
      stop(undefined);
      assert.equal(await running, 0);
      assert.match(lines.join('\n'), /listening on https:\/\/127\.0\.0\.1:\d+[\s\S]*stopped\./);
      assert.doesNotMatch(lines.join('\n'), /super-secret-token/);
      assert.match(readFileSync(kubeconfigPath, 'utf8'), /super-secret-token/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('--no-controllers: a deleted namespace stays Terminating, as on kube-apiserver alone; by default it goes', async () => {
    for (const [args, left] of [
      [['--no-controllers'], 1],
      [[], 0],
    ] as const) {
      const lines: string[] = [];
      const { promise: stopped, resolve: stop } = Promise.withResolvers<undefined>();
      const running = runServeCommand([...args], (line) => lines.push(line), stopped);
      while (!lines.some((line) => line.startsWith('Ctrl-C'))) await new Promise((resolve) => setTimeout(resolve, 10));
      const kubeconfigPath = (lines.find((line) => line.startsWith('kubeconfig: ')) ?? '').slice('kubeconfig: '.length);
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(kubeconfigPath);
      const core = kc.makeApiClient(k8s.CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: 'ending' } } });
      await core.deleteNamespace({ name: 'ending' });
      const found = await core.listNamespace({ fieldSelector: 'metadata.name=ending' });
      assert.equal(found.items.length, left, `serve ${args.join(' ')}`);
      stop(undefined);
      assert.equal(await running, 0);
    }
  });

  it('refuses a bad port as a usage error', async () => {
    await assert.rejects(
      runServeCommand(['--port', 'abc'], () => undefined, Promise.resolve()),
      {
        name: 'UsageError',
        message: '--port must be an integer from 0 to 65535; got "abc"',
      },
    );
  });

  it('--faults injects seeded faults that clients meet, and counts them at the end', async () => {
    const lines: string[] = [];
    const { promise: stopped, resolve: stop } = Promise.withResolvers<undefined>();
    const running = runServeCommand(['--faults', '1', '--seed', '3'], (line) => lines.push(line), stopped);
    while (!lines.some((line) => line.startsWith('Ctrl-C'))) await new Promise((resolve) => setTimeout(resolve, 10));
    const kubeconfigPath = (lines.find((line) => line.startsWith('kubeconfig: ')) ?? '').slice('kubeconfig: '.length);
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(kubeconfigPath);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    let failures = 0;
    for (let i = 0; i < 8; i++) {
      await core.readNamespace({ name: 'default' }).catch(() => failures++);
    }
    stop(undefined);
    assert.equal(await running, 0);
    assert.ok(failures > 0, 'with every request faulted, some fail');
    assert.match(lines.join('\n'), /injecting faults into 100% of requests \(seed 3\)/);
    const counted = /faults injected: (.*)/.exec(lines.join('\n'))?.[1] ?? '';
    const total = [...counted.matchAll(/ (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    assert.equal(total, 8, counted);
  });

  for (const [args, message] of [
    [['--faults', '1.5'], '--faults must be a share of requests from 0 to 1 (0.1 is 10%); got "1.5"'],
    [['--faults', ''], '--faults must be a share of requests from 0 to 1 (0.1 is 10%); got ""'],
    [['--faults', '0.1', '--seed', 'x'], '--seed must be an integer from -2147483648 to 2147483647; got "x"'],
    // The same rule as the lab's: seeds keep 32 bits, so wider ones would repeat runs.
    [
      ['--faults', '0.1', '--seed', '2147483648'],
      '--seed must be an integer from -2147483648 to 2147483647; got "2147483648"',
    ],
    [['--seed=-2147483649'], '--seed must be an integer from -2147483648 to 2147483647; got "-2147483649"'],
  ] as const) {
    it(`refuses ${args.join(' ')} as a usage error`, async () => {
      await assert.rejects(
        runServeCommand([...args], () => undefined, Promise.resolve()),
        { name: 'UsageError', message },
      );
    });
  }
});
