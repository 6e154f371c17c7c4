import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { identityOf, type ProcessIdentity } from './process-identity.ts';

/**
 * A child process in its own process group, its output in a log file. `stop()` sends
 * SIGTERM to the whole group, waits, then SIGKILLs it: kube-apiserver can take several
 * seconds to exit after SIGTERM, and a bounded wait keeps stopping predictable.
 */
export class ManagedProcess {
  readonly name: string;
  readonly logPath: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Pid and start time, read at once after the spawn, so that a reused pid is never taken for it. */
  readonly identity: ProcessIdentity | undefined;
  readonly #child: ChildProcess;
  #running = true;
  #spawnError: Error | undefined;

  constructor(name: string, command: string, args: readonly string[], logPath: string) {
    this.name = name;
    this.logPath = logPath;
    const log = openSync(logPath, 'a');
    try {
      this.#child = spawn(command, args, { detached: true, stdio: ['ignore', log, log] });
    } finally {
      closeSync(log);
    }
    this.identity = this.#child.pid === undefined ? undefined : identityOf(this.#child.pid);
    this.exited = new Promise((resolve) => {
      this.#child.once('exit', (code, signal) => {
        this.#running = false;
        resolve({ code, signal });
      });
      this.#child.once('error', (error) => {
        this.#running = false;
        this.#spawnError = error;
        resolve({ code: null, signal: null });
      });
    });
  }

  get running(): boolean {
    return this.#running;
  }

  /** Why the process could not be started, if it could not. */
  get spawnError(): Error | undefined {
    return this.#spawnError;
  }

  /** The last `lines` lines of the log, for error messages. */
  logTail(lines = 40): string {
    try {
      return readFileSync(this.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  async stop(graceMs: number): Promise<void> {
    if (!this.#running) return;
    this.#signalGroup('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, graceMs, 'timeout').unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.#signalGroup('SIGKILL');
      await this.exited;
    }
  }

  /** For process exit paths, where nothing asynchronous runs any more. */
  killNow(): void {
    if (this.#running) this.#signalGroup('SIGKILL');
  }

  #signalGroup(signal: NodeJS.Signals): void {
    const pid = this.#child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}
