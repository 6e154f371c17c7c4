import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandHelp, type CommandSpec, type FlagSet, parseCommand } from './flags.ts';
import { UsageError } from './usage-error.ts';

const buildApiServerCommand: CommandSpec<FlagSet> = {
  about: `kubeconflict build-apiserver: build kube-apiserver, etcd and kubectl for --target apiserver
and startApiServer(), from the Go module proxy, into a cache outside the project

Usage: kubeconflict build-apiserver

Needs Go (1.26 or newer) on PATH. A cold build takes minutes and prints its progress; later
runs find the binaries in the cache and return at once. The cache is
$KUBECONFLICT_CACHE, else $XDG_CACHE_HOME/kubeconflict, else ~/.cache/kubeconflict.
Binaries you have already: set KUBECONFLICT_APISERVER_ASSETS to their directory instead.
Prints the directory of the binaries on stdout.`,
  flags: {},
  sections: [],
};

export const buildApiServerHelp = commandHelp(buildApiServerCommand);

// The build files ship with the package (tools/ beside dist/), as they sit in a checkout.
const buildScript = fileURLToPath(new URL('../../tools/apiserver/build.sh', import.meta.url));

/** Runs the shipped build script: progress on stderr, the assets directory on stdout. */
export async function runBuildApiServerCommand(args: string[], out: (line: string) => void): Promise<number> {
  if (parseCommand(buildApiServerCommand, args).help) {
    out(buildApiServerHelp);
    return 0;
  }
  if (!existsSync(buildScript))
    throw new UsageError(`the build script is missing: ${buildScript}; reinstall kubeconflict`);
  const child = spawn('bash', [buildScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  const [code] = (await Promise.race([
    once(child, 'exit'),
    once(child, 'error').then(([error]) => {
      throw new Error(`could not run bash: ${(error as Error).message}`);
    }),
  ])) as [number | null];
  if (code !== 0) {
    throw new Error(
      'the build failed (see its output above); it needs Go 1.26 or newer on PATH and the Go module proxy',
    );
  }
  out(stdout.trim().split('\n').at(-1) ?? '');
  return 0;
}
