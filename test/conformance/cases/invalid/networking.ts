// Ingresses, NetworkPolicies and Endpoints kube-apiserver v1.36.3 refuses with 422.
import type { ConformanceCase } from '../../conformance-case.ts';

type Json = Record<string, unknown>;
const ingresses = '/apis/networking.k8s.io/v1/namespaces/default/ingresses';
const policies = '/apis/networking.k8s.io/v1/namespaces/default/networkpolicies';
const endpoints = '/api/v1/namespaces/default/endpoints';
const backend = { service: { name: 'web', port: { number: 80 } } };
const ingress = (name: string, paths: Json[], host?: string): Json => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name },
  spec: { rules: [{ ...(host && { host }), http: { paths } }] },
});
const policy = (name: string, spec: Json): Json => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name },
  spec: { podSelector: {}, ...spec },
});
const endpointsOf = (name: string, subsets: Json[]): Json => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name },
  subsets,
});
const address = { ip: '10.1.2.3' };

export const invalidNetworkingCases: ConformanceCase[] = [
  {
    name: 'invalid specs: Ingress paths, path types and backends',
    steps: [
      () => ({
        method: 'POST',
        path: ingresses,
        body: ingress('relative', [{ path: 'api', pathType: 'Prefix', backend }]),
      }),
      () => ({ method: 'POST', path: ingresses, body: ingress('no-type', [{ path: '/api', backend }]) }),
      () => ({
        method: 'POST',
        path: ingresses,
        body: ingress('bad-type', [{ path: '/api', pathType: 'Regex', backend }]),
      }),
      () => ({
        method: 'POST',
        path: ingresses,
        body: ingress('sequences', [{ path: '/a//b/..', pathType: 'Exact', backend }]),
      }),
      () => ({
        method: 'POST',
        path: ingresses,
        body: ingress('specific', [{ path: 'api', pathType: 'ImplementationSpecific', backend }]),
      }),
      () => ({ method: 'POST', path: ingresses, body: ingress('no-paths', []) }),
      () => ({
        method: 'POST',
        path: ingresses,
        body: ingress('backends', [
          { path: '/a', pathType: 'Prefix', backend: {} },
          { path: '/b', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } },
          { path: '/c', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 70000 } } } },
          { path: '/d', pathType: 'Prefix', backend: { service: { port: { name: 'Http' } } } },
          { path: '/e', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http', number: 80 } } } },
        ]),
      }),
      () => ({
        method: 'POST',
        path: ingresses,
        body: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'no-rules' }, spec: {} },
      }),
      () => ({
        method: 'POST',
        path: ingresses,
        body: ingress('ip-host', [{ path: '/', pathType: 'Prefix', backend }], '10.0.0.1'),
      }),
    ],
  },
  {
    name: 'invalid specs: NetworkPolicy ports, peers and policy types',
    steps: [
      () => ({
        method: 'POST',
        path: policies,
        body: policy('ports', {
          ingress: [
            {
              ports: [
                { protocol: 'ICMP', port: 80 },
                { port: 0 },
                { port: 80, endPort: 70 },
                { port: 'web-port-name-too-long' },
                { endPort: 90 },
              ],
            },
          ],
        }),
      }),
      () => ({ method: 'POST', path: policies, body: policy('types', { policyTypes: ['Ingress', 'Sideways'] }) }),
      () => ({
        method: 'POST',
        path: policies,
        body: policy('many-types', { policyTypes: ['Ingress', 'Egress', 'Ingress'] }),
      }),
      () => ({
        method: 'POST',
        path: policies,
        body: policy('selectors', {
          podSelector: { matchLabels: { 'bad key!': 'x' } },
          ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In' }] } }] }],
        }),
      }),
      () => ({
        method: 'POST',
        path: policies,
        body: policy('peers', {
          egress: [{ to: [{}, { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }],
        }),
      }),
    ],
  },
  {
    name: 'invalid specs: Endpoints subsets and ports',
    steps: [
      () => ({
        method: 'POST',
        path: endpoints,
        body: endpointsOf('unnamed', [{ addresses: [address], ports: [{ port: 80 }, { name: 'b', port: 81 }] }]),
      }),
      () => ({ method: 'POST', path: endpoints, body: endpointsOf('no-addresses', [{ ports: [{ port: 80 }] }]) }),
      () => ({
        method: 'POST',
        path: endpoints,
        body: endpointsOf('bad-ports', [
          {
            addresses: [address],
            ports: [
              { name: 'A_b', port: 0, protocol: 'FOO' },
              { name: 'c', port: 80 },
            ],
          },
        ]),
      }),
      () => ({
        method: 'POST',
        path: endpoints,
        body: endpointsOf('good', [{ addresses: [address], ports: [{ port: 80 }] }]),
      }),
      () => ({
        method: 'PATCH',
        path: `${endpoints}/good`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { subsets: [{ addresses: [address], ports: [{ port: 80 }, { port: 81 }] }] },
      }),
    ],
  },
];
