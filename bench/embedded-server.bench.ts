// Embedded server vs real kube-apiserver, measured in one run on one machine:
// start-up time, one client doing GET and PUT-with-resourceVersion on one Deployment
// over a keep-alive connection, and the same cycles by client-go's default clientset
// (bench/client-go-peer) in protobuf and in JSON. Writes docs/BENCHMARK-EMBEDDED.md.
//   npm run bench:embedded
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Agent, request, type RequestOptions } from 'node:https';
import os, { tmpdir } from 'node:os';
import { demoDeployment } from '../test/support/demo-deployment.ts';
import { type Kubeconfig, kubernetesVersion, startApiServer, startTestServer } from '../src/testing/index.ts';
import { clientGoPeer, runClientGoPeer } from './client-go-peer.ts';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 500);
const embeddedStarts = 10;
const freshProcesses = 5;
const clientGoCycles = Number(process.env.BENCH_CLIENT_GO_CYCLES ?? 1000);
const clientGoRounds = 5;
const contentTypes = ['protobuf', 'json'] as const;
const path = '/apis/apps/v1/namespaces/default/deployments';

interface Client {
  call(method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
}

function client(base: string, tls: Pick<RequestOptions, 'ca' | 'cert' | 'key'>, auth: Record<string, string>): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: tls.ca, cert: tls.cert, key: tls.key });
  return {
    call: (method, url, body) =>
      new Promise((resolve, reject) => {
        const text = body === undefined ? undefined : JSON.stringify(body);
        const req = request(
          new URL(url, base),
          {
            method,
            agent,
            headers: {
              accept: 'application/json',
              ...auth,
              ...(text && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
            },
          },
          (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (data += chunk));
            res.on('end', () => {
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) as Record<string, unknown> });
            });
          },
        );
        req.on('error', reject);
        req.end(text);
      }),
  };
}

