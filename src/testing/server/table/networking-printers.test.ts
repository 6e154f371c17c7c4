import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressPrinter, networkPolicyPrinter } from './networking-printers.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same objects (kubectl get -o wide).
const now = new Date('2026-01-01T01:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };

describe('ingressPrinter', () => {
  it('prints the first three hosts and how many rules follow, addresses sorted and unique', () => {
    const rules = [{}, { host: 'a.example.com' }, { host: 'b.example.com' }, {}, { host: 'c.example.com' }];
    const ingress = { metadata, spec: { rules: [...rules, { host: 'd.example.com' }, {}] } };
    const ingressPoints = [{ hostname: 'zz.example.com' }, { ip: '203.0.113.250' }, { ip: '198.51.100.7' }];
    const status = { loadBalancer: { ingress: [...ingressPoints, { ip: '203.0.113.250' }] } };
    assert.deepEqual(ingressPrinter.cells({ ...ingress, status }, now), [
      'x',
      '<none>',
      'a.example.com,b.example.com,c.example.com + 4 more...',
      '198.51.100.7,203.0.113.250,zz.example.com',
      '80',
      '60m',
    ]);
  });

  it('prints * without hosts, the class, and 80, 443 once TLS is configured', () => {
    const spec = { ingressClassName: 'nginx', tls: [{ hosts: ['web'] }], rules: [{}] };
    assert.deepEqual(ingressPrinter.cells({ metadata, spec }, now), ['x', 'nginx', '*', '', '80, 443', '60m']);
  });
});

describe('networkPolicyPrinter', () => {
  it('prints an empty pod selector as <none>, expressions as Go formats them', () => {
    assert.deepEqual(networkPolicyPrinter.cells({ metadata, spec: { podSelector: {} } }, now), ['x', '<none>', '60m']);
    const podSelector = {
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'x', operator: 'DoesNotExist' },
      ],
    };
    assert.deepEqual(networkPolicyPrinter.cells({ metadata, spec: { podSelector } }, now), [
      'x',
      'tier in (a,b),!x',
      '60m',
    ]);
  });
});
