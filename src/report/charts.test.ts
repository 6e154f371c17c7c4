import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strategyRunOf } from '../../test/support/lab-result-fixture.ts';
import { legend, swimlanes } from './charts.ts';

// What the lab records for an adaptive worker once adaptiveUpdate reports its phases.
const run = strategyRunOf('adaptive', [
  { worker: 0, kind: 'get', start: 0, end: 5 },
  { worker: 0, kind: 'waiting', start: 5, end: 400 },
  { worker: 0, kind: 'put', start: 600, end: 610 },
  { worker: 0, kind: 'deferring', start: 400, end: 600 },
  { worker: 0, kind: 'success', start: 610, end: 610 },
]);

describe('swimlanes', () => {
  it('draws waiting and deferring as states of their own, spanning their time', () => {
    const svg = swimlanes(run);
    // x = 70 + ms / 610 × 780: waiting 5–400 ms, deferring 400–600 ms.
    assert.match(
      svg,
      /<g class="waiting"><title>worker 0: waiting 5\.0–400\.0 ms<\/title><rect x="76\.4" y="2" width="505\.1"/,
    );
    assert.match(
      svg,
      /<g class="deferring"><title>worker 0: deferring 400\.0–600\.0 ms<\/title><rect x="581\.5" y="2" width="255\.7"/,
    );
  });

  it('draws the states under the requests, so a request within a wait stays visible', () => {
    const kinds = [...swimlanes(run).matchAll(/<g class="(\w+)">/g)].map((match) => match[1]);
    assert.deepEqual(kinds, ['waiting', 'deferring', 'get', 'put', 'success']);
  });
  it('draws every bar and mark with a height, however many lanes (2 px each past 100 workers)', () => {
    for (const workers of [5, 50, 150]) {
      const many = strategyRunOf(
        'adaptive',
        Array.from({ length: workers }, (_, worker) => [
          { worker, kind: 'waiting' as const, start: 0, end: 100 },
          { worker, kind: 'put' as const, start: 100, end: 110 },
          { worker, kind: 'success' as const, start: 110, end: 110 },
        ]).flat(),
      );
      const heights = [
        ...swimlanes(many).matchAll(/<g class="\w+"><title>[^<]*<\/title><rect [^>]*height="([-\d.]+)"/g),
      ];
      assert.equal(heights.length, workers * 3);
      assert.ok(
        heights.every((match) => Number(match[1]) > 0),
        `${String(workers)} workers: ${heights.map((m) => m[1]).join(' ')}`,
      );
    }
  });
});

describe('legend', () => {
  it('names every kind drawn, waiting, deferring and queued included', () => {
    const names = [...legend().matchAll(/<span class="swatch (\w+)"><\/span>([^<]+)/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(names, [
      ['get', 'get'],
      ['put', 'put'],
      ['conflict', '409 conflict'],
      ['waiting', 'waiting (watch event)'],
      ['deferring', 'deferring (to rivals)'],
      ['queued', 'queued (for its turn)'],
      ['sleep', 'sleep'],
      ['success', 'success'],
      ['failure', 'failure'],
    ]);
  });
});
