import { rmSync } from 'node:fs';
import type { ManagedProcess } from './managed-process.ts';
import { waitUntilEndedSync } from './process-identity.ts';
import { RunRecorder } from './run-record.ts';
import { untrackForExit } from './stop-on-exit.ts';

/**
 * The processes one startApiServer() run starts, recorded as they start (so a SIGKILLed
 * owner's leftovers can be found), and stopped together with the run's directory.
 */
export class RunProcesses {
  /** In start order; waitUntilReady watches this very array for a process that ends. */
  readonly processes: ManagedProcess[] = [];
  readonly #directory: string;
  readonly #stopGraceMs: number;
  readonly #recorder: RunRecorder;

  constructor(directory: string, stopGraceMs: number) {
    this.#directory = directory;
    this.#stopGraceMs = stopGraceMs;
    this.#recorder = new RunRecorder(directory);
  }

  started(process: ManagedProcess): void {
    this.processes.push(process);
    this.#recorder.record(this.processes);
  }

  /** Kills the process named `name` at once (as a crash), and once it exited starts its replacement. */
  async restart(name: string, start: () => ManagedProcess): Promise<void> {
    const running = this.processes.findIndex((process) => process.name === name);
    const crashed = this.processes[running];
    crashed?.killNow();
    await crashed?.exited;
    this.processes.splice(running, 1, start());
    this.#recorder.record(this.processes);
  }

  /** Stops the processes, last started first, removes the directory, and stops tracking {@link stopNow}. */
  readonly stop = async (): Promise<void> => {
    for (const process of [...this.processes].reverse()) await process.stop(this.#stopGraceMs);
    rmSync(this.#directory, { recursive: true, force: true });
    this.#recorder.remove();
    untrackForExit(this.stopNow);
  };

  /** Synchronous, for process exit: SIGKILL to every process, then the directory goes. */
  readonly stopNow = (): void => {
    for (const process of this.processes) process.killNow();
    waitUntilEndedSync(
      this.processes.flatMap(({ identity }) => (identity === undefined ? [] : [identity])),
      this.#stopGraceMs,
    );
    rmSync(this.#directory, { recursive: true, force: true, maxRetries: 3 });
    this.#recorder.remove();
  };
}
