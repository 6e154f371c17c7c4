// APIServices beyond the round: kube-aggregator's validation (the name rule, priorities,
// a local APIService's TLS fields, a service reference's fields) and the defaulted port.
// A non-local one is created Available nowhere here: kube-apiserver's availability
// controller marks it False a moment later, which no case can wait for deterministically.
import type { ConformanceCase } from '../conformance-case.ts';

const apiServices = '/apis/apiregistration.k8s.io/v1/apiservices';
const apiService = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'apiregistration.k8s.io/v1',
  kind: 'APIService',
  metadata: { name },
  spec,
});

export const apiServiceCases: ConformanceCase[] = [
  {
    name: 'APIService create with nothing right (name, group, version, priorities, TLS fields of a local one): 422',
    steps: [
      () => ({
        method: 'POST',
        path: apiServices,
        body: apiService('x', { caBundle: 'AAAA', insecureSkipTLSVerify: true }),
      }),
    ],
  },
  {
    name: 'APIService create with a service reference missing its name and namespace, port 0 and both TLS fields: 422',
    steps: [
      () => ({
        method: 'POST',
        path: apiServices,
        body: apiService('v1.bad.example.com', {
          group: 'bad.example.com',
          version: 'v1',
          groupPriorityMinimum: 1,
          versionPriority: 1,
          caBundle: 'AAAA',
          insecureSkipTLSVerify: true,
          service: { port: 0 },
        }),
      }),
    ],
  },
  {
    name: 'APIService PUT without resourceVersion: 422; with a spec.service dry-run: the port defaulted to 443, no status',
    steps: [
      () => ({
        method: 'POST',
        path: apiServices,
        body: apiService('v1.put.example.com', {
          group: 'put.example.com',
          version: 'v1',
          groupPriorityMinimum: 5,
          versionPriority: 5,
        }),
      }),
      () => ({
        method: 'PUT',
        path: `${apiServices}/v1.put.example.com`,
        body: apiService('v1.put.example.com', {
          group: 'put.example.com',
          version: 'v1',
          groupPriorityMinimum: 6,
          versionPriority: 5,
        }),
      }),
      () => ({
        method: 'POST',
        path: `${apiServices}?dryRun=All`,
        body: apiService('v1.remote.example.com', {
          group: 'remote.example.com',
          version: 'v1',
          groupPriorityMinimum: 5,
          versionPriority: 5,
          service: { namespace: 'default', name: 'remote' },
        }),
      }),
      () => ({ method: 'DELETE', path: `${apiServices}/v1.put.example.com` }),
    ],
  },
];
