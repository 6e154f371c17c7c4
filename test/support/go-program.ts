// Building and running the Go peers under test/ (client-go, controller-runtime): each has a
// build.sh that builds into a cache outside the repository and prints the binary's path last.
import { execFile } from 'node:child_process';

/** One line a Go peer prints per step: its name, whether it held, and what it observed. */
export interface StepLine {
  readonly step: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly [fact: string]: unknown;
}

/** How a program ended: its exit code and what it printed. */
export interface Finished {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `file`; resolves whatever the exit code, rejects when it was killed or could not start. */
export function runProgram(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  passStderr: boolean,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { encoding: 'utf8', timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(new Error(`${file} did not finish (${error.signal ?? String(error.code)}): ${stderr}`));
        return;
      }
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
    if (passStderr) child.stderr?.pipe(process.stderr);
  });
}

/**
 * Runs a peer's build script (a cold build takes minutes; progress goes to stderr) and
 * returns the binary's path, the last line it prints.
 */
export async function buildGoProgram(buildScript: string): Promise<string> {
  const finished = await runProgram('bash', [buildScript], 30 * 60_000, true);
  if (finished.code !== 0) throw new Error(`${buildScript} failed with exit code ${String(finished.code)}`);
  const binary = finished.stdout.trim().split('\n').at(-1) ?? '';
  if (binary === '') throw new Error(`${buildScript} printed no binary path`);
  return binary;
}
