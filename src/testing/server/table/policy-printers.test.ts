import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podDisruptionBudgetPrinter } from './policy-printers.ts';

// Expected cells as kube-apiserver v1.36.3 printed the conformance round's object.
const now = new Date('2026-01-01T01:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };

describe('podDisruptionBudgetPrinter', () => {
  it('prints the bound that is set, N/A for the other, and the allowed disruptions', () => {
    const budget = { metadata, spec: { minAvailable: 1 }, status: { disruptionsAllowed: 1 } };
    assert.deepEqual(podDisruptionBudgetPrinter.cells(budget, now), ['x', '1', 'N/A', 1, '60m']);
  });
});
