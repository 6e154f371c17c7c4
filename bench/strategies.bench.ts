// N concurrent increments of one Deployment label, N ∈ {5, 50, 200}, workers in one
// process and in separate processes, on the embedded server and on a real kube-apiserver:
// kubeconflict's strategies against client-go itself and naive client-node code, in one run
// on one machine. Writes docs/BENCHMARKS.md.   npm run bench:strategies
//
// BENCH_SIZES=5,50 and BENCH_SERVERS=embedded narrow a run (the document says so).
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Backoff } from '../src/core/backoff.ts';
import { strategyNamed } from '../src/lab/strategies.ts';
import { runLab } from '../src/lab/run-lab.ts';
import { turnCosts } from '../src/lab/turn-costs.ts';
import { kubernetesVersion, startApiServer, startTestServer } from '../src/testing/index.ts';
import { clientGoPeer } from './client-go-peer.ts';
import {
  clientGoCycle,
  clientGoRow,
  clientNodeCycle,
  clientNodeNaiveRow,
  kubeconflictCycle,
  labRef,
  median,
  type Row,
  type Target,
} from './peers.ts';

const sizes = (process.env.BENCH_SIZES ?? '5,50,200').split(',').map(Number);
const serverNames = (process.env.BENCH_SERVERS ?? 'embedded,apiserver').split(',');
const strategies = ['retry', 'backoff', 'merge-patch', 'json-patch', 'apply', 'adaptive', 'queue', 'coalesce'];
const cycles = 50;
const processesFor = (workers: number) => Math.min(workers, 50);
/** The seed's hand-tuned backoff: 30 steps hold 50 writers; 200 need 50 (as measured for client-go). */
const stepsFor = (workers: number) => (workers >= 200 ? 50 : 30);
const log = (line: string) => {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
};

interface PathRow {
  readonly client: string;
  readonly ms: number;
}
interface ServerReport {
  readonly server: string;
  readonly paths: PathRow[];
  readonly rows: Row[];
  readonly uncontended: UncontendedRow[];
}
/** One strategy's wall time at N writers in one process, over several seeds. */
interface UncontendedRow {
  readonly workers: number;
  readonly strategy: string;
  readonly wallsMs: number[];
  readonly medianMs: number;
}

/** Few writers in one process, where a strategy should cost nothing: medians over these seeds. */
const uncontendedSeeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const uncontendedStrategies = ['retry', 'backoff', 'adaptive'];

async function measureServer(peer: string, serverName: string, target: Target): Promise<ServerReport> {
  // The bare request path, rounds interleaved so that drift hits every client alike.
  const samples: Record<string, number[]> = {};
  const sample = (client: string, ms: number) => (samples[client] ??= []).push(ms);
  for (let round = 0; round < 3; round++) {
    log(`${serverName}: request paths, round ${String(round + 1)}/3`);
    sample('kubeconflict', await kubeconflictCycle(target, cycles));
    sample(
      `client-go (${target.clientGoContentType})`,
      await clientGoCycle(peer, target, target.clientGoContentType, cycles),
    );
    if (target.clientGoContentType === 'protobuf')
      sample('client-go (json)', await clientGoCycle(peer, target, 'json', cycles));
    sample('client-node 2.x', await clientNodeCycle(target, 2, cycles));
    sample('client-node 1.x', await clientNodeCycle(target, 1, cycles));
  }
  const pathMs = (client: string) => [...(samples[client] ?? [])].sort((a, b) => a - b)[1] ?? 0;
  const paths = Object.keys(samples).map((client) => ({ client, ms: pathMs(client) }));
  const clientGoMs = pathMs(`client-go (${target.clientGoContentType})`);
  const rows: Row[] = [];
  for (const workers of sizes) {
    for (const processes of [1, processesFor(workers)]) {
      if (processes === 1 && rows.some((r) => r.workers === workers && r.processes === 1)) continue;
      if (processes > 1 && workers === 1) continue;
      log(`${serverName}: N=${String(workers)}, ${String(processes)} process(es): kubeconflict`);
      rows.push(...(await kubeconflictRows(target, workers, processes, pathMs('kubeconflict'))));
      log(`${serverName}: N=${String(workers)}, ${String(processes)} process(es): client-go`);
      rows.push(
        await clientGoRow(
          peer,
          target,
          { strategy: 'default-retry', rateLimit: 'off' },
          workers,
          processes,
          clientGoMs,
        ),
      );
      rows.push(
        await clientGoRow(
          peer,
          target,
          { strategy: 'custom-backoff', steps: stepsFor(workers) },
          workers,
          processes,
          clientGoMs,
        ),
      );
      // As shipped (QPS 5, Burst 10) a run takes minutes from N=50; measured where it stays short.
      if (processes === 1 && workers <= 50 && (workers === 5 || serverName === 'apiserver')) {
        rows.push(
          await clientGoRow(peer, target, { strategy: 'default-retry', rateLimit: 'default' }, workers, 1, clientGoMs),
        );
      }
      if (processes === 1) rows.push(await clientNodeNaiveRow(target, workers, pathMs('client-node 2.x')));
    }
  }
  log(`${serverName}: N=1 and N=5 in one process, ${String(uncontendedSeeds.length)} seeds`);
  const uncontended = await uncontendedRows(target);
  return { server: serverName, paths, rows: rows.sort(byGroup), uncontended };
  function byGroup(a: Row, b: Row) {
    return a.workers - b.workers || a.processes - b.processes;
  }
}

