// kube-apiserver and the embedded server started side by side for kubectl, each with its
// own kubectl cache, in a scratch directory removed on stop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, startTestServer, type RunningApiServer, type TestServer } from '../../src/testing/index.ts';
import type { KubectlPair } from './kubectl-compare.ts';

export interface KubectlServers {
  readonly real: RunningApiServer;
  readonly embedded: TestServer;
  readonly pair: KubectlPair;
  /** A scratch directory for manifests and editors. */
  readonly directory: string;
  stop(): Promise<void>;
}

export async function startKubectlServers(
  name: string,
  options: { controllers?: boolean } = {},
): Promise<KubectlServers> {
  const directory = mkdtempSync(join(tmpdir(), `kubeconflict-kubectl-${name}-`));
  const [real, embedded] = await Promise.all([
    startApiServer(),
    startTestServer({ ...(options.controllers !== undefined && { controllers: options.controllers }) }),
  ]);
  const pair: KubectlPair = {
    real: { kubeconfig: real.kubeconfigPath, cacheDir: join(directory, 'cache-real') },
    embedded: { kubeconfig: embedded.kubeconfigPath, cacheDir: join(directory, 'cache-embedded') },
  };
  return {
    real,
    embedded,
    pair,
    directory,
    stop: async () => {
      await Promise.all([real.stop(), embedded.stop()]);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
