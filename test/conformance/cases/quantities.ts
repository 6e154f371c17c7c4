// Quantities as kube-apiserver decodes and writes them: "1024Mi" stored as "1Gi", "0.5"
// as "500m", some kept as written, a number as a string; an unparseable one refused with
// ParseQuantity's message.
import { type ConformanceCase, paths } from '../conformance-case.ts';

const claims = '/api/v1/namespaces/default/persistentvolumeclaims';

const pod = (name: string, resources: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { case: 'quantities' } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources }] },
});

export const quantityCases: ConformanceCase[] = [
  {
    name: 'quantities: requests and limits canonicalized as Go writes them, a number made a string',
    steps: [
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('quantities', {
          requests: { cpu: '0.5', memory: '1024Mi', 'ephemeral-storage': '1e3' },
          limits: { cpu: 2, memory: '1.5Gi', 'ephemeral-storage': '+1Gi', 'example.com/gpu': '1000m' },
        }),
      }),
      () => ({
        method: 'POST',
        path: claims,
        body: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'quantities' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1.500Gi' } } },
        },
      }),
      () => ({ method: 'DELETE', path: `${claims}/quantities` }),
    ],
  },
  {
    name: 'quantities: QoS classes from requests defaulted from limits: Guaranteed, Burstable, BestEffort',
    steps: [
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('qos-guaranteed', { limits: { cpu: '500m', memory: '1Gi' } }),
      }),
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('qos-equal', { requests: { cpu: '0.5', memory: '1024Mi' }, limits: { cpu: '500m', memory: '1Gi' } }),
      }),
      () => ({ method: 'POST', path: paths.pods, body: pod('qos-burstable', { requests: { memory: '1Gi' } }) }),
      () => ({
        method: 'POST',
        path: paths.pods,
        body: pod('qos-zero', { requests: { cpu: '0' }, limits: { 'example.com/gpu': 1 } }),
      }),
      () => ({ method: 'POST', path: paths.pods, body: pod('qos-cpu-only', { limits: { cpu: 1 } }) }),
    ],
  },
  {
    name: 'quantities: unparseable ones refused with 400 and ParseQuantity message (format, suffix, number)',
    steps: ['1K', '1.2.3', 'Pi', true].map((memory, i) => () => ({
      method: 'POST' as const,
      path: paths.pods,
      body: pod(`bad-quantity-${String(i)}`, { requests: { memory } }),
    })),
  },
];
