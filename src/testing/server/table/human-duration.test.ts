import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { age, humanDuration } from './human-duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it('writes durations as apimachinery does, at each boundary', () => {
    const cases: [number, string][] = [
      [-2 * s, '<invalid>'],
      [-1500, '0s'],
      [0, '0s'],
      [119 * s, '119s'],
      [2 * m, '2m'],
      [3 * m + 20 * s, '3m20s'],
      [10 * m + 59 * s, '10m'],
      [3 * h - 1, '179m'],
      [3 * h, '3h'],
      [5 * h + 2 * m, '5h2m'],
      [8 * h + 30 * m, '8h'],
      [47 * h, '47h'],
      [3 * d + 4 * h, '3d4h'],
      [5 * d, '5d'],
      [400 * d, '400d'],
      [2 * 365 * d + 30 * d, '2y30d'],
      [3 * 365 * d, '3y'],
      [9 * 365 * d, '9y'],
    ];
    for (const [milliseconds, text] of cases) assert.equal(humanDuration(milliseconds), text, String(milliseconds));
  });

  it('ages an object from its creationTimestamp; <unknown> without one', () => {
    assert.equal(age('2026-01-01T00:00:00Z', new Date('2026-01-01T00:05:07Z')), '5m7s');
    assert.equal(age(undefined, new Date()), '<unknown>');
  });
});