async function serveInChildProcess() {
  const directory = mkdtempSync(join(tmpdir(), 'kubeconflict-bench-'));
  const kubeconfigPath = join(directory, 'kubeconfig');
  const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const child = spawn(process.execPath, [cli, 'serve', '--kubeconfig-out', kubeconfigPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout })) if (line.startsWith('Ctrl-C')) break;
  const kubeconfig = JSON.parse(readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig;
  const cluster = kubeconfig.clusters[0]?.cluster;
  const token = kubeconfig.users[0]?.user.token ?? '';
  return {
    kubeconfigPath,
    url: cluster?.server ?? '',
    caPem: Buffer.from(cluster?.['certificate-authority-data'] ?? '', 'base64').toString(),
    token,
    stop: () => {
      child.kill('SIGINT');
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function measure(c: Client) {
  const created = await c.call('POST', path, demoDeployment('bench', 'biz-version', 0));
  if (created.status !== 201) throw new Error(`create failed: ${String(created.status)}`);
  const gets: number[] = [];
  const puts: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    const read = await c.call('GET', `${path}/bench`);
    gets.push(performance.now() - t);
    const object = read.json as { metadata: { labels: Record<string, string> } };
    object.metadata.labels['biz-version'] = String(i + 1);
    t = performance.now();
    const written = await c.call('PUT', `${path}/bench`, object);
    puts.push(performance.now() - t);
    if (written.status !== 200) throw new Error(`PUT failed: ${String(written.status)}`);
  }
  const wallMs = performance.now() - started;
  return {
    getPerSecond: (1000 * iterations) / gets.reduce((a, b) => a + b, 0),
    putPerSecond: (1000 * iterations) / puts.reduce((a, b) => a + b, 0),
    getP50: percentile(gets, 50),
    getP99: percentile(gets, 99),
    putP50: percentile(puts, 50),
    putP99: percentile(puts, 99),
    cyclesPerSecond: (1000 * iterations) / wallMs,
  };
}

interface ClientGoTarget {
  readonly server: 'embedded' | 'real';
  readonly kubeconfigPath: string;
  readonly client: Client;
}

/**
 * client-go's sequential GET+Update cycles per second, rate limit off, on each server in
 * each content type: the median of the rounds.
 */
async function measureClientGo(peer: string, targets: readonly ClientGoTarget[]) {
  const rates = new Map<string, number[]>();
  for (const { client: c } of targets) {
    for (const contentType of contentTypes) {
      const created = await c.call('POST', path, demoDeployment(`client-go-${contentType}`, 'biz-version', 0));
      if (created.status !== 201) throw new Error(`create failed: ${String(created.status)}`);
    }
  }
  // Rounds interleave servers and content types, so that drift on a noisy machine hits all alike.
  for (let round = 0; round < clientGoRounds; round++) {
    for (const { server, kubeconfigPath } of targets) {
      for (const contentType of contentTypes) {
        const result = await runClientGoPeer(peer, [
          ...['--kubeconfig', kubeconfigPath, '--name', `client-go-${contentType}`, '--content-type', contentType],
          ...['--strategy', 'cycle', '--cycles', String(clientGoCycles), '--rate-limit', 'off'],
        ]);
        if (result.failed > 0) throw new Error(`client-go ${server} ${contentType}: ${result.errors.join('; ')}`);
        const key = `${server} ${contentType}`;
        rates.set(key, [...(rates.get(key) ?? []), (1000 * result.succeeded) / result.wallMs]);
      }
    }
  }
  return (server: ClientGoTarget['server'], contentType: (typeof contentTypes)[number]) =>
    percentile(rates.get(`${server} ${contentType}`) ?? [], 50);
}

interface ColdStart {
  importMs: number;
  firstStartMs: number;
  codecLoadedAtStart: boolean;
  firstProtobufMs: number;
  secondProtobufMs: number;
  codecLoadedAfter: boolean;
}

/** bench/cold-start.ts in fresh processes: the median of each figure. */
function measureColdStarts() {
  const script = fileURLToPath(new URL('./cold-start.ts', import.meta.url));
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const runs = Array.from(
    { length: freshProcesses },
    () => JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as ColdStart,
  );
  // Without this check a "not loaded at start-up" could come from a probe that sees nothing.
  if (runs.some((run) => !run.codecLoadedAfter)) throw new Error('cold-start.ts did not see protobufjs load');
  const median = (key: Exclude<keyof ColdStart, 'codecLoadedAtStart' | 'codecLoadedAfter'>) =>
    percentile(
      runs.map((run) => run[key]),
      50,
    );
  // startTestServer() imports @kubernetes/client-node for the kubeConfig it returns.
  const clientNodeImport = `const t = performance.now(); await import('@kubernetes/client-node'); console.log(performance.now() - t);`;
  const clientNodeImportMs = Array.from({ length: freshProcesses }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', clientNodeImport], { encoding: 'utf8', cwd })),
  );
  return {
    importMs: median('importMs'),
    firstStartMs: median('firstStartMs'),
    firstProtobufMs: median('firstProtobufMs'),
    secondProtobufMs: median('secondProtobufMs'),
    codecLoadedAtStart: runs.some((run) => run.codecLoadedAtStart),
    clientNodeImportMs: percentile(clientNodeImportMs, 50),
  };
}

const loadAtStart = os.loadavg()[0] ?? 0;
const peer = await clientGoPeer();
const coldStart = measureColdStarts();
const startTimes: number[] = [];
for (let i = 0; i < embeddedStarts; i++) {
  const t = performance.now();
  const server = await startTestServer();
  startTimes.push(performance.now() - t);
  await server.stop();
}
// The server under test runs in a process of its own, like kube-apiserver, so that the
// client's work is not charged to it.
const embedded = await serveInChildProcess();
const embeddedClient = client(embedded.url, { ca: embedded.caPem }, { authorization: `Bearer ${embedded.token}` });
const embeddedResult = await measure(embeddedClient);

const realStarted = performance.now();
const real = await startApiServer();
const realStartMs = performance.now() - realStarted;
const realClient = client(real.url, real.tls, {});
const realResult = await measure(realClient);

const clientGo = await measureClientGo(peer, [
  { server: 'embedded', kubeconfigPath: embedded.kubeconfigPath, client: embeddedClient },
  { server: 'real', kubeconfigPath: real.kubeconfigPath, client: realClient },
]);
embedded.stop();
await real.stop();

const embeddedStartMs = percentile(startTimes, 50);
const row = (name: string, e: number, r: number, unit: string, digits = 1) =>
  `| ${name} | ${e.toFixed(digits)} ${unit} | ${r.toFixed(digits)} ${unit} | ${(e / r).toFixed(2)} |`;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const putRatio = embeddedResult.putPerSecond / realResult.putPerSecond;
const clientGoRatio = clientGo('embedded', 'protobuf') / clientGo('real', 'protobuf');
const report = `# Embedded server vs kube-apiserver

Measured by \`npm run bench:embedded\` (bench/embedded-server.bench.ts) in one run, on
${String(os.cpus().length)} shared cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, against
kube-apiserver ${kubernetesVersion} with etcd 3.6.16 (\`--unsafe-no-fsync\`), both on
loopback over TLS, each in processes of its own (the embedded one as \`kubeconflict serve\`).
The machine is shared and noisy (1-minute load average ${loadAtStart.toFixed(1)} at the start of the run,
${(os.loadavg()[0] ?? 0).toFixed(1)} at its end): figures move from run to run, so compare the ratios of one run.

One Node client, one Deployment, ${String(iterations)} GET + PUT-with-resourceVersion cycles over one
keep-alive connection, in JSON. Then client-go v0.36.3's default clientset
(\`kubernetes.NewForConfig\`'s typed client, bench/client-go-peer, \`--strategy cycle\`) with its rate
limiter off: ${String(clientGoCycles)} sequential GET + Update cycles on one Deployment, median of
${String(clientGoRounds)} rounds, in protobuf (client-go's default for built-in types) and with
\`ContentType: application/json\`, both servers running and the rounds interleaved.

| measure | embedded | kube-apiserver | embedded ÷ real |
|---|---|---|---|
${row('start-up (median of ' + String(embeddedStarts) + ' for embedded)', embeddedStartMs, realStartMs, 'ms')}
${row('PUT with resourceVersion throughput', embeddedResult.putPerSecond, realResult.putPerSecond, '/s', 0)}
${row('GET throughput', embeddedResult.getPerSecond, realResult.getPerSecond, '/s', 0)}
${row('PUT p50', embeddedResult.putP50, realResult.putP50, 'ms', 2)}
${row('PUT p99', embeddedResult.putP99, realResult.putP99, 'ms', 2)}
${row('GET p50', embeddedResult.getP50, realResult.getP50, 'ms', 2)}
${row('GET p99', embeddedResult.getP99, realResult.getP99, 'ms', 2)}
${row('GET+PUT cycles', embeddedResult.cyclesPerSecond, realResult.cyclesPerSecond, '/s', 0)}
${row('client-go GET+Update cycles, protobuf (default)', clientGo('embedded', 'protobuf'), clientGo('real', 'protobuf'), '/s', 0)}
${row('client-go GET+Update cycles, JSON', clientGo('embedded', 'json'), clientGo('real', 'json'), '/s', 0)}

## Embedded start-up

\`startTestServer()\` in process, TLS with a fresh CA. "Fresh process" figures are the median of
${String(freshProcesses)} new Node processes (bench/cold-start.ts), which load the TypeScript sources
with type stripping.

| measure | time |
|---|---|
| importing src/testing/index.ts, fresh process | ${coldStart.importMs.toFixed(1)} ms |
| first \`startTestServer()\`, fresh process | ${coldStart.firstStartMs.toFixed(1)} ms |
| … importing @kubernetes/client-node alone, fresh process (the first start imports it for the \`kubeConfig\` it returns) | ${coldStart.clientNodeImportMs.toFixed(1)} ms |
| later \`startTestServer()\`, median of ${String(embeddedStarts)} | ${embeddedStartMs.toFixed(1)} ms |
| first protobuf request (GET of a Deployment list; loads the codec) | ${coldStart.firstProtobufMs.toFixed(1)} ms |
| second protobuf request | ${coldStart.secondProtobufMs.toFixed(1)} ms |
| protobuf codec (protobufjs) loaded by the first start | ${coldStart.codecLoadedAtStart ? 'yes' : 'no'} |

## Goals

| goal | | measured |
|---|---|---|
| embedded PUT throughput ≥ 3 × kube-apiserver's | ${verdict(putRatio >= 3)} | ${putRatio.toFixed(2)} × |
| client-go default clientset (protobuf) GET+Update cycles ≥ 3 × kube-apiserver's | ${verdict(clientGoRatio >= 3)} | ${clientGoRatio.toFixed(2)} × (${clientGo('embedded', 'protobuf').toFixed(0)} against ${clientGo('real', 'protobuf').toFixed(0)} /s) |
| \`startTestServer()\` under 100 ms (median of ${String(embeddedStarts)}) | ${verdict(embeddedStartMs < 100)} | ${embeddedStartMs.toFixed(1)} ms |
| first \`startTestServer()\` in a fresh process under 100 ms | ${verdict(coldStart.firstStartMs < 100)} | ${coldStart.firstStartMs.toFixed(1)} ms (importing @kubernetes/client-node alone: ${coldStart.clientNodeImportMs.toFixed(1)} ms) |
| protobuf codec not loaded at start-up | ${verdict(!coldStart.codecLoadedAtStart)} | ${coldStart.codecLoadedAtStart ? 'loaded' : 'not loaded'}; first protobuf request ${coldStart.firstProtobufMs.toFixed(1)} ms |
`;
writeFileSync(new URL('../docs/BENCHMARK-EMBEDDED.md', import.meta.url), report);
console.log(report);
