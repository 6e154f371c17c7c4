#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=20
// A smaller young generation, and an old one that may grow by a fifth of what survived the
// last full collection before the next: a thousand lab workers then fit in under 300 MB
// (docs/BENCHMARK-LAB.md). Their live objects are few; V8 would otherwise let garbage grow
// both generations with the allocation rate, the old one to several times its live size.
import './exit-on-unsupported-node.ts';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backoffHelp, runBackoffCommand } from './backoff-command.ts';
import { buildApiServerHelp, runBuildApiServerCommand } from './build-apiserver-command.ts';
import { labHelp, runLabCommand } from './lab-command.ts';
import { runServeCommand, serveHelp } from './serve-command.ts';
import { UsageError } from './usage-error.ts';

const usage = `kubeconflict: correct, fast and visible concurrent writes to Kubernetes objects

Usage: kubeconflict <command> [flags]

Commands:
  lab        reproduce and measure write contention on one object (the embedded server by default)
  backoff    show what a retry-on-conflict schedule does, call by call
  serve      run the embedded Kubernetes-compatible API server (for kubectl and tests)
  build-apiserver
             build a real kube-apiserver, etcd and kubectl from Go modules (for --target apiserver)

Run 'kubeconflict <command> --help' for a command's flags.`;

const commands: Record<
  string,
  { run: (args: string[], out: (line: string) => void) => number | Promise<number>; help: string }
> = {
  lab: { run: (args, out) => runLabCommand(args, { out, stderr: process.stderr }), help: labHelp },
  backoff: { run: runBackoffCommand, help: backoffHelp },
  serve: { run: (args, out) => runServeCommand(args, out), help: serveHelp },
  'build-apiserver': { run: runBuildApiServerCommand, help: buildApiServerHelp },
};

/** Runs the CLI; resolves to the exit status: 0 done, 1 failed, 2 usage error. */
export async function main(
  argv: string[],
  out = (line: string) => {
    console.log(line);
  },
  err = (line: string) => {
    console.error(line);
  },
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    out(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    err(`kubeconflict: unknown command ${JSON.stringify(name)}\n\n${usage}`);
    return 2;
  }
  try {
    return await command.run(args, out);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      err(`kubeconflict ${name}: ${(error as Error).message}\n\n${command.help}`);
      return 2;
    }
    err(`kubeconflict ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
