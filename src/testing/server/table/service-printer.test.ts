import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { servicePrinter } from './service-printer.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same Services (stored as it defaults them).
const now = new Date('2026-01-01T01:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };
const cells = (spec: object, status: object = {}) => servicePrinter.cells({ metadata, spec, status }, now);

describe('servicePrinter', () => {
  it('prints node ports after the port, external IPs as given, the selector sorted by key', () => {
    const spec = {
      type: 'NodePort',
      clusterIP: '10.0.0.201',
      clusterIPs: ['10.0.0.201'],
      externalIPs: ['192.0.2.10', '192.0.2.9'],
      selector: { tier: 'front', app: 'web' },
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 },
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53, nodePort: 30053 },
      ],
    };
    assert.deepEqual(cells(spec), [
      'x',
      'NodePort',
      '10.0.0.201',
      '192.0.2.10,192.0.2.9',
      '80:30080/TCP,53:30053/UDP',
      '60m',
      'app=web,tier=front',
    ]);
  });

  it('prints a load balancer without addresses as <pending>, its addresses sorted and unique before the external IPs', () => {
    const spec = { type: 'LoadBalancer', clusterIPs: ['10.0.0.203'], ports: [{ protocol: 'SCTP', port: 80 }] };
    assert.deepEqual(cells(spec).slice(1, 5), ['LoadBalancer', '10.0.0.203', '<pending>', '80/SCTP']);
    const ingress = [
      { hostname: 'lb.example.com' },
      { ip: '203.0.113.9', ipMode: 'VIP' },
      { ip: '198.51.100.3', ipMode: 'Proxy' },
      { ip: '203.0.113.9', ipMode: 'VIP' },
    ];
    const ready = cells({ ...spec, externalIPs: ['192.0.2.1'] }, { loadBalancer: { ingress } });
    assert.equal(ready[3], '198.51.100.3,203.0.113.9,lb.example.com,192.0.2.1');
  });

  it('prints a headless Service without ports, and an ExternalName one, with <none> where nothing is set', () => {
    assert.deepEqual(cells({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }), [
      'x',
      'ClusterIP',
      'None',
      '<none>',
      '<none>',
      '60m',
      '<none>',
    ]);
    assert.deepEqual(cells({ type: 'ExternalName', externalName: 'example.com' }), [
      'x',
      'ExternalName',
      '<none>',
      'example.com',
      '<none>',
      '60m',
      '<none>',
    ]);
  });
});
