import { execFileSync } from 'node:child_process';

/** The Go modules whose generated.proto files (and Go types) the descriptors come from. */
export const goModules = [
  { path: 'k8s.io/api', version: 'v0.36.3' },
  { path: 'k8s.io/apimachinery', version: 'v0.36.3' },
  { path: 'k8s.io/kube-aggregator', version: 'v0.36.3' },
] as const;

/** `k8s.io.kube_aggregator.pkg...` → `k8s.io/kube-aggregator`: protobuf packages spell a module's dash as `_`. */
export const moduleOfPackage = (packageName: string): { module: string; rest: string[] } => {
  const [first = '', second = '', third = '', ...rest] = packageName.split('.');
  return { module: `${first}.${second}/${third.replaceAll('_', '-')}`, rest };
};

/**
 * The module's directory in the Go module cache, downloading it through the Go module
 * proxy when it is not there yet.
 */
export function goModuleDir(path: string, version: string): string {
  let out: string;
  try {
    out = execFileSync('go', ['mod', 'download', '-json', `${path}@${version}`], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`protobuf: 'go mod download ${path}@${version}' failed (is Go installed?)`, { cause: error });
  }
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`protobuf: no directory for ${path}@${version}: ${info.Error ?? out}`);
  return info.Dir;
}
