import type { StrategyRun } from '../lab/run-lab.ts';
import type { TimelineEvent, TimelineKind } from '../lab/timeline.ts';
import { seriesClass } from './strategy-colours.ts';
import { escapeHtml, rect, text, ticks } from './svg.ts';

/** Each kind's name in the legend, in the legend's order. */
const legendLabels: Record<TimelineKind, string> = {
  get: 'get',
  put: 'put',
  conflict: '409 conflict',
  waiting: 'waiting (watch event)',
  deferring: 'deferring (to rivals)',
  queued: 'queued (for its turn)',
  sleep: 'sleep',
  success: 'success',
  failure: 'failure',
};

/** The colour legend for the swimlanes. */
export function legend(): string {
  const items = Object.entries(legendLabels).map(
    ([kind, label]) => `<li><span class="swatch ${kind}"></span>${escapeHtml(label)}</li>`,
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}

/** States a worker is in between its requests: drawn first, so requests show on top. */
const isState = (event: TimelineEvent) =>
  event.kind === 'waiting' || event.kind === 'deferring' || event.kind === 'queued';

/**
 * One lane per worker: its GETs, PUTs, 409s, waits and sleeps along the time axis, and
 * where it succeeded or gave up.
 */
export function swimlanes(run: StrategyRun): string {
  const workers = run.measures.workers;
  const laneHeight = workers <= 20 ? 18 : workers <= 100 ? 6 : 2;
  // Space between lanes while they are tall enough to spare it; a 2 px lane is all bar.
  const inset = laneHeight >= 12 ? 2 : laneHeight >= 6 ? 1 : 0;
  const left = 70;
  const width = 860;
  const end = Math.max(1, ...run.timeline.map((e) => e.end));
  const x = (ms: number) => left + (Math.max(0, ms) / end) * (width - left - 10);
  const height = workers * laneHeight + 30;
  const lanes: string[] = [];
  for (let worker = 0; worker < workers; worker++) {
    const y = worker * laneHeight;
    const lane = run.timeline.filter((e) => e.worker === worker);
    const events = [...lane.filter(isState), ...lane.filter((e) => !isState(e))];
    const marks = events.map((e) => {
      const title = `<title>worker ${String(worker)}: ${e.kind} ${e.start.toFixed(1)}–${e.end.toFixed(1)} ms</title>`;
      if (e.kind === 'success' || e.kind === 'failure') {
        return `<g class="${e.kind}">${title}${rect(x(e.end) - 2, y + inset / 2, 4, laneHeight - inset)}</g>`;
      }
      return `<g class="${e.kind}">${title}${rect(x(e.start), y + inset, x(e.end) - x(e.start), laneHeight - 2 * inset)}</g>`;
    });
    const label =
      laneHeight >= 12 ? text(left - 8, y + laneHeight - 5, `worker ${String(worker)}`, { 'text-anchor': 'end' }) : '';
    lanes.push(`<g data-lane="${String(worker)}">${label}${marks.join('')}</g>`);
  }
  const axis = ticks(end)
    .filter((t) => t <= end)
    .map(
      (t) =>
        `${rect(x(t), 0, 0.5, workers * laneHeight, { class: 'grid' })}${text(x(t), workers * laneHeight + 16, `${String(t)} ms`, { 'text-anchor': 'middle' })}`,
    )
    .join('');
  return `<svg class="swimlanes" role="img" aria-label="${escapeHtml(`timeline of ${String(workers)} workers, strategy ${run.strategy}`)}" viewBox="0 0 ${String(width)} ${String(height)}" width="${String(width)}" height="${String(height)}">${axis}${lanes.join('')}</svg>`;
}

/** How many workers needed 1, 2, 3… attempts, one group of bars per strategy. */
export function attemptsHistogram(runs: readonly StrategyRun[]): string {
  const counts = [...new Set(runs.flatMap((r) => Object.keys(r.measures.attemptsHistogram).map(Number)))].sort(
    (a, b) => a - b,
  );
  const max = Math.max(1, ...runs.flatMap((r) => Object.values(r.measures.attemptsHistogram)));
  const barWidth = 18;
  const groupWidth = runs.length * barWidth + 16;
  const height = 180;
  const plot = height - 40;
  const bars = counts.flatMap((count, g) =>
    runs.map((run, s) => {
      const workers = run.measures.attemptsHistogram[String(count)] ?? 0;
      const h = (workers / max) * plot;
      const x = 40 + g * groupWidth + s * barWidth;
      return `<g class="${seriesClass(run.strategy)}" data-strategy="${escapeHtml(run.strategy)}"><title>${escapeHtml(`${run.strategy}: ${String(workers)} workers made ${String(count)} attempts`)}</title>${rect(x, 10 + plot - h, barWidth - 3, h)}</g>`;
    }),
  );
  const labels = counts.map((count, g) =>
    text(40 + g * groupWidth + (runs.length * barWidth) / 2, height - 12, String(count), { 'text-anchor': 'middle' }),
  );
  const width = Math.max(300, 60 + counts.length * groupWidth);
  return `<svg class="chart" role="img" aria-label="attempts per worker" viewBox="0 0 ${String(width)} ${String(height)}" width="${String(width)}" height="${String(height)}">${bars.join('')}${labels.join('')}${text(8, 20, String(max))}${text(8, plot + 10, '0')}</svg>`;
}

/** Each successful update's latency as a dot, one row per strategy. */
export function latencyStrips(runs: readonly StrategyRun[]): string {
  const latencies = runs.map((run) => run.timeline.filter((e) => e.kind === 'success').map((e) => e.end));
  const max = Math.max(1, ...latencies.flat());
  const left = 70;
  const width = 860;
  const rowHeight = 34;
  const x = (ms: number) => left + (ms / max) * (width - left - 20);
  const rows = runs.map((run, s) => {
    const y = s * rowHeight + 18;
    const dots = (latencies[s] ?? []).map(
      (ms) => `<circle cx="${x(ms).toFixed(1)}" cy="${String(y)}" r="4"><title>${ms.toFixed(1)} ms</title></circle>`,
    );
    return `<g class="${seriesClass(run.strategy)}" data-strategy="${escapeHtml(run.strategy)}">${text(left - 8, y + 4, run.strategy, { 'text-anchor': 'end' })}${dots.join('')}</g>`;
  });
  const height = runs.length * rowHeight + 30;
  const axis = ticks(max)
    .filter((t) => t <= max)
    .map((t) => text(x(t), height - 8, `${String(t)} ms`, { 'text-anchor': 'middle' }))
    .join('');
  return `<svg class="chart" role="img" aria-label="latency of each successful update" viewBox="0 0 ${String(width)} ${String(height)}" width="${String(width)}" height="${String(height)}">${rows.join('')}${axis}</svg>`;
}
