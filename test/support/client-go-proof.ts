// Builds and runs test/client-go: the real k8s.io/client-go default clientset, one JSON line
// per step on stdout.
import { fileURLToPath } from 'node:url';
import { buildGoProgram, runProgram, type StepLine } from './go-program.ts';

const buildScript = fileURLToPath(new URL('../client-go/build.sh', import.meta.url));

export interface ProofRun {
  readonly exitCode: number;
  /** The stdout lines, verbatim, for a line-by-line comparison. */
  readonly lines: readonly string[];
  readonly steps: readonly StepLine[];
  readonly stderr: string;
}

/**
 * Builds the program if needed (into the cache outside the repository; a cold build of
 * client-go takes minutes) and returns the binary's path. Build progress goes to stderr.
 */
export async function buildClientGoProof(): Promise<string> {
  return buildGoProgram(buildScript);
}

/**
 * Runs the program against the server of `kubeconfigPath`, in `namespace` (which it creates).
 * `contentType` '' is client-go's default (protobuf). Resolves whatever the exit code.
 */
export async function runClientGoProof(
  binary: string,
  kubeconfigPath: string,
  namespace: string,
  contentType: '' | 'application/json',
): Promise<ProofRun> {
  const args = ['-kubeconfig', kubeconfigPath, '-namespace', namespace, '-content-type', contentType];
  const finished = await runProgram(binary, args, 5 * 60_000, false);
  if (finished.code === 2) throw new Error(`client-go-proof refused its arguments: ${finished.stderr}`);
  const lines = finished.stdout.split('\n').filter((line) => line !== '');
  const steps = lines.map((line) => JSON.parse(line) as StepLine);
  return { exitCode: finished.code, lines, steps, stderr: finished.stderr };
}
