import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';
import { UsageError } from './usage-error.ts';

export const serveHelp = `kubeconflict serve: run the embedded Kubernetes-compatible API server until Ctrl-C

Usage: kubeconflict serve [flags]

Serves namespaces, configmaps, secrets, pods (stored, not run), deployments and leases
over HTTPS on loopback, with a certificate authority of its own written into the
kubeconfig, so kubectl and any client keep TLS verification on:

  kubeconflict serve --kubeconfig-out /tmp/kc &
  kubectl --kubeconfig /tmp/kc get namespaces

Flags:
  --port N                 port to listen on; 0 picks a free one (default 0)
  --kubeconfig-out FILE    write the kubeconfig here (default: a temporary file)
  --token TOKEN            require this bearer token (written into the kubeconfig)
  --http                   plain HTTP instead of HTTPS (clients must then skip TLS)
  --faults RATE            inject faults into that share of requests, 0 to 1 (0.1 = 10%):
                           latency, 500, 503, 429 with Retry-After, resets before and after
                           the write commits, held answers, slow bodies; counts at Ctrl-C
  --seed N                 the faults' seed: the same requests meet the same faults (default 1)
  -h, --help               this help`;

/** Runs until SIGINT or SIGTERM; `ready` receives the URL once serving (tests use it). */
export async function runServeCommand(
  args: string[],
  out: (line: string) => void,
  stopSignal: Promise<unknown> = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]),
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      'kubeconfig-out': { type: 'string' },
      token: { type: 'string' },
      http: { type: 'boolean', default: false },
      faults: { type: 'string' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    out(serveHelp);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new UsageError(`--port must be an integer from 0 to 65535; got ${values.port}`);
  const rate = values.faults === undefined ? undefined : Number(values.faults);
  if (rate !== undefined && (values.faults?.trim() === '' || !(rate >= 0 && rate <= 1)))
    throw new UsageError(`--faults must be a share of requests from 0 to 1 (0.1 is 10%); got ${String(values.faults)}`);
  const seed = Number(values.seed);
  if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed))
    throw new UsageError(`--seed must be an integer; got ${values.seed}`);
  let server;
  try {
    server = await startTestServer({
      port,
      tls: !values.http,
      ...(rate !== undefined && { faults: { rate, seed } }),
      ...(values.token !== undefined && { token: values.token }),
      ...(values['kubeconfig-out'] !== undefined && { kubeconfigPath: values['kubeconfig-out'] }),
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
