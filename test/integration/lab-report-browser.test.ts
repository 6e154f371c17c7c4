// The HTML report opened in Debian's Chromium (playwright-core): it renders without
// console errors, shows one lane per worker, and its numbers are the JSON's.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import type { LabResult } from '../../src/report/lab-result.ts';

const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));

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

    const browser = await chromium.launch({
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
});
