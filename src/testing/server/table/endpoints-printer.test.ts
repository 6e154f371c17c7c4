import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointsPrinter } from './endpoints-printer.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same objects (kubectl get -o wide).
const now = new Date('2026-01-01T01:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };

describe('endpointsPrinter', () => {
  it('prints addresses alone without ports, host:port pairs (IPv6 in brackets), the first three', () => {
    const subsets = [
      { addresses: [{ ip: '10.1.0.7' }] },
      {
        addresses: [{ ip: 'fd00::5' }, { ip: '10.1.0.8' }],
        ports: [
          { port: 80, name: 'web' },
          { port: 443, name: 'tls' },
        ],
      },
    ];
    assert.deepEqual(endpointsPrinter.cells({ metadata, subsets }, now), [
      'x',
      '10.1.0.7,[fd00::5]:80,10.1.0.8:80 + 2 more...',
      '60m',
    ]);
  });

  it('prints <none> without subsets, and leaves not-ready addresses out', () => {
    assert.deepEqual(endpointsPrinter.cells({ metadata }, now), ['x', '<none>', '60m']);
    const subsets = [
      { addresses: [{ ip: '10.1.0.7' }], ports: [{ port: 80 }] },
      { notReadyAddresses: [{ ip: '10.1.0.9' }], ports: [{ port: 81 }] },
    ];
    assert.deepEqual(endpointsPrinter.cells({ metadata, subsets }, now), ['x', '10.1.0.7:80', '60m']);
  });
});
