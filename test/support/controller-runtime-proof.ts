// Builds and runs test/controller-runtime: controller-runtime's envtest, manager and client
// pointed at an existing server, one JSON line per step on stdout.
import { fileURLToPath } from 'node:url';
import { buildGoProgram, runProgram, type StepLine } from './go-program.ts';

export type { StepLine } from './go-program.ts';

const programDir = fileURLToPath(new URL('../controller-runtime/', import.meta.url));

export interface ControllerRun {
  readonly exitCode: number;
  readonly steps: readonly StepLine[];
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the whole program, start to exit. */
  readonly wallMs: number;
}

/**
 * Builds the program if needed (into the cache outside the repository, through the Go
 * module cache; progress on stderr) and returns the binary's path.
 */
export async function buildControllerRuntimeProof(): Promise<string> {
  return buildGoProgram(`${programDir}build.sh`);
}

/**
 * Runs the program against the server of `kubeconfigPath`, in `namespace` (which it
 * creates), waiting up to `gcWait` (a Go duration) for garbage collection. Resolves
 * whatever the exit code, except 2 (arguments refused).
 */
export async function runControllerRuntimeProof(
  binary: string,
  kubeconfigPath: string,
  namespace: string,
  gcWait: string,
): Promise<ControllerRun> {
  const args = ['-kubeconfig', kubeconfigPath, '-crd-dir', `${programDir}crds`, '-namespace', namespace];
  const started = performance.now();
  const finished = await runProgram(binary, [...args, '-gc-wait', gcWait], 5 * 60_000, false);
  const wallMs = performance.now() - started;
  if (finished.code === 2) throw new Error(`controller-runtime-proof refused its arguments: ${finished.stderr}`);
  const steps = finished.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StepLine);
  return { exitCode: finished.code, steps, stdout: finished.stdout, stderr: finished.stderr, wallMs };
}
