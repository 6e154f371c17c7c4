// Service ports and types kube-apiserver v1.36.3 refuses with 422.
import type { ConformanceCase } from '../../conformance-case.ts';

type Json = Record<string, unknown>;
const services = '/api/v1/namespaces/default/services';
// Every Service takes this address, so that none is picked at random (only one is created).
const service = (name: string, ports: Json[], type?: string): Json => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { clusterIP: '10.0.0.211', ports, ...(type && { type }) },
});

export const invalidServiceCases: ConformanceCase[] = [
  {
    name: 'invalid specs: Service port protocols, names, duplicates and types',
    steps: [
      () => ({ method: 'POST', path: services, body: service('bad-protocol', [{ port: 80, protocol: 'FOO' }]) }),
      () => ({ method: 'POST', path: services, body: service('bad-lower', [{ port: 80, protocol: 'tcp' }]) }),
      () => ({ method: 'POST', path: services, body: service('unnamed', [{ port: 80 }, { port: 81 }]) }),
      () => ({
        method: 'POST',
        path: services,
        body: service('same-name', [
          { name: 'web', port: 80 },
          { name: 'web', port: 81 },
        ]),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('same-port', [
          { name: 'a', port: 80 },
          { name: 'b', port: 80 },
          { name: 'c', port: 80, protocol: 'UDP' },
        ]),
      }),
      () => ({ method: 'POST', path: services, body: service('bad-name', [{ name: 'Web_Port', port: 80 }]) }),
      () => ({ method: 'POST', path: services, body: service('bad-type', [{ port: 80 }], 'Public') }),
      () => ({
        method: 'POST',
        path: services,
        body: { ...service('bad-selector', [{ port: 80 }]), spec: { ports: [{ port: 80 }], selector: { app: 'a b' } } },
      }),
      () => ({ method: 'POST', path: services, body: service('no-ports', []) }),
      () => ({ method: 'POST', path: services, body: { ...service('headless', []), spec: { clusterIP: 'None' } } }),
      () => ({ method: 'POST', path: services, body: service('good', [{ name: 'a', port: 80 }]) }),
      () => ({
        method: 'PATCH',
        path: `${services}/good`,
        headers: { 'content-type': 'application/strategic-merge-patch+json' },
        body: { spec: { ports: [{ port: 81 }] } },
      }),
    ],
  },
];
