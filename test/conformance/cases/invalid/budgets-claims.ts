// PodDisruptionBudgets and PersistentVolumeClaims kube-apiserver v1.36.3 refuses with 422.
import type { ConformanceCase } from '../../conformance-case.ts';

type Json = Record<string, unknown>;
const budgets = '/apis/policy/v1/namespaces/default/poddisruptionbudgets';
const claims = '/api/v1/namespaces/default/persistentvolumeclaims';
const budget = (name: string, spec: Json): Json => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name },
  spec: { selector: { matchLabels: { app: 'a' } }, ...spec },
});
const claim = (name: string, spec: Json): Json => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec,
});
const storage = (size: string): Json => ({ resources: { requests: { storage: size } } });

export const invalidBudgetClaimCases: ConformanceCase[] = [
  {
    name: 'invalid specs: PodDisruptionBudget minAvailable and maxUnavailable',
    steps: [
      () => ({ method: 'POST', path: budgets, body: budget('both', { minAvailable: 1, maxUnavailable: '50%' }) }),
      () => ({ method: 'POST', path: budgets, body: budget('negative', { minAvailable: -1 }) }),
      () => ({ method: 'POST', path: budgets, body: budget('over', { maxUnavailable: '150%' }) }),
      () => ({ method: 'POST', path: budgets, body: budget('not-percent', { minAvailable: 'half' }) }),
      () => ({
        method: 'POST',
        path: budgets,
        body: budget('policy', { minAvailable: 1, unhealthyPodEvictionPolicy: 'Never' }),
      }),
      () => ({
        method: 'POST',
        path: budgets,
        body: budget('selector', {
          minAvailable: 1,
          selector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] },
        }),
      }),
      () => ({ method: 'POST', path: budgets, body: budget('good', { minAvailable: '100%' }) }),
      (r) => {
        const body = structuredClone(r.at(-1)?.json) as Json;
        (body.spec as Json).maxUnavailable = 2;
        return { method: 'PUT', path: `${budgets}/good`, body };
      },
    ],
  },
  {
    name: 'invalid specs: PersistentVolumeClaim access modes and storage request',
    steps: [
      () => ({ method: 'POST', path: claims, body: claim('no-modes', storage('1Gi')) }),
      () => ({ method: 'POST', path: claims, body: claim('no-storage', { accessModes: ['ReadWriteOnce'] }) }),
      () => ({ method: 'POST', path: claims, body: claim('empty', {}) }),
      () => ({
        method: 'POST',
        path: claims,
        body: claim('bad-mode', { accessModes: ['ReadWriteSometimes'], ...storage('1Gi') }),
      }),
      () => ({
        method: 'POST',
        path: claims,
        body: claim('mixed-modes', { accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], ...storage('1Gi') }),
      }),
      () => ({
        method: 'POST',
        path: claims,
        body: claim('zero', { accessModes: ['ReadWriteOnce'], ...storage('0') }),
      }),
      () => ({
        method: 'POST',
        path: claims,
        body: claim('volume-mode', { accessModes: ['ReadWriteOnce'], volumeMode: 'Disk', ...storage('1Gi') }),
      }),
    ],
  },
];
