// The HTML report opened in Debian's Chromium (playwright-core): it renders without
// console errors, shows one lane per worker, and its numbers are the JSON's.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import { strategies } from '../../src/lab/strategies.ts';
import { htmlReport } from '../../src/report/html-report.ts';
import type { LabResult } from '../../src/report/lab-result.ts';
import { compactShares } from '../../src/report/time-share-summary.ts';
import { labResultOf, strategyRunOf } from '../support/lab-result-fixture.ts';

const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-results', import.meta.url));

const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** Each card's time shares are the JSON's, and the JSON's are shares: none negative, together at most 100% (each rounded to 0.1). */
async function checkTimeShares(page: Page, result: LabResult): Promise<void> {
  for (const run of result.strategies) {
    const shares = run.measures.timeShares;
    assert.ok(shares, `${run.strategy}: time shares`);
    const { waiting, requesting, sleeping } = shares;
    assert.ok(
      [waiting, requesting, sleeping].every((share) => share >= 0),
      run.strategy,
    );
    assert.ok(waiting + requesting + sleeping <= 100.2, `${run.strategy}: ${JSON.stringify(shares)}`);
    assert.ok(requesting > 0, `${run.strategy} spent time requesting`);
    const card = page.locator(`.card[data-strategy="${run.strategy}"]`);
    const shown = await card.locator('[data-measure="% wait/req/sleep"]').textContent();
    assert.equal(shown, compactShares(shares, '–'));
  }
}

/** Every event of `kinds` that `strategy` recorded has its mark in the lanes, and each kind is in the legend. */
async function checkPhasesDrawn(
  page: Page,
  result: LabResult,
  strategy: string,
  kinds: readonly ('waiting' | 'deferring' | 'queued')[],
): Promise<void> {
  const run = result.strategies.find((candidate) => candidate.strategy === strategy);
  assert.ok(run, `${strategy} ran`);
  for (const kind of kinds) {
    const recorded: number = run.timeline.filter((event) => event.kind === kind).length;
    assert.ok(recorded > 0, `${strategy} recorded ${kind} events`);
    const drawn = await page.locator(`.timeline[data-strategy="${strategy}"] g.${kind} rect`).count();
    assert.equal(drawn, recorded, `${strategy}: ${kind} marks`);
    assert.ok(await page.locator(`.legend .swatch.${kind}`).isVisible(), `${kind} in the legend`);
  }
}

