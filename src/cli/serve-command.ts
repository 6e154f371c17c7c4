import { once } from 'node:events';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { seedFlag } from './common-flags.ts';
import { anyText, portNumber, requestShare } from './flag-values.ts';
import { commandHelp, type CommandSpec, parseCommand, switchFlag, valueFlag } from './flags.ts';
import { UsageError } from './usage-error.ts';

const flags = {
  port: valueFlag({ placeholder: 'N', help: 'port to listen on; 0 picks a free one', default: '0', check: portNumber }),
  'kubeconfig-out': valueFlag({
    placeholder: 'FILE',
    help: 'write the kubeconfig here',
    shownDefault: 'a temporary file',
    check: anyText,
  }),
  token: valueFlag({
    placeholder: 'TOKEN',
    help: 'require this bearer token (written into the kubeconfig)',
    check: anyText,
  }),
  http: switchFlag('plain HTTP instead of HTTPS (clients must then skip TLS)'),
  'no-controllers': switchFlag(
    'run no controllers (no garbage collection, namespaces stay Terminating), as kube-apiserver alone',
  ),
  faults: valueFlag({
    placeholder: 'RATE',
    help: 'inject faults into that share of requests, 0 to 1 (0.1 = 10%): latency, 500, 503, 429 with Retry-After, resets before and after the write commits, held answers, slow bodies; counts at Ctrl-C',
    check: requestShare,
  }),
  seed: seedFlag("the faults' seed: the same requests meet the same faults", '1'),
};

const serveCommand: CommandSpec<typeof flags> = {
  about: `kubeconflict serve: run the embedded Kubernetes-compatible API server until Ctrl-C

Usage: kubeconflict serve [flags]

Serves namespaces, configmaps, secrets, pods (stored, not run), deployments and leases
over HTTPS on loopback, with a certificate authority of its own written into the
kubeconfig, so kubectl and any client keep TLS verification on:

  kubeconflict serve --kubeconfig-out /tmp/kc &
  kubectl --kubeconfig /tmp/kc get namespaces`,
  flags,
  sections: [
    { title: 'Flags:', flags: ['port', 'kubeconfig-out', 'token', 'http', 'no-controllers', 'faults', 'seed'] },
  ],
};

export const serveHelp = commandHelp(serveCommand);

/** Serves until SIGINT or SIGTERM, or until `stopSignal` (tests pass their own) settles. */
export async function runServeCommand(
  args: string[],
  out: (line: string) => void,
  stopSignal: Promise<unknown> = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]),
): Promise<number> {
  const parsed = parseCommand(serveCommand, args);
  if (parsed.help) {
    out(serveHelp);
    return 0;
  }
  const { port, faults: rate, seed, token, http } = parsed.values;
  const kubeconfigPath = parsed.values['kubeconfig-out'];
  let server;
  try {
    server = await startTestServer({
      port,
      tls: !http,
      controllers: !parsed.values['no-controllers'],
      ...(rate !== undefined && { faults: { rate, seed } }),
      ...(token !== undefined && { token }),
      ...(kubeconfigPath !== undefined && { kubeconfigPath }),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  out(`kubeconflict embedded API server listening on ${server.url}`);
  out(`kubeconfig: ${server.kubeconfigPath}`);
  out(`try: kubectl --kubeconfig ${server.kubeconfigPath} get namespaces`);
  if (rate !== undefined) out(`injecting faults into ${String(rate * 100)}% of requests (seed ${String(seed)})`);
  out('Ctrl-C to stop.');
  await stopOn(stopSignal, server, out);
  out('stopped.');
  return 0;
}

/** Waits for `stopSignal`, stops `server`, and reports the faults it injected, if any. */
async function stopOn(stopSignal: Promise<unknown>, server: TestServer, out: (line: string) => void): Promise<void> {
  await stopSignal;
  const injected = server.faults?.counts();
  await server.stop();
  if (injected) {
    out(
      `faults injected: ${Object.entries(injected)
        .map(([kind, n]) => `${kind} ${String(n)}`)
        .join(', ')}`,
    );
  }
}
