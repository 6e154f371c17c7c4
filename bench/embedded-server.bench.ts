// Embedded server vs real kube-apiserver, measured in one run on one machine:
// start-up time, and one client doing GET and PUT-with-resourceVersion on one Deployment
// over a keep-alive connection. Writes docs/BENCHMARK-EMBEDDED.md.
//   npm run bench:embedded
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Agent, request, type RequestOptions } from 'node:https';
import os, { tmpdir } from 'node:os';
import { demoDeployment } from '../test/support/demo-deployment.ts';
import { type Kubeconfig, kubernetesVersion, startApiServer, startTestServer } from '../src/testing/index.ts';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 500);
const embeddedStarts = 10;
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

async function measure(base: string, tls: RequestOptions, auth: Record<string, string> = {}) {
  const c = client(base, tls, auth);
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
const embeddedResult = await measure(
  embedded.url,
  { ca: embedded.caPem },
  { authorization: `Bearer ${embedded.token}` },
);
embedded.stop();

const realStarted = performance.now();
const real = await startApiServer();
const realStartMs = performance.now() - realStarted;
const realResult = await measure(real.url, real.tls);
await real.stop();

const embeddedStartMs = percentile(startTimes, 50);
const row = (name: string, e: number, r: number, unit: string, digits = 1) =>
  `| ${name} | ${e.toFixed(digits)} ${unit} | ${r.toFixed(digits)} ${unit} | ${(e / r).toFixed(2)} |`;
const report = `# Embedded server vs kube-apiserver

Measured by \`npm run bench:embedded\` (bench/embedded-server.bench.ts) in one run, on
${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, against
kube-apiserver ${kubernetesVersion} with etcd 3.6.16 (\`--unsafe-no-fsync\`), both on
loopback over TLS, each in processes of its own (the embedded one as \`kubeconflict serve\`);
start-up is \`startTestServer()\` in process. One client, one Deployment, ${String(iterations)} GET + PUT-with-resourceVersion
cycles over one keep-alive connection.

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

Goals: embedded write throughput ≥ 3× the real server's: **${embeddedResult.putPerSecond / realResult.putPerSecond >= 3 ? 'met' : 'missed'}**
(${(embeddedResult.putPerSecond / realResult.putPerSecond).toFixed(2)}×); embedded start-up under 100 ms:
**${embeddedStartMs < 100 ? 'met' : 'missed'}** (${embeddedStartMs.toFixed(1)} ms).
`;
writeFileSync(new URL('../docs/BENCHMARK-EMBEDDED.md', import.meta.url), report);
console.log(report);
