import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { identityOf, type ProcessIdentity, stillRuns, waitUntilEndedSync } from './process-identity.ts';

/**
 * What one startApiServer() run leaves to find if its Node process is SIGKILLed (when no
 * cleanup can run): who owns it, its directory, and the etcd and kube-apiserver it
 * started, each by pid and start time. One small JSON file a run, removed when the run
 * is stopped.
 */
export interface RunRecord {
  readonly owner: ProcessIdentity;
  readonly directory: string;
  readonly processes: readonly (ProcessIdentity & { readonly name: string })[];
}

/** Where run records live: beside the runs' own temporary directories. */
export const runsDirectory = () => join(tmpdir(), 'kubeconflict-apiserver-runs');

/** Run directories are made by mkdtemp under tmpdir() with this prefix; nothing else is removed. */
export const runDirectoryPrefix = 'kubeconflict-apiserver-';

/** The record of this process's run in `directory`, kept up to date as processes start. */
export class RunRecorder {
  readonly path: string;
  readonly #directory: string;

  constructor(directory: string) {
    this.#directory = directory;
    this.path = join(runsDirectory(), `${String(process.pid)}-${randomBytes(6).toString('hex')}.json`);
  }

  /** Writes the record (atomically: a reader never sees half a file). */
  record(processes: readonly { readonly name: string; readonly identity: ProcessIdentity | undefined }[]): void {
    const owner = identityOf(process.pid);
    if (owner === undefined) return; // No /proc: nothing could be checked later, so nothing is kept.
    const identities = processes.flatMap(({ name, identity }) =>
      identity === undefined ? [] : [{ name, ...identity }],
    );
    const record: RunRecord = { owner, directory: this.#directory, processes: identities };
    mkdirSync(dirname(this.path), { recursive: true });
    const partial = `${this.path}.partial`;
    writeFileSync(partial, JSON.stringify(record), { mode: 0o600 });
    renameSync(partial, this.path);
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}

/**
 * Ends what runs whose owner died without cleaning up left behind: every recorded
 * process that is still the very process recorded (same pid and start time, so a reused
 * pid is never touched) gets SIGKILL to its process group; then the run's directory and
 * record are removed. Runs whose owner still lives are left alone. Returns the pids ended.
 */
export function reclaimLeftovers(): number[] {
  let names: string[];
  try {
    names = readdirSync(runsDirectory()).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const ended: number[] = [];
  for (const name of names) {
    const path = join(runsDirectory(), name);
    const record = readRecord(path);
    if (record !== undefined && stillRuns(record.owner)) continue;
    if (record !== undefined) ended.push(...endRun(record));
    rmSync(path, { force: true });
  }
  return ended;
}

function readRecord(path: string): RunRecord | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunRecord;
  } catch {
    return undefined;
  }
}

function endRun(record: RunRecord): number[] {
  const alive = record.processes.filter(stillRuns);
  for (const { pid } of alive) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  waitUntilEndedSync(alive, 5_000);
  const directory = record.directory;
  if (dirname(directory) === tmpdir() && basename(directory).startsWith(runDirectoryPrefix)) {
    rmSync(directory, { recursive: true, force: true, maxRetries: 3 });
  }
  return alive.map(({ pid }) => pid);
}
