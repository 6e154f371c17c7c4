import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The versions tools/apiserver/build.sh builds; the cache directory is keyed by them. */
export const kubernetesVersion = 'v1.36.3';
export const etcdVersion = 'v3.6.16';

/** Paths of the three binaries a real control plane needs, and of the optional fourth. */
export interface ApiServerAssets {
  readonly directory: string;
  readonly kubeApiServer: string;
  readonly etcd: string;
  readonly kubectl: string;
  /** Built by `tools/apiserver/build.sh --with-controller-manager`; needed for `controllers`. */
  readonly kubeControllerManager: string;
}

/**
 * Where the binaries are looked for, in order: `directory` when given, then the
 * `KUBECONFLICT_APISERVER_ASSETS` environment variable (like envtest's
 * `KUBEBUILDER_ASSETS`), then the cache that `kubeconflict build-apiserver` fills:
 * `$KUBECONFLICT_CACHE`, else `$XDG_CACHE_HOME/kubeconflict`, else
 * `~/.cache/kubeconflict`, under `apiserver/kubernetes-<version>-etcd-<version>`.
 */
export function assetsDirectory(directory?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (directory !== undefined) return directory;
  if (env.KUBECONFLICT_APISERVER_ASSETS) return env.KUBECONFLICT_APISERVER_ASSETS;
  const cacheRoot = env.KUBECONFLICT_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kubeconflict');
  return join(cacheRoot, 'apiserver', `kubernetes-${kubernetesVersion}-etcd-${etcdVersion}`);
}

/** Finds the binaries, or throws an error that says how to get them. */
export function findAssets(directory?: string, env: NodeJS.ProcessEnv = process.env): ApiServerAssets {
  const dir = assetsDirectory(directory, env);
  const assets = {
    directory: dir,
    kubeApiServer: join(dir, 'kube-apiserver'),
    etcd: join(dir, 'etcd'),
    kubectl: join(dir, 'kubectl'),
    kubeControllerManager: join(dir, 'kube-controller-manager'),
  };
  const missing = [assets.kubeApiServer, assets.etcd, assets.kubectl].filter((path) => !isExecutable(path));
  if (missing.length > 0) {
    throw new Error(
      `kube-apiserver binaries not found: ${missing.join(', ')} missing or not executable. ` +
        'Build them with `npx kubeconflict build-apiserver` (Go needed; minutes when cold), ' +
        'or set KUBECONFLICT_APISERVER_ASSETS to a directory holding kube-apiserver, etcd and kubectl ' +
        `(Kubernetes ${kubernetesVersion}, etcd ${etcdVersion}).`,
    );
  }
  return assets;
}

/** The kube-controller-manager binary, or an error that says how to build it. */
export function controllerManagerOf(assets: ApiServerAssets): string {
  if (isExecutable(assets.kubeControllerManager)) return assets.kubeControllerManager;
  throw new Error(
    `kube-controller-manager not found at ${assets.kubeControllerManager}: build it with ` +
      '`tools/apiserver/build.sh --with-controller-manager` (Go needed; minutes when cold).',
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
