import { faultsInjected, faultsMet } from './fault-summary.ts';
import type { LabResult } from './lab-result.ts';
import { compactShares } from './time-share-summary.ts';

/** The one-screen summary: one column per strategy, the measures (docs/LAB.md) as rows, then verdicts. */
export function textReport(result: LabResult): string {
  const runs = result.strategies;
  const ms = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(1)} ms`);
  type Row = [string, (run: (typeof runs)[number]) => string];
  const faultRows: Row[] = [
    ['faults met', (r) => String(total(r.measures.faults))],
    ['retries after faults', (r) => String(total(r.measures.retries))],
  ];
  const rows: Row[] = [
    ['expected', (r) => String(r.measures.expected)],
    ['final', (r) => String(r.measures.final)],
    ['missing', (r) => String(r.measures.missing)],
    ['lost updates', (r) => String(r.measures.lostUpdates)],
    ['duplicated updates', (r) => String(r.measures.duplicatedUpdates)],
    ['failed workers', (r) => String(r.measures.failed)],
    ['conflicts (409)', (r) => String(r.measures.conflicts)],
    ...(runs.some((r) => total(r.measures.faults) > 0) ? faultRows : []),
    ['attempts', (r) => attempts(r.measures.attemptsHistogram)],
    [
      'requests / success',
      (r) => (r.measures.requestsPerSuccess === null ? '-' : r.measures.requestsPerSuccess.toFixed(1)),
    ],
    ['latency p50', (r) => ms(r.measures.latencyMs?.p50)],
    ['latency p99', (r) => ms(r.measures.latencyMs?.p99)],
    ['wall time', (r) => ms(r.measures.wallMs)],
    ['wall ÷ serial bound', (r) => r.measures.wallOverSerialBound.toFixed(2)],
    ['% wait/req/sleep', (r) => compactShares(r.measures.timeShares, '-')],
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
    ...faultLines(result, widths[0] ?? 0),
    '',
    `serial bound: ${String(workers)} × one uncontended GET+PUT = ${ms(result.serialBoundMs)}; seed ${String(result.seed)}`,
    result.correct
      ? 'Every strategy that promises correctness ended correct.'
      : 'A strategy that promises correctness did NOT end correct.',
  ].join('\n');
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Faults met and retried, by kind, per strategy; and what the embedded server injected. */
function faultLines(result: LabResult, width: number): string[] {
  const runs = result.strategies.filter((run) => total(run.measures.faults) > 0 || run.measures.injectedFaults);
  if (runs.length === 0) return [];
  const lines = ['', 'faults met (retried) by kind:'];
  for (const run of runs) {
    lines.push(`${run.strategy.padEnd(width)}  ${faultsMet(run.measures)}`);
    const { injectedFaults } = run.measures;
    if (injectedFaults) lines.push(`${''.padEnd(width)}  injected: ${faultsInjected(injectedFaults)}`);
  }
  if (result.faults) {
    lines.push(
      `--faults ${String(result.faults.rate)}: the embedded server's injected faults, seed ${String(result.seed)}; --exactly-once ${result.exactlyOnce ? 'on' : 'off'}`,
    );
  }
  return lines;
}

const plural = (n: number, noun: string) => `${String(n)} ${noun}${n === 1 ? '' : 's'}`;

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
  const outcome = `(final ${String(m.final)}, expected ${String(m.expected)})`;
  if (m.final > m.expected) {
    return `${ok}: ${plural(m.final - m.expected, 'increment')} applied twice: a write whose answer was lost had landed, and its retry added again ${outcome}`;
  }
  if (m.failed > 0) {
    const why = total(m.faults) > 0 ? 'a 409 Conflict or a fault' : 'a 409 Conflict';
    const landed =
      m.duplicatedUpdates > 0
        ? `; ${plural(m.duplicatedUpdates, 'write')} landed though the worker heard a failure`
        : '';
    return `${ok}: ${String(m.failed)} of ${String(m.workers)} workers gave up after ${why}${landed} ${outcome}`;
  }
  if (m.duplicatedUpdates > 0) {
    return `${ok}: ${plural(m.duplicatedUpdates, 'increment')} applied twice ${outcome}`;
  }
  const faults = total(m.faults) > 0 ? ` and ${String(total(m.faults))} faults` : '';
  return `${ok}: final ${String(m.final)} = expected, ${String(m.conflicts)} conflicts${faults} absorbed by retries`;
}
