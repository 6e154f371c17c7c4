import type { LabResult } from './lab-result.ts';

/** The one-screen summary: one column per strategy, SCENARIO.md's measures as rows, then verdicts. */
export function textReport(result: LabResult): string {
  const runs = result.strategies;
  const ms = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(1)} ms`);
  const rows: [string, (run: (typeof runs)[number]) => string][] = [
    ['expected', (r) => String(r.measures.expected)],
    ['final', (r) => String(r.measures.final)],
    ['missing', (r) => String(r.measures.missing)],
    ['lost updates', (r) => String(r.measures.lostUpdates)],
    ['failed workers', (r) => String(r.measures.failed)],
    ['conflicts (409)', (r) => String(r.measures.conflicts)],
    ['attempts', (r) => attempts(r.measures.attemptsHistogram)],
    [
      'requests / success',
      (r) => (r.measures.requestsPerSuccess === null ? '-' : r.measures.requestsPerSuccess.toFixed(1)),
    ],
    ['latency p50', (r) => ms(r.measures.latencyMs?.p50)],
    ['latency p99', (r) => ms(r.measures.latencyMs?.p99)],
    ['wall time', (r) => ms(r.measures.wallMs)],
    ['wall ÷ serial bound', (r) => r.measures.wallOverSerialBound.toFixed(2)],
  ];
  const header = ['', ...runs.map((r) => r.strategy)];
  const body = rows.map(([name, cell]) => [name, ...runs.map(cell)]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  const { object, workers, start } = result;
  return [
    `kubeconflict lab: ${String(workers)} workers add 1 to label ${object.label} of ${object.kind} ${object.namespace}/${object.name} from ${String(start)} (${result.target.kind} ${result.target.server})`,
    '',
    line(header),
    ...body.map(line),
    '',
    ...runs.map((run) => `${run.strategy.padEnd(widths[0] ?? 0)}  ${verdict(run)}`),
    '',
    `serial bound: ${String(workers)} × one uncontended GET+PUT = ${ms(result.serialBoundMs)}; seed ${String(result.seed)}`,
    result.correct
      ? 'Every strategy that promises correctness ended correct.'
      : 'A strategy that promises correctness did NOT end correct.',
  ].join('\n');
}

function attempts(histogram: Record<string, number>): string {
  const entries = Object.entries(histogram).map(([count, workers]) => [Number(count), workers] as const);
  const total = entries.reduce((sum, [count, workers]) => sum + count * workers, 0);
  const max = Math.max(...entries.map(([count]) => count));
  return `${String(total)} (max ${String(max)})`;
}

function verdict(run: LabResult['strategies'][number]): string {
  const m = run.measures;
  const ok = run.correct ? 'correct' : 'WRONG';
  if (m.lostUpdates > 0) {
    return `${ok}: all ${String(m.succeeded)} writes acknowledged, yet ${String(m.lostUpdates)} increments silently lost (final ${String(m.final)}, expected ${String(m.expected)})`;
  }
  if (m.failed > 0) {
    return `${ok}: ${String(m.failed)} of ${String(m.workers)} workers gave up after a 409 Conflict (final ${String(m.final)}, expected ${String(m.expected)})`;
  }
  return `${ok}: final ${String(m.final)} = expected, ${String(m.conflicts)} conflicts absorbed by retries`;
}
