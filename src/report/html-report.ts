import { attemptsHistogram, latencyStrips, legend, swimlanes } from './charts.ts';
import { faultsInjected, faultsMet } from './fault-summary.ts';
import type { LabResult } from './lab-result.ts';
import { seriesClass, seriesStyle } from './strategy-colours.ts';
import { escapeHtml } from './svg.ts';
import { compactShares } from './time-share-summary.ts';

const series = seriesStyle();

const style = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #5b6470; --card: #f4f6f8; --line: #d5dae0;
  --get: #3b82f6; --put: #16a34a; --conflict: #dc2626; --sleep: #a3a3a3;
  --waiting: #d97706; --deferring: #a855f7; --queued: #0891b2; --success: #15803d; --failure: #b91c1c;
  --ok: #15803d; --bad: #b91c1c; ${series.light} }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1216; --fg: #e6e9ed; --muted: #9aa4b0; --card: #1a1f26; --line: #2d343d;
    --get: #60a5fa; --put: #4ade80; --conflict: #f87171; --sleep: #737373;
    --waiting: #fbbf24; --deferring: #c084fc; --queued: #22d3ee; --success: #4ade80; --failure: #f87171;
    --ok: #4ade80; --bad: #f87171; ${series.dark} }
}
body { background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 960px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 2.2rem; }
.meta { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(270px, 1fr)); gap: 1rem; }
.card { background: var(--card); border-radius: 10px; padding: 1rem; border-top: 4px solid var(--bad); }
.card.correct { border-top-color: var(--ok); }
.card h3 { margin: 0; font-size: 1.1rem; } .card .summary { color: var(--muted); font-size: 0.85rem; margin: 0.2rem 0 0.7rem; }
.verdict { font-weight: 600; } .card.correct .verdict { color: var(--ok); } .card .verdict { color: var(--bad); }
dl { display: grid; grid-template-columns: auto auto; gap: 0.15rem 1rem; margin: 0.6rem 0 0; }
dt { color: var(--muted); } dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
svg text { fill: var(--muted); font-size: 11px; } .grid { fill: var(--line); }
.get rect { fill: var(--get); } .put rect { fill: var(--put); } .conflict rect { fill: var(--conflict); }
.sleep rect { fill: var(--sleep); }
.waiting rect { fill: var(--waiting); } .deferring rect { fill: var(--deferring); } .queued rect { fill: var(--queued); } .success rect { fill: var(--success); } .failure rect { fill: var(--failure); }
${series.rules}
.legend { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; color: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 0.35rem; vertical-align: -1px; }
.swatch.get { background: var(--get); } .swatch.put { background: var(--put); } .swatch.conflict { background: var(--conflict); }
.swatch.sleep { background: var(--sleep); }
.swatch.waiting { background: var(--waiting); } .swatch.deferring { background: var(--deferring); } .swatch.queued { background: var(--queued); } .swatch.success { background: var(--success); } .swatch.failure { background: var(--failure); }
.series-legend span { margin-right: 1rem; }
svg { max-width: 100%; height: auto; }
`;

/**
 * The lab's report as one self-contained HTML file: no script, no network, no external
 * asset; charts are inline SVG; light and dark by the reader's preference. The result
 * itself is embedded as JSON (`#kubeconflict-result`).
 */
/** Faults met and retried, by kind, when there were any (`--faults`, or a struggling cluster). */
function faultFacts(m: LabResult['strategies'][number]['measures']): [string, string][] {
  if (Object.keys(m.faults).length === 0 && !m.injectedFaults) return [];
  const facts: [string, string][] = [['faults met (retried)', faultsMet(m)]];
  if (m.injectedFaults) facts.push(['faults injected', faultsInjected(m.injectedFaults)]);
  return facts;
}

export function htmlReport(result: LabResult): string {
  const { object, workers, start } = result;
  const seriesLegend = result.strategies
    .map(
      (run) =>
        `<span class="${seriesClass(run.strategy)}" data-strategy="${escapeHtml(run.strategy)}"><svg width="12" height="12"><rect width="12" height="12" rx="2"/></svg> ${escapeHtml(run.strategy)}</span>`,
    )
    .join('');
  const cards = result.strategies.map((run) => {
    const m = run.measures;
    const facts: [string, string][] = [
      ['expected', String(m.expected)],
      ['final', String(m.final)],
      ['missing', String(m.missing)],
      ['lost updates', String(m.lostUpdates)],
      ['duplicated updates', String(m.duplicatedUpdates)],
      ['failed workers', String(m.failed)],
      ['conflicts (409)', String(m.conflicts)],
      ...faultFacts(m),
      ['requests / success', m.requestsPerSuccess === null ? '–' : m.requestsPerSuccess.toFixed(1)],
      ['latency p50 / p99', m.latencyMs ? `${m.latencyMs.p50.toFixed(1)} / ${m.latencyMs.p99.toFixed(1)} ms` : '–'],
      ['wall time', `${m.wallMs.toFixed(1)} ms`],
      ['wall ÷ serial bound', m.wallOverSerialBound.toFixed(2)],
      ['% wait/req/sleep', compactShares(m.timeShares, '–')],
    ];
    return `<section class="card${run.correct ? ' correct' : ''}" data-strategy="${escapeHtml(run.strategy)}">
<h3>${escapeHtml(run.strategy)}</h3><p class="summary">${escapeHtml(run.summary)}</p>
<div class="verdict">${run.correct ? 'correct' : 'wrong'}: final ${String(m.final)} of ${String(m.expected)}</div>
<dl>${facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd data-measure="${escapeHtml(name)}">${escapeHtml(value)}</dd>`).join('')}</dl>
</section>`;
  });
  const timelines = result.strategies.map(
    (run) =>
      `<h3>${escapeHtml(run.strategy)}</h3><div class="timeline" data-strategy="${escapeHtml(run.strategy)}">${swimlanes(run)}</div>`,
  );
  const json = JSON.stringify(result).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>kubeconflict lab: ${escapeHtml(`${object.namespace}/${object.name}`)}</title><style>${style}</style></head>
<body>
<h1>kubeconflict lab</h1>
<p class="meta">${String(workers)} workers each add 1 to label <code>${escapeHtml(object.label)}</code> of ${escapeHtml(object.kind)}
<code>${escapeHtml(`${object.namespace}/${object.name}`)}</code> from ${String(start)}, all at once, on ${escapeHtml(result.target.kind)}
<code>${escapeHtml(result.target.server)}</code>. ${escapeHtml(result.startedAt)}, seed ${String(result.seed)}.
Serial bound ${result.serialBoundMs.toFixed(1)} ms (${String(workers)} × one uncontended GET+PUT).</p>
<div class="cards">${cards.join('')}</div>
<h2>Attempts per worker</h2><p class="series-legend">${seriesLegend}</p>${attemptsHistogram(result.strategies)}
<h2>Latency of each successful update</h2>${latencyStrips(result.strategies)}
<h2>What each worker did</h2>${legend()}${timelines.join('')}
<script type="application/json" id="kubeconflict-result">${json}</script>
</body></html>
`;
}