describe('the lab HTML report in Chromium', () => {
  // Five workers: DefaultRetry's five calls always suffice for five (see docs/TESTING.md), so the run ends correct.
  it('renders cleanly, one lane per worker, numbers matching the JSON, in light and dark', async () => {
    assert.ok(existsSync(chromiumPath), `${chromiumPath} is needed (Debian package chromium; .ci/run installs it)`);
    mkdirSync(artifacts, { recursive: true });
    const html = join(artifacts, 'lab-report.html');
    const out: string[] = [];
    const status = await main(
      ['lab', '--workers', '5', '--seed', '11', '--json', '--html', html],
      (line) => out.push(line),
      () => undefined,
    );
    assert.equal(status, 0);
    const result = JSON.parse(out.join('\n')) as LabResult;
    assert.doesNotMatch(readFileSync(html, 'utf8'), /(src|href)="(https?:)?\/\//, 'no external assets');

    const browser = await launchChromium();
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ colorScheme, viewport: { width: 1000, height: 900 } });
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('request', (request) => {
          if (!request.url().startsWith('file:')) problems.push(`network request to ${request.url()}`);
        });
        await page.goto(pathToFileURL(html).href);
        for (const run of result.strategies) {
          const lanes = await page.locator(`.timeline[data-strategy="${run.strategy}"] [data-lane]`).count();
          assert.equal(lanes, result.workers, `${run.strategy}: one lane per worker`);
          const card = page.locator(`.card[data-strategy="${run.strategy}"]`);
          assert.equal(await card.locator('[data-measure="final"]').textContent(), String(run.measures.final));
          assert.equal(
            await card.locator('[data-measure="lost updates"]').textContent(),
            String(run.measures.lostUpdates),
          );
          assert.equal(
            await card.locator('[data-measure="failed workers"]').textContent(),
            String(run.measures.failed),
          );
          assert.equal(
            await card.locator('[data-measure="conflicts (409)"]').textContent(),
            String(run.measures.conflicts),
          );
        }
        await checkTimeShares(page, result);
        await checkPhasesDrawn(page, result, 'adaptive', ['waiting', 'deferring']);
        await checkPhasesDrawn(page, result, 'queue', ['queued']);
        const embedded = JSON.parse((await page.locator('#kubeconflict-result').textContent()) ?? '') as LabResult;
        assert.deepEqual(embedded, result);
        await page.screenshot({ path: join(artifacts, `lab-report-${colorScheme}.png`), fullPage: true });
        assert.deepEqual(problems, []);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  // A run as the lab records an adaptive worker that waits on the watch and defers: drawn
  // independently of what adaptiveUpdate reports today.
  it('draws waiting and deferring in colours of their own, readable on the page, in light and dark', async () => {
    mkdirSync(artifacts, { recursive: true });
    const html = join(artifacts, 'lab-report-phases.html');
    const run = strategyRunOf('adaptive', [
      { worker: 0, kind: 'get', start: 0, end: 5 },
      { worker: 0, kind: 'waiting', start: 5, end: 700 },
      { worker: 0, kind: 'deferring', start: 700, end: 900 },
      { worker: 0, kind: 'put', start: 900, end: 910 },
      { worker: 0, kind: 'success', start: 910, end: 910 },
      { worker: 1, kind: 'deferring', start: 0, end: 150 },
      { worker: 1, kind: 'put', start: 150, end: 160 },
      { worker: 1, kind: 'conflict', start: 160, end: 170 },
      { worker: 1, kind: 'sleep', start: 170, end: 200 },
      { worker: 1, kind: 'waiting', start: 200, end: 880 },
      { worker: 1, kind: 'success', start: 880, end: 880 },
    ]);
    writeFileSync(html, htmlReport(labResultOf([run])));
    const browser = await launchChromium();
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ colorScheme, viewport: { width: 1000, height: 700 } });
        await page.goto(pathToFileURL(html).href);
        await checkStateColours(page);
        await page.screenshot({ path: join(artifacts, `lab-report-phases-${colorScheme}.png`), fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});

describe('the lab HTML report in Chromium, every strategy', () => {
  // One hand-made run per strategy of the lab, in reverse order: colours follow names, not positions.
  it('draws each strategy in a fill of its own, the same in every chart and the legend, in light and dark', async () => {
    mkdirSync(artifacts, { recursive: true });
    const html = join(artifacts, 'lab-report-strategies.html');
    const runs = strategies.toReversed().map(({ name }, i) =>
      strategyRunOf(name, [
        { worker: 0, kind: 'put', start: 0, end: 10 + i },
        { worker: 0, kind: 'success', start: 10 + i, end: 10 + i },
      ]),
    );
    writeFileSync(html, htmlReport(labResultOf(runs)));
    const browser = await launchChromium();
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ colorScheme, viewport: { width: 1000, height: 900 } });
        await page.goto(pathToFileURL(html).href);
        await checkStrategyColours(
          page,
          strategies.map(({ name }) => name),
          colorScheme,
        );
        await page.screenshot({ path: join(artifacts, `lab-report-strategies-${colorScheme}.png`), fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});

/** Each strategy's bar, dot and legend swatch share one fill, unlike every other strategy's, 3:1 against the page. */
async function checkStrategyColours(page: Page, names: readonly string[], theme: string): Promise<void> {
  const background = await style(page.locator('body'), 'backgroundColor');
  const fills = new Map<string, string>();
  for (const name of names) {
    const series = `[data-strategy="${name}"]`;
    const bar = await style(page.locator(`svg[aria-label="attempts per worker"] g${series} rect`).first(), 'fill');
    const dot = await style(page.locator(`g${series} circle`).first(), 'fill');
    const swatch = await style(page.locator(`.series-legend span${series} rect`), 'fill');
    assert.deepEqual([dot, swatch], [bar, bar], `${theme} ${name}: bar, dot and legend agree`);
    assert.ok(contrast(bar, background) >= 3, `${theme} ${name}: ${bar} on ${background}`);
    const twin = [...fills].find(([, fill]) => fill === bar);
    assert.equal(twin, undefined, `${theme}: ${name} and ${twin?.[0] ?? ''} share ${bar}`);
    fills.set(name, bar);
  }
  assert.equal(fills.size, names.length);
}

const kinds = ['get', 'put', 'conflict', 'waiting', 'deferring', 'sleep'] as const;

/** Each state's lane fill: its swatch's colour, unlike every other kind's, 3:1 against the page. */
async function checkStateColours(page: Page): Promise<void> {
  const fill = (kind: string) => style(page.locator(`.timeline g.${kind} rect`).first(), 'fill');
  const fills = Object.fromEntries(await Promise.all(kinds.map(async (kind) => [kind, await fill(kind)] as const)));
  const background = await style(page.locator('body'), 'backgroundColor');
  for (const kind of ['waiting', 'deferring'] as const) {
    const swatch = await style(page.locator(`.legend .swatch.${kind}`), 'backgroundColor');
    assert.equal(fills[kind], swatch, `${kind}: lane and legend agree`);
    for (const other of kinds) if (other !== kind) assert.notEqual(fills[kind], fills[other], `${kind} vs ${other}`);
    assert.ok(contrast(fills[kind] ?? '', background) >= 3, `${kind} ${fills[kind] ?? '?'} on ${background}`);
    const box = await page.locator(`.timeline g.${kind} rect`).first().boundingBox();
    assert.ok(box && box.width > 20 && box.height >= 10, `${kind} drawn as a bar: ${JSON.stringify(box)}`);
  }
}

/** The DOM's window, as far as `style` needs it (the project's TypeScript has no DOM types). */
interface StyleWindow {
  getComputedStyle(element: unknown): Record<string, string | undefined>;
}

/** A computed style property of the element, as the browser resolved it. */
const style = (locator: Locator, property: string): Promise<string> =>
  locator.evaluate(
    (element, name) => (globalThis as unknown as StyleWindow).getComputedStyle(element)[name] ?? '',
    property,
  );

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, bl = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}
