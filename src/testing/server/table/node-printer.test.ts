import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodePrinter } from './node-printer.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same Nodes
// (test/conformance/cases/core-controllers-nodes.ts, identical there).
const now = new Date('2026-01-01T01:00:00Z');
const metadata = (name: string, labels: Record<string, string>) => ({
  name,
  labels,
  creationTimestamp: '2026-01-01T00:00:00Z',
});

describe('nodePrinter', () => {
  it('prints Unknown without a Ready condition, SchedulingDisabled when cordoned, roles from both labels', () => {
    const node = {
      metadata: metadata('a', { 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/control-plane': '' }),
      spec: { unschedulable: true },
    };
    assert.deepEqual(nodePrinter.cells(node, now), [
      'a',
      'Unknown,SchedulingDisabled',
      'control-plane,edge',
      '60m',
      '',
      '<none>',
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ]);
  });

  it('prints NotReady, the addresses by type, the architecture after an unknown kernel', () => {
    const node = {
      metadata: metadata('b', { 'node-role.kubernetes.io/gpu': 'any-value', 'kubernetes.io/role': '' }),
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'MemoryPressure', status: 'False' },
        ],
        addresses: [
          { type: 'ExternalIP', address: '203.0.113.7' },
          { type: 'InternalIP', address: '10.0.0.8' },
        ],
        nodeInfo: { kubeletVersion: 'v1.36.3', architecture: 'arm64' },
      },
    };
    assert.deepEqual(nodePrinter.cells(node, now), [
      'b',
      'NotReady',
      'gpu',
      '60m',
      'v1.36.3',
      '10.0.0.8',
      '203.0.113.7',
      '<unknown>',
      '<unknown> (arm64)',
      '<unknown>',
    ]);
  });
});
