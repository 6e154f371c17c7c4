import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointSlicePrinter } from './discovery-printers.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same objects (kubectl get -o wide).
const now = new Date('2026-01-01T01:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };

describe('endpointSlicePrinter', () => {
  it('prints the first three ports (a name when no number) and addresses, then how many more', () => {
    const slice = {
      metadata,
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.1.0.1', '10.1.0.2'] },
        { addresses: ['10.1.0.3'] },
        { addresses: ['10.1.0.4', '10.1.0.9'] },
      ],
      ports: [
        { name: 'a' },
        { port: 1, name: 'b' },
        { name: 'c', port: 2 },
        { name: 'd', port: 3 },
        { name: 'e', port: 4 },
      ],
    };
    assert.deepEqual(endpointSlicePrinter.cells(slice, now), [
      'x',
      'IPv4',
      'a,1,2 + 2 more...',
      '10.1.0.1,10.1.0.2,10.1.0.3 + 2 more...',
      '60m',
    ]);
  });

  it('prints <unset> for no ports and no endpoints', () => {
    const slice = { metadata, addressType: 'FQDN', endpoints: [] };
    assert.deepEqual(endpointSlicePrinter.cells(slice, now), ['x', 'FQDN', '<unset>', '<unset>', '60m']);
  });
});
