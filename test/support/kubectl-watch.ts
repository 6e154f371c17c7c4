// A kubectl that keeps running (`get -w`), read line by line while the test changes
// objects, then stopped.
import { spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { createInterface } from 'node:readline';
import { findAssets } from '../../src/testing/index.ts';
import { type KubectlTarget, kubectlArgs } from './kubectl-run.ts';

/** A running kubectl whose stdout is read a line at a time. */
export interface WatchingKubectl {
  /** The next line it prints; rejects, with what it wrote to stderr, if it exits first. */
  nextLine(): Promise<string>;
  /** Resolves once its stderr matches `pattern` (with `-v=6`: a request it made). */
  logged(pattern: RegExp): Promise<void>;
  /** Stops it (SIGTERM) and resolves with everything it wrote to stderr. */
  stop(): Promise<string>;
}

export function watchKubectl(target: KubectlTarget, args: readonly string[]): WatchingKubectl {
  const child = spawn(findAssets().kubectl, kubectlArgs(target, args), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const stderrGrew = new EventEmitter();
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    stderrGrew.emit('data');
  });
  const exited = once(child, 'exit');
  const ended = () => new Error(`kubectl ${args.join(' ')} ended (exit ${String(child.exitCode)}): ${stderr}`);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async nextLine() {
      const next = await lines.next();
      if (next.done === true) {
        await exited;
        throw ended();
      }
      return next.value;
    },
    logged(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stderr)) return;
          stderrGrew.off('data', check);
          resolve();
        };
        stderrGrew.on('data', check);
        void exited.then(() => {
          reject(ended());
        });
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      return stderr;
    },
  };
}