async function uncontendedRows(target: Target): Promise<UncontendedRow[]> {
  const rows: UncontendedRow[] = [];
  for (const workers of [1, 5]) {
    const walls = new Map<string, number[]>(uncontendedStrategies.map((name) => [name, []]));
    for (const [index, seed] of uncontendedSeeds.entries()) {
      // Each seed starts with another strategy: whichever runs first in a process pays its warm-up.
      const order = uncontendedStrategies.map(
        (_, i) => uncontendedStrategies[(i + index) % uncontendedStrategies.length] ?? '',
      );
      const runs = await labRuns(target, `uncontended-${String(workers)}-${String(seed)}`, {
        workers,
        processes: 1,
        names: order,
        seed,
      });
      for (const run of runs) {
        if (run.measures.failed > 0 || run.measures.final !== run.measures.expected)
          throw new Error(`${run.strategy} at N=${String(workers)}, seed ${String(seed)}: not correct`);
        walls.get(run.strategy)?.push(run.measures.wallMs);
      }
    }
    for (const [strategy, wallsMs] of walls) rows.push({ workers, strategy, wallsMs, medianMs: median(wallsMs) });
  }
  return rows;
}

/** One lab run of the named strategies, with the seed's hand-tuned backoff and a 60 s deadline. */
async function labRuns(
  target: Target,
  name: string,
  run: { workers: number; processes: number; names: readonly string[]; seed: number },
) {
  const { runs } = await runLab({
    kubeConfig: target.kubeConfig,
    ref: labRef(name),
    workers: run.workers,
    start: 101,
    strategies: run.names.map(strategyByName),
    backoff: new Backoff({ steps: stepsFor(run.workers), duration: 10, factor: 1.5, jitter: 1 }),
    deadlineMs: 60_000,
    seed: run.seed,
    processes: run.processes,
    keep: false,
    reuse: false,
  });
  return runs;
}

function strategyByName(name: string) {
  const strategy = strategyNamed(name);
  if (!strategy) throw new Error(`no strategy ${name}`);
  return strategy;
}

