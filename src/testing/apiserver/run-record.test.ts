// Leftovers of a run whose Node process died are ended by pid and start time: never a
// process that merely reuses a recorded pid, never a run whose owner still lives. Real
// processes (sleep) stand in for etcd and kube-apiserver.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { identityOf, type ProcessIdentity, stillRuns } from './process-identity.ts';
import { reclaimLeftovers, type RunRecord, runDirectoryPrefix, runsDirectory } from './run-record.ts';

describe('reclaimLeftovers', { skip: process.platform !== 'linux' && 'needs /proc' }, () => {
  const savedTmp = process.env.TMPDIR;
  let tmp: string;
  const sleepers: ChildProcess[] = [];

  beforeEach(() => {
    tmp = mkdtempSync(join(savedTmp ?? '/tmp', 'kubeconflict-reclaim-'));
    process.env.TMPDIR = tmp;
  });

  afterEach(() => {
    for (const sleeper of sleepers.splice(0)) sleeper.kill('SIGKILL');
    process.env.TMPDIR = savedTmp;
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A process in a group of its own, as etcd and kube-apiserver are started. */
  const sleeper = (): ProcessIdentity => {
    const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    sleepers.push(child);
    const identity = child.pid === undefined ? undefined : identityOf(child.pid);
    assert.ok(identity);
    return identity;
  };

  /** The identity a process had, once it has ended. */
  const endedOwner = async (): Promise<ProcessIdentity> => {
    const child = spawn('sleep', ['0.01'], { stdio: 'ignore' });
    const identity = child.pid === undefined ? undefined : identityOf(child.pid);
    await once(child, 'exit');
    assert.ok(identity);
    return identity;
  };

  const writeRecord = (record: RunRecord) => {
    mkdirSync(runsDirectory(), { recursive: true });
    const path = join(runsDirectory(), `${String(record.owner.pid)}-test.json`);
    writeFileSync(path, JSON.stringify(record));
    return path;
  };

  const runDirectory = () => {
    const directory = join(tmp, `${runDirectoryPrefix}test`);
    mkdirSync(directory);
    return directory;
  };

  it("ends a dead owner's processes and removes its directory and record", async () => {
    const etcd = sleeper();
    const directory = runDirectory();
    const path = writeRecord({ owner: await endedOwner(), directory, processes: [{ name: 'etcd', ...etcd }] });
    assert.deepEqual(reclaimLeftovers(), [etcd.pid]);
    assert.equal(stillRuns(etcd), false);
    assert.equal(existsSync(directory), false);
    assert.equal(existsSync(path), false);
  });

  it('never signals a process that only reuses a recorded pid (another start time)', async () => {
    const stranger = sleeper();
    const path = writeRecord({
      owner: await endedOwner(),
      directory: runDirectory(),
      processes: [{ name: 'etcd', pid: stranger.pid, startTicks: '1' }],
    });
    assert.deepEqual(reclaimLeftovers(), []);
    assert.equal(stillRuns(stranger), true);
    assert.equal(existsSync(path), false, 'the stale record is dropped');
  });

  it('leaves alone the run of an owner that still lives', () => {
    const etcd = sleeper();
    const owner = identityOf(process.pid);
    assert.ok(owner);
    const directory = runDirectory();
    const path = writeRecord({ owner, directory, processes: [{ name: 'etcd', ...etcd }] });
    assert.deepEqual(reclaimLeftovers(), []);
    assert.equal(stillRuns(etcd), true);
    assert.equal(existsSync(directory), true);
    assert.equal(existsSync(path), true);
  });

  it('removes no directory outside the temporary directory or without the run prefix', async () => {
    const elsewhere = mkdtempSync(join(tmp, 'not-a-run-'));
    writeRecord({ owner: await endedOwner(), directory: elsewhere, processes: [] });
    reclaimLeftovers();
    assert.equal(existsSync(elsewhere), true);
  });
});
