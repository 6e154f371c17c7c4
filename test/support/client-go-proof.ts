// Builds and runs test/client-go: the real k8s.io/client-go default clientset, one JSON line
// per step on stdout.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const buildScript = fileURLToPath(new URL('../client-go/build.sh', import.meta.url));

/** One step's line: its name, whether it held, and what it observed. */
export interface ProofLine {
  readonly step: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly [fact: string]: unknown;
}

export interface ProofRun {
  readonly exitCode: number;
  /** The stdout lines, verbatim, for a line-by-line comparison. */
  readonly lines: readonly string[];
  readonly steps: readonly ProofLine[];
  readonly stderr: string;
}

interface Finished {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(file: string, args: readonly string[], timeoutMs: number, passStderr: boolean): Promise<Finished> {
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
 * Builds the program if needed (into the cache outside the repository; a cold build of
 * client-go takes minutes) and returns the binary's path. Build progress goes to stderr.
 */
export async function buildClientGoProof(): Promise<string> {
  const finished = await run('bash', [buildScript], 30 * 60_000, true);
  if (finished.code !== 0) throw new Error(`${buildScript} failed with exit code ${finished.code}`);
  const binary = finished.stdout.trim().split('\n').at(-1) ?? '';
  if (binary === '') throw new Error(`${buildScript} printed no binary path`);
  return binary;
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
  const finished = await run(binary, args, 5 * 60_000, false);
  if (finished.code === 2) throw new Error(`client-go-proof refused its arguments: ${finished.stderr}`);
  const lines = finished.stdout.split('\n').filter((line) => line !== '');
  const steps = lines.map((line) => JSON.parse(line) as ProofLine);
  return { exitCode: finished.code, lines, steps, stderr: finished.stderr };
}
