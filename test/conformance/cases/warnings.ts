// Warning headers (compared in every case; these cases exist to draw them out): unknown
// fields of built-in kinds under Warn (the default), Ignore and Strict, in bodies and
// patches; a Service's fields its other fields make meaningless; a Job collection deleted
// without saying what becomes of its Pods.
import { type ConformanceCase, configMap, jsonPatch, mergePatch, paths, strategicPatch } from '../conformance-case.ts';

const services = '/api/v1/namespaces/default/services';
const jobs = '/apis/batch/v1/namespaces/default/jobs';
const labels = { case: 'warnings' };

const service = (name: string, spec: Record<string, unknown>, annotations?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, labels, ...(annotations && { annotations }) },
  spec,
});

export const warningCases: ConformanceCase[] = [
  {
    name: 'warnings: unknown fields of a ConfigMap in a create, an update and patches; none with Ignore',
    steps: [
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: { ...configMap('warned', { a: '1' }), extra: 1, more: {} },
      }),
      () => ({
        method: 'POST',
        path: `${paths.configMaps}?fieldValidation=Ignore`,
        body: { ...configMap('ignored', { a: '1' }), extra: 1 },
      }),
      () => ({
        method: 'PUT',
        path: `${paths.configMaps}/warned`,
        body: { ...configMap('warned', { a: '2' }), zzz: true },
      }),
      () => ({ method: 'PATCH', path: `${paths.configMaps}/warned`, headers: mergePatch, body: { b: 1, a: 2 } }),
      () => ({ method: 'PATCH', path: `${paths.configMaps}/warned`, headers: strategicPatch, body: { spec: {} } }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/warned`,
        headers: jsonPatch,
        body: [{ op: 'add', path: '/spec', value: { x: 1 } }],
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/warned?fieldValidation=Strict`,
        headers: jsonPatch,
        body: [
          { op: 'add', path: '/spec', value: { x: 1 } },
          { op: 'add', path: '/other', value: 1 },
        ],
      }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}/warned` }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}/ignored` }),
    ],
  },
  {
    name: 'warnings: Services with fields their type makes meaningless, deprecated fields and annotations',
    steps: [
      () => ({
        method: 'POST',
        path: services,
        body: service('warned-headless', {
          clusterIP: 'None',
          externalIPs: ['192.0.2.1'],
          sessionAffinity: 'ClientIP',
          ports: [{ port: 80 }],
        }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('warned-external', {
          type: 'ExternalName',
          externalName: 'example.com',
          externalIPs: ['192.0.2.2'],
        }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service(
          'warned-cluster',
          {
            clusterIP: '10.0.0.204',
            ports: [{ port: 80 }],
            externalName: 'example.com',
            trafficDistribution: 'PreferClose',
          },
          { 'service.kubernetes.io/topology-aware-hints': 'auto' },
        ),
      }),
      () => ({
        method: 'PATCH',
        path: `${services}/warned-cluster`,
        headers: mergePatch,
        body: { spec: { externalIPs: ['192.0.2.3'] } },
      }),
      () => ({ method: 'DELETE', path: `${services}?labelSelector=case%3Dwarnings` }),
    ],
  },
  {
    name: 'warnings: a Job collection deleted without propagationPolicy; with one, no warning',
    steps: [
      () => ({ method: 'DELETE', path: `${jobs}?labelSelector=case%3Dnone` }),
      () => ({ method: 'DELETE', path: `${jobs}?labelSelector=case%3Dnone&propagationPolicy=Background` }),
      () => ({ method: 'DELETE', path: `${jobs}/missing` }),
    ],
  },
];
