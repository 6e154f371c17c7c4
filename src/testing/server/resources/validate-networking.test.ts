// The causes here are kube-apiserver v1.36.3's, recorded by the conformance cases in
// test/conformance/cases/invalid/networking.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEndpoints } from './validate-endpoints.ts';
import { validateIngress } from './validate-ingress.ts';
import { validateNetworkPolicy } from './validate-network-policy.ts';

type Json = Record<string, unknown>;
const shown = (causes: readonly { field: string; message: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);
const backend = { service: { name: 'web', port: { number: 80 } } };
const ingress = (paths: Json[], host?: string) => ({
  metadata: { name: 'i' },
  spec: { rules: [{ ...(host && { host }), http: { paths } }] },
});
const at = 'spec.rules[0].http.paths[0]';

describe('Ingress validation', () => {
  it('requires a known pathType and an absolute path without dot segments', () => {
    assert.deepEqual(shown(validateIngress(ingress([{ path: '/api', backend }]))), [
      `${at}.pathType: Required value: pathType must be specified`,
    ]);
    assert.deepEqual(shown(validateIngress(ingress([{ path: 'api', pathType: 'Prefix', backend }]))), [
      `${at}.path: Invalid value: "api": must be an absolute path`,
    ]);
    assert.deepEqual(shown(validateIngress(ingress([{ path: '/a//b/..', pathType: 'Exact', backend }]))), [
      `${at}.path: Invalid value: "/a//b/..": must not contain '//'`,
      `${at}.path: Invalid value: "/a//b/..": cannot end with '/..'`,
    ]);
    assert.deepEqual(shown(validateIngress(ingress([{ path: '/api', pathType: 'Regex', backend }]))), [
      `${at}.pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"`,
    ]);
  });

  it('requires rules or a default backend, and a backend with a service and a port', () => {
    assert.deepEqual(shown(validateIngress({ metadata: { name: 'i' }, spec: {} })), [
      'spec: Invalid value: null: either `defaultBackend` or `rules` must be specified',
    ]);
    assert.deepEqual(shown(validateIngress(ingress([{ path: '/', pathType: 'Prefix', backend: {} }]))), [
      `${at}.backend: Invalid value: "": resource or service backend is required`,
    ]);
    const noPort = { service: { name: 'web', port: {} } };
    assert.deepEqual(shown(validateIngress(ingress([{ path: '/', pathType: 'Prefix', backend: noPort }]))), [
      `${at}.backend: Required value: port name or number is required`,
    ]);
  });

  it('refuses a host that is an IP address', () => {
    assert.deepEqual(shown(validateIngress(ingress([{ path: '/', pathType: 'Prefix', backend }], '10.0.0.1'))), [
      'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    ]);
  });
});

describe('NetworkPolicy validation', () => {
  it('refuses ports of unknown protocols, out of range, with a lower endPort, or badly named', () => {
    const ports = [
      { protocol: 'ICMP', port: 80 },
      { port: 0 },
      { port: 80, endPort: 70 },
      { port: 'web-port-name-too-long' },
      { endPort: 90 },
    ];
    assert.deepEqual(shown(validateNetworkPolicy({ metadata: { name: 'n' }, spec: { ingress: [{ ports }] } })), [
      'spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
      'spec.ingress[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ingress[0].ports[2].endPort: Invalid value: 80: must be greater than or equal to `port`',
      'spec.ingress[0].ports[3].port: Invalid value: "web-port-name-too-long": must be no more than 15 characters',
      'spec.ingress[0].ports[4].endPort: Invalid value: 90: may not be specified when `port` is not specified',
    ]);
  });

  it('refuses empty peers, an ipBlock beside a selector, and unknown or too many policyTypes', () => {
    const egress = [{ to: [{}, { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }];
    assert.deepEqual(shown(validateNetworkPolicy({ metadata: { name: 'n' }, spec: { egress } })), [
      'spec.egress[0].to[0]: Required value: must specify a peer',
      'spec.egress[0].to[1]: Forbidden: may not specify both ipBlock and another peer',
    ]);
    assert.deepEqual(
      shown(validateNetworkPolicy({ metadata: { name: 'n' }, spec: { policyTypes: ['Ingress', 'Sideways'] } })),
      ['spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"'],
    );
    assert.deepEqual(
      shown(
        validateNetworkPolicy({ metadata: { name: 'n' }, spec: { policyTypes: ['Ingress', 'Egress', 'Ingress'] } }),
      ),
      ['spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes'],
    );
  });
});

describe('Endpoints validation', () => {
  const address = { ip: '10.1.2.3' };
  it('requires addresses, and names of ports among several', () => {
    assert.deepEqual(
      shown(
        validateEndpoints(
          { metadata: { name: 'e' }, subsets: [{ ports: [{ port: 80, protocol: 'TCP' }] }] },
          undefined,
        ),
      ),
      ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'],
    );
    const ports = [
      { port: 80, protocol: 'TCP' },
      { name: 'b', port: 81, protocol: 'TCP' },
    ];
    assert.deepEqual(
      shown(validateEndpoints({ metadata: { name: 'e' }, subsets: [{ addresses: [address], ports }] }, undefined)),
      ['subsets[0].ports[0].name: Required value'],
    );
  });
});