async function kubeconflictRows(target: Target, workers: number, processes: number, cycleMs: number): Promise<Row[]> {
  const runs = await labRuns(target, `kubeconflict-${String(workers)}-${String(processes)}`, {
    workers,
    processes,
    names: strategies,
    seed: 1,
  });
  return runs.map((run) => {
    const m = run.measures;
    return {
      client: 'kubeconflict',
      strategy: run.strategy,
      workers,
      processes,
      final: m.final,
      expected: m.expected,
      lost: m.lostUpdates,
      duplicated: m.duplicatedUpdates,
      failed: m.failed,
      requestsPerSuccess: m.requestsPerSuccess,
      p50Ms: m.latencyMs?.p50 ?? null,
      p99Ms: m.latencyMs?.p99 ?? null,
      wallMs: m.wallMs,
      // The same measure as every other client's: this run's request-path median.
      serialBoundMs: workers * cycleMs,
      conflicts: m.conflicts,
      turns: turnCosts(run.timeline),
    };
  });
}

function document(reports: readonly ServerReport[]): string {
  const goVersion = execFileSync('go', ['version'], { encoding: 'utf8' }).trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const parts = [
    `# Benchmarks: kubeconflict against client-go and client-node

Generated by \`npm run bench:strategies\` (bench/strategies.bench.ts); do not edit by hand.
Every figure comes from one run on one machine; machines here are shared and noisy, so
compare rows of the same run, not runs.

- Machine: ${String(os.cpus().length)} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}
- Node ${process.version}; @kubernetes/client-node 2.0.1 and 1.4.0; ${goVersion}; client-go v0.36.3
- Servers: the embedded server, and kube-apiserver ${kubernetesVersion} with etcd (built from Go modules)
- Work: N concurrent increments of label \`biz-version\` of one Deployment, from 101.
  Sizes: ${sizes.join(', ')}. Servers: ${serverNames.join(', ')}.
- Workers in one process (goroutines, or promises), and in separate processes
  (min(N, 50) OS processes, released together). Processes share the machine's
  ${String(os.cpus().length)} cores with the server.
- Serial bound: N × one uncontended GET+PUT on that row's own request path (the median of
  ${String(cycles)}, measured in this run). *wall ÷ serial* below 1 means faster than doing the
  increments one after another.
- client-go talks protobuf to kube-apiserver (its default for built-in types) and JSON to
  the embedded server.
- kubeconflict's backoff, merge-patch, json-patch and apply strategies use the same backoff
  as the client-go custom row (30 steps, 50 from N = 200); adaptive and queue have a 60 s
  deadline and no steps. queue shares a process's turn among its workers (objectQueue).
`,
  ];
  for (const report of reports) parts.push(serverSection(report));
  parts.push(goals(reports));
  return `${parts.join('\n')}\n`;
}

const ms = (value: number | null) =>
  value === null ? '–' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;

