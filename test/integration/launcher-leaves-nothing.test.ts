// The real-apiserver launcher leaves no etcd, kube-apiserver or directory behind: when
// its Node process gets SIGINT or SIGTERM at any moment (starting, running, stopping),
// and, after a SIGKILL, once the next startApiServer() has run. Each child runs with a
// TMPDIR of its own, where its run record (run-record.ts) names the processes it started.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stillRuns } from '../../src/testing/apiserver/process-identity.ts';
import type { RunRecord } from '../../src/testing/apiserver/run-record.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { programEnv } from '../support/program-env.ts';

const script = fileURLToPath(new URL('../support/api-server-under-signal.ts', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  readonly lines: Interface;
  readonly tmp: string;
}

function startChild(tmp: string, mode = 'wait'): Child {
  const child = spawn(process.execPath, [script, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: programEnv({ TMPDIR: tmp }),
  });
  return { process: child, lines: createInterface({ input: child.stdout }), tmp };
}

/** The next phase line the child prints. */
async function phase(child: Child): Promise<{ phase: string; directory?: string }> {
  const [line] = (await once(child.lines, 'line')) as [string];
  return JSON.parse(line) as { phase: string; directory?: string };
}

const runsOf = (tmp: string) => join(tmp, 'kubeconflict-apiserver-runs');

/** The child's run record, once it names at least `count` processes. */
async function recordWith(tmp: string, count: number): Promise<RunRecord> {
  for (;;) {
    const names = existsSync(runsOf(tmp)) ? readdirSync(runsOf(tmp)).filter((name) => name.endsWith('.json')) : [];
    for (const name of names) {
      try {
        const record = JSON.parse(readFileSync(join(runsOf(tmp), name), 'utf8')) as RunRecord;
        if (record.processes.length >= count) return record;
      } catch {
        // Replaced meanwhile; read again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asserts that nothing of `record`'s run is left: processes, directory, record. */
async function assertNothingLeft(record: RunRecord, tmp: string): Promise<void> {
  // SIGKILL is sent before the exit; the kernel may take a moment to tear processes down.
  for (let i = 0; i < 100 && record.processes.some(stillRuns); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const left = record.processes.filter(stillRuns).map(({ name, pid }) => `${name} (${String(pid)})`);
  assert.deepEqual(left, [], 'no etcd or kube-apiserver of the run left');
  assert.equal(existsSync(record.directory), false, 'its directory removed');
  const records = existsSync(runsOf(tmp)) ? readdirSync(runsOf(tmp)) : [];
  assert.deepEqual(records, [], 'its run record removed');
}

async function signalled(child: Child, signal: NodeJS.Signals): Promise<void> {
  child.process.kill(signal);
  const [code, exitSignal] = (await once(child.process, 'exit')) as [number | null, string | null];
  assert.equal(exitSignal, signal, `ends by the signal it was sent (exit code ${String(code)})`);
}

const moments: {
  readonly name: string;
  readonly signal: NodeJS.Signals;
  readonly reach: (child: Child) => Promise<unknown>;
}[] = [
  { name: 'starting, etcd up only', signal: 'SIGINT', reach: (child) => recordWith(child.tmp, 1) },
  { name: 'starting, kube-apiserver not ready yet', signal: 'SIGTERM', reach: (child) => recordWith(child.tmp, 2) },
  { name: 'running', signal: 'SIGTERM', reach: (child) => phase(child) },
  {
    name: 'stopping',
    signal: 'SIGINT',
    reach: async (child) => {
      await phase(child);
      child.process.stdin?.write('stop\n');
      assert.equal((await phase(child)).phase, 'stopping');
    },
  },
];

describe('the real-apiserver launcher leaves nothing behind', apiServerSuite(), () => {
  for (const { name, signal, reach } of moments) {
    it(`${signal} while ${name}: both process groups ended, directory removed`, async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'kubeconflict-signal-'));
      try {
        const child = startChild(tmp);
        await reach(child);
        const record = await recordWith(tmp, 1);
        await signalled(child, signal);
        await assertNothingLeft(record, tmp);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  }

  it('after a SIGKILL, the next startApiServer() ends the leftovers and removes their directory', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'kubeconflict-signal-'));
    try {
      const crashed = startChild(tmp);
      await phase(crashed);
      const record = await recordWith(tmp, 2);
      crashed.process.kill('SIGKILL');
      await once(crashed.process, 'exit');
      assert.equal(record.processes.filter(stillRuns).length, 2, 'etcd and kube-apiserver outlive a SIGKILL');
      const next = startChild(tmp, 'start-stop');
      const [code] = (await once(next.process, 'exit')) as [number | null];
      assert.equal(code, 0);
      await assertNothingLeft(record, tmp);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
