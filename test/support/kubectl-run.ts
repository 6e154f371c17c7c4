// Runs the kubectl built from Go modules (v1.36.3) against one server, with a cache
// directory of its own so that discovery from one server never answers for another.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findAssets } from '../../src/testing/index.ts';

const run = promisify(execFile);

/** One server as kubectl reaches it. */
export interface KubectlTarget {
  readonly kubeconfig: string;
  readonly cacheDir: string;
}

/** How one kubectl command ended. */
export interface KubectlOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** kubectl's arguments that pick `target`'s server and cache, in front of `args`. */
export function kubectlArgs(target: KubectlTarget, args: readonly string[]): string[] {
  return [`--kubeconfig=${target.kubeconfig}`, `--cache-dir=${target.cacheDir}`, ...args];
}

/** Runs kubectl to its end; a non-zero exit is an outcome, not a rejection. */
export async function runKubectl(
  target: KubectlTarget,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<KubectlOutcome> {
  try {
    const { stdout, stderr } = await run(findAssets().kubectl, kubectlArgs(target, args), {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