function serverSection(report: ServerReport): string {
  const title = report.server === 'embedded' ? 'Embedded server' : 'Real kube-apiserver';
  const clientGo =
    report.paths.find((p) => p.client.startsWith('client-go') && !p.client.endsWith('(json)')) ??
    report.paths.find((p) => p.client.startsWith('client-go'));
  const pathRows = report.paths
    .map((p) => `| ${p.client} | ${p.ms.toFixed(2)} ms | ${clientGo ? (p.ms / clientGo.ms).toFixed(2) : '–'} |`)
    .join('\n');
  const groups = new Map<string, Row[]>();
  for (const row of report.rows) {
    const key = `N = ${String(row.workers)}, ${row.processes === 1 ? 'one process' : `${String(row.processes)} processes`}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const tables = [...groups.entries()].map(
    ([key, rows]) => `#### ${key}

| client | strategy | final / expected | lost | dup. | failed | requests / success | p50 | p99 | wall | serial bound | wall ÷ serial |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows
  .map(
    (r) =>
      `| ${r.client} | ${r.strategy} | ${String(r.final)} / ${String(r.expected)} | ${String(r.lost)} | ${String(r.duplicated)} | ${String(r.failed)} | ${r.requestsPerSuccess === null ? '–' : r.requestsPerSuccess.toFixed(2)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${ms(r.wallMs)} | ${ms(r.serialBoundMs)} | ${(r.wallMs / r.serialBoundMs).toFixed(2)} |`,
  )
  .join('\n')}
`,
  );
  return `## ${title}

### The bare request path: one uncontended GET+PUT (median of ${String(cycles)}, middle of 3 rounds)

| client | GET+PUT | ÷ client-go |
|---|---|---|
${pathRows}

### N concurrent increments

${tables.join('\n')}
### Few writers in one process: wall time over ${String(uncontendedSeeds.length)} seeds

| N | strategy | median wall | fastest | slowest |
|---|---|---|---|---|
${report.uncontended
  .map(
    (r) =>
      `| ${String(r.workers)} | ${r.strategy} | ${ms(r.medianMs)} | ${ms(Math.min(...r.wallsMs))} | ${ms(Math.max(...r.wallsMs))} |`,
  )
  .join('\n')}
`;
}

function goals(reports: readonly ServerReport[]): string {
  const lines: string[] = [];
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  for (const report of reports) {
    const where = report.server === 'embedded' ? 'embedded server' : 'kube-apiserver';
    const seed = report.rows.filter((r) => r.workers === 5 && r.processes === 1 && retrying(r));
    if (seed.length > 0) {
      const bad = seed.filter((r) => r.final !== r.expected || r.failed > 0);
      lines.push(
        `| ${where} | N = 5: final 106, 0 failed, for every retrying strategy | ${verdict(bad.length === 0)} | ${bad.length === 0 ? `${String(seed.length)} of ${String(seed.length)} rows` : bad.map((r) => `${r.client} ${r.strategy}: ${String(r.final)}, ${String(r.failed)} failed`).join('; ')} |`,
      );
    }
    lines.push(...adaptiveGoals(report, where), ...queueGoals(report, where));
    const coalesce = report.rows.find((r) => r.workers === 200 && r.processes === 1 && r.strategy === 'coalesce');
    if (coalesce) {
      const ratio = coalesce.wallMs / coalesce.serialBoundMs;
      const met = ratio <= 0.2 && coalesce.lost === 0 && coalesce.duplicated === 0;
      lines.push(
        `| ${where} | coalesce, N = 200, one process: wall ÷ serial ≤ 0.2, 0 lost, 0 duplicated | ${verdict(met)} | ${ratio.toFixed(3)}, ${String(coalesce.lost)} lost, ${String(coalesce.duplicated)} duplicated |`,
      );
    }
    const ours = report.paths.find((p) => p.client === 'kubeconflict');
    const clientGo =
      report.paths.find((p) => p.client.startsWith('client-go') && !p.client.endsWith('(json)')) ??
      report.paths.find((p) => p.client.startsWith('client-go'));
    if (ours && clientGo) {
      const ratio = ours.ms / clientGo.ms;
      lines.push(
        `| ${where} | request path within 1.25 × client-go's GET+PUT | ${verdict(ratio <= 1.25)} | ${ratio.toFixed(2)} × (${ours.ms.toFixed(2)} against ${clientGo.ms.toFixed(2)} ms) |`,
      );
    }
  }
  return `## Goals

| server | goal | | measured |
|---|---|---|---|
${lines.join('\n')}
`;
}

