// A test process interrupted while its kube-apiserver runs leaves nothing behind.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { programEnv } from '../support/program-env.ts';

const script = fileURLToPath(new URL('../support/start-api-server-and-wait.ts', import.meta.url));

function processesMentioning(text: string): string {
  try {
    return execFileSync('pgrep', ['-f', '-a', text], { encoding: 'utf8' });
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

describe('an interrupted test process', apiServerSuite(), () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}, kills etcd and kube-apiserver and removes their directory`, async () => {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'], env: programEnv() });
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const { directory } = JSON.parse(line) as { url: string; directory: string };
      assert.ok(existsSync(directory));
      assert.match(processesMentioning(directory), /kube-apiserver/);
      child.kill(signal);
      const [, exitSignal] = (await once(child, 'exit')) as [number | null, string | null];
      assert.equal(exitSignal, signal, 'the process still ends by the signal it was sent');
      assert.equal(existsSync(directory), false, 'directory removed');
      // SIGKILL is sent before the exit; the kernel may take a moment to tear processes down.
      let left = processesMentioning(directory);
      for (let i = 0; i < 50 && left !== ''; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = processesMentioning(directory);
      }
      assert.equal(left, '', 'no etcd or kube-apiserver left');
    });
  }
});
