// The official Python Kubernetes client's proof (test/python/client_proof.py): installs the
// client from PyPI into a cached virtualenv (scripts/python-client.sh) and runs the proof
// against a server's kubeconfig. Its expected transcripts, recorded from kube-apiserver
// v1.36.3 and checked against it on every run, sit in test/python/transcripts/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Finished, runProgram } from './go-program.ts';

const pythonDir = new URL('../python/', import.meta.url);
const proof = fileURLToPath(new URL('client_proof.py', pythonDir));
const installer = fileURLToPath(new URL('../../scripts/python-client.sh', import.meta.url));

/** Installs the client if the cache lacks it (a first install downloads from PyPI); the path of its python. */
export async function installPythonClient(): Promise<string> {
  const finished = await runProgram('bash', [installer], 10 * 60_000, true);
  if (finished.code !== 0) throw new Error(`${installer} failed with exit code ${String(finished.code)}`);
  return finished.stdout.trim();
}

/** Runs the proof with `args` against the server of `kubeconfigPath`; resolves whatever the exit code. */
export function runPythonProof(python: string, kubeconfigPath: string, args: readonly string[]): Promise<Finished> {
  // -B: no __pycache__ left in test/python.
  return runProgram(python, ['-B', proof, '--kubeconfig', kubeconfigPath, ...args], 120_000, false);
}

/** An expected transcript, `test/python/transcripts/<name>.txt`. */
export function transcript(name: string): string {
  return readFileSync(new URL(`transcripts/${name}.txt`, pythonDir), 'utf8');
}