/** adaptive: never the slowest where it should cost nothing, and no worse than the best backoff under contention. */
function adaptiveGoals(report: ServerReport, where: string): string[] {
  const lines: string[] = [];
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  const row = (workers: number, processes: number, client: string, strategy: string) =>
    report.rows.find(
      (r) => r.workers === workers && r.processes === processes && r.client === client && r.strategy === strategy,
    );
  for (const workers of [1, 5]) {
    const median = (strategy: string) =>
      report.uncontended.find((r) => r.workers === workers && r.strategy === strategy)?.medianMs ?? Infinity;
    const ratio = median('adaptive') / Math.min(median('retry'), median('backoff'));
    if (!Number.isFinite(ratio)) continue;
    lines.push(
      `| ${where} | adaptive, N = ${String(workers)}, one process: median wall over ${String(uncontendedSeeds.length)} seeds ≤ 1.25 × the better of retry's and backoff's | ${verdict(ratio <= 1.25)} | ${ratio.toFixed(2)} × |`,
    );
  }
  for (const [workers, processes] of [
    [50, 1],
    [50, 50],
    [200, 1],
    [200, 50],
  ] as const) {
    const adaptive = row(workers, processes, 'kubeconflict', 'adaptive');
    if (!adaptive) continue;
    const scope = `N = ${String(workers)}, ${processes === 1 ? 'one process' : `${String(processes)} processes`}`;

    const clientGoBackoff = report.rows.find(
      (r) =>
        r.workers === workers &&
        r.processes === processes &&
        r.client === 'client-go' &&
        r.strategy.startsWith('RetryOnConflict(custom'),
    );
    if (!clientGoBackoff) throw new Error(`no client-go backoff row at ${scope}`);
    const backoffs = [row(workers, processes, 'kubeconflict', 'backoff'), clientGoBackoff];
    const best = Math.min(...backoffs.map((r) => r?.wallMs ?? Infinity));
    const perSuccess = adaptive.requestsPerSuccess ?? Infinity;
    const met = adaptive.failed === 0 && adaptive.wallMs <= best && perSuccess <= 2.5;
    lines.push(
      `| ${where} | adaptive, ${scope}: 0 failed, wall ≤ the best backoff's, ≤ 2.5 requests per success | ${verdict(met)} | ${String(adaptive.failed)} failed, ${(adaptive.wallMs / best).toFixed(2)} × the best backoff's wall, ${perSuccess.toFixed(2)} requests per success |`,
    );
  }
  return lines;
}

/** queue: writers in many processes near the serial bound, without a conflict. */
function queueGoals(report: ServerReport, where: string): string[] {
  const lines: string[] = [];
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  for (const [workers, bound] of [
    [50, 1.5],
    [200, 2],
  ] as const) {
    const queue = report.rows.find((r) => r.workers === workers && r.processes > 1 && r.strategy === 'queue');
    if (!queue) continue;
    const ratio = queue.wallMs / queue.serialBoundMs;
    const clean = queue.failed === 0 && queue.lost === 0 && queue.duplicated === 0 && queue.conflicts === 0;
    const perSuccess = queue.requestsPerSuccess ?? Infinity;
    const met = clean && ratio <= bound && (workers !== 50 || perSuccess <= 6);
    const turns = queue.turns
      ? `; ${String(queue.turns.turns)} turns, the first at ${ms(queue.turns.firstTurnMs)}, then one every ${ms(queue.turns.gapMs.p50)} (p50; p90 ${ms(queue.turns.gapMs.p90)})`
      : '';
    lines.push(
      `| ${where} | queue, N = ${String(workers)} in ${String(queue.processes)} processes: 0 failed, lost, duplicated and 409s; wall ÷ serial ≤ ${String(bound)}${workers === 50 ? '; ≤ 6 requests per success' : ''} | ${verdict(met)} | ${String(queue.failed)} failed, ${String(queue.lost)} lost, ${String(queue.duplicated)} duplicated, ${String(queue.conflicts ?? '–')} 409s; ${ratio.toFixed(2)}; ${perSuccess.toFixed(2)} requests per success${turns} |`,
    );
  }
  return lines;
}

function retrying(row: Row): boolean {
  if (row.client === 'kubeconflict') return strategyNamed(row.strategy)?.promisesCorrectness ?? false;
  return row.client === 'client-go';
}

async function main(): Promise<void> {
  const peer = await clientGoPeer();
  const reports: ServerReport[] = [];
  for (const serverName of serverNames) {
    log(`starting ${serverName}`);
    const server = serverName === 'embedded' ? await startTestServer() : await startApiServer();
    const target: Target = {
      kubeConfig: server.kubeConfig,
      kubeconfigPath: server.kubeconfigPath,
      clientGoContentType: serverName === 'embedded' ? 'json' : 'protobuf',
    };
    try {
      reports.push(await measureServer(peer, serverName, target));
    } finally {
      await server.stop();
    }
  }
  writeFileSync(new URL('../docs/BENCHMARKS.md', import.meta.url), document(reports));
  log('wrote docs/BENCHMARKS.md');
}

await main();
