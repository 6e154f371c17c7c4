// Finalizers and deletionTimestamp: what a DELETE does to an object finalizers hold, what
// an update may still change, and the update that removes the last finalizer.
import { type ConformanceCase, configMap, mergePatch, paths } from '../conformance-case.ts';

const held = (name: string, finalizers: string[] = ['example.com/hold']) => ({
  ...configMap(name, { k: 'v' }),
  metadata: { name, finalizers },
});
const release = (path: string) => () => ({
  method: 'PATCH' as const,
  path,
  headers: mergePatch,
  body: { metadata: { finalizers: null } },
});
const cm = (name: string) => `${paths.configMaps}/${name}`;

const labelled = (name: string, finalizers: string[]) => ({
  name,
  labels: { batch: 'dck' },
  ...(finalizers.length > 0 && { finalizers }),
});
const everyKind = [
  {
    path: paths.configMaps,
    body: (name: string, f: string[]) => ({ ...configMap(name), metadata: labelled(name, f) }),
  },
  {
    path: paths.secrets,
    body: (name: string, f: string[]) => ({ apiVersion: 'v1', kind: 'Secret', metadata: labelled(name, f) }),
  },
  { path: paths.pods, body: (name: string, f: string[]) => ({ ...pod(name, {}), metadata: labelled(name, f) }) },
  {
    path: paths.deployments,
    body: (name: string, f: string[]) => ({ ...deployment(name), metadata: labelled(name, f) }),
  },
  {
    path: paths.leases,
    body: (name: string, f: string[]) => ({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: labelled(name, f),
    }),
  },
  { path: paths.widgets, body: (name: string, f: string[]) => ({ ...widget(name, []), metadata: labelled(name, f) }) },
];

export const finalizerCases: ConformanceCase[] = [
  {
    name: 'finalizers: a DELETE marks the object (200, deletionTimestamp); the last finalizer removed deletes it',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: held('fin-a') }),
      () => ({
        method: 'GET',
        path: `${paths.configMaps}?watch=true&timeoutSeconds=2&fieldSelector=metadata.name%3Dfin-a`,
        background: true,
      }),
      () => ({ method: 'DELETE', path: cm('fin-a') }),
      () => ({ method: 'GET', path: cm('fin-a') }),
      () => ({ method: 'DELETE', path: cm('fin-a') }),
      () => ({ method: 'PATCH', path: cm('fin-a'), headers: mergePatch, body: { data: { k: 'changed' } } }),
      () => ({
        method: 'PATCH',
        path: cm('fin-a'),
        headers: mergePatch,
        body: { metadata: { deletionTimestamp: '2020-01-01T00:00:00Z' } },
      }),
      release(cm('fin-a')),
      () => ({ method: 'GET', path: cm('fin-a') }),
    ],
  },
  {
    name: 'finalizers: none added while deleting; deletion marks immutable, dropped on create',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: held('fin-b', ['example.com/a', 'example.com/b']) }),
      () => ({ method: 'DELETE', path: cm('fin-b') }),
      () => ({
        method: 'PATCH',
        path: cm('fin-b'),
        headers: mergePatch,
        body: { metadata: { finalizers: ['example.com/z', 'example.com/a', 'example.com/c'] } },
      }),
      () => ({
        method: 'PATCH',
        path: cm('fin-b'),
        headers: mergePatch,
        body: { metadata: { deletionGracePeriodSeconds: 7 } },
      }),
      () => ({
        method: 'PATCH',
        path: cm('fin-b'),
        headers: mergePatch,
        body: { metadata: { finalizers: ['example.com/b'] } },
      }),
      release(cm('fin-b')),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: {
          ...configMap('fin-c'),
          metadata: { name: 'fin-c', deletionTimestamp: '2020-01-01T00:00:00Z', deletionGracePeriodSeconds: 5 },
        },
      }),
      () => ({
        method: 'PATCH',
        path: cm('fin-c'),
        headers: mergePatch,
        body: { metadata: { deletionTimestamp: '2020-01-01T00:00:00Z' } },
      }),
      () => ({ method: 'DELETE', path: cm('fin-c') }),
    ],
  },
  {
    name: 'finalizers: propagationPolicy and orphanDependents add orphan or foregroundDeletion',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('prop-orphan') }),
      () => ({ method: 'DELETE', path: cm('prop-orphan'), body: { propagationPolicy: 'Orphan' } }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('prop-fg') }),
      () => ({ method: 'DELETE', path: `${cm('prop-fg')}?propagationPolicy=Foreground` }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('prop-od') }),
      () => ({ method: 'DELETE', path: cm('prop-od'), body: { orphanDependents: true } }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('prop-bg') }),
      () => ({ method: 'DELETE', path: cm('prop-bg'), body: { propagationPolicy: 'Background' } }),
      () => ({ method: 'POST', path: paths.configMaps, body: held('prop-held') }),
      () => ({ method: 'DELETE', path: cm('prop-held'), body: { propagationPolicy: 'Background' } }),
      () => ({ method: 'DELETE', path: cm('prop-held'), body: { propagationPolicy: 'Orphan' } }),
      () => ({ method: 'DELETE', path: cm('prop-held'), body: { propagationPolicy: 'Foreground' } }),
      () => ({ method: 'DELETE', path: cm('prop-held'), body: { orphanDependents: false } }),
      () => ({ method: 'DELETE', path: cm('prop-held'), body: { propagationPolicy: 'Orphan', dryRun: ['All'] } }),
      () => ({ method: 'GET', path: cm('prop-held') }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('prop-query') }),
      () => ({ method: 'DELETE', path: `${cm('prop-query')}?gracePeriodSeconds=soon` }),
      () => ({ method: 'DELETE', path: `${cm('prop-query')}?orphanDependents=maybe` }),
      () => ({ method: 'DELETE', path: `${cm('prop-query')}?orphanDependents=FALSE` }),
      release(cm('prop-query')),
      release(cm('prop-orphan')),
      release(cm('prop-fg')),
      release(cm('prop-od')),
      release(cm('prop-held')),
    ],
  },
  {
    name: 'finalizers: a Deployment deleted in the foreground: generation bumped once',
    steps: [
      () => ({ method: 'POST', path: paths.deployments, body: deployment('fin-deploy') }),
      () => ({ method: 'DELETE', path: `${paths.deployments}/fin-deploy`, body: { propagationPolicy: 'Foreground' } }),
      () => ({ method: 'DELETE', path: `${paths.deployments}/fin-deploy` }),
      release(`${paths.deployments}/fin-deploy`),
      () => ({ method: 'GET', path: `${paths.deployments}/fin-deploy` }),
    ],
  },
  {
    name: 'finalizers: Pods, graceful on a node (30 s held, shortened to 0) and not',
    steps: [
      () => ({ method: 'POST', path: paths.pods, body: pod('fin-pod', { finalizers: ['example.com/hold'] }) }),
      () => ({ method: 'DELETE', path: `${paths.pods}/fin-pod` }),
      release(`${paths.pods}/fin-pod`),
      () => ({ method: 'POST', path: paths.pods, body: pod('fin-node', {}, 'node-1') }),
      () => ({ method: 'DELETE', path: `${paths.pods}/fin-node` }),
      () => ({ method: 'DELETE', path: `${paths.pods}/fin-node` }),
      () => ({ method: 'DELETE', path: `${paths.pods}/fin-node`, body: { gracePeriodSeconds: 0 } }),
      () => ({ method: 'GET', path: `${paths.pods}/fin-node` }),
    ],
  },
  {
    name: 'finalizers: custom resources and deletecollection honour them',
    steps: [
      () => ({ method: 'POST', path: paths.widgets, body: widget('fin-w', ['example.com/hold']) }),
      () => ({ method: 'DELETE', path: `${paths.widgets}/fin-w` }),
      () => ({
        method: 'PATCH',
        path: `${paths.widgets}/fin-w`,
        headers: mergePatch,
        body: { metadata: { finalizers: ['example.com/hold', 'example.com/new'] } },
      }),
      release(`${paths.widgets}/fin-w`),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: {
          ...held('dcf-a'),
          metadata: { name: 'dcf-a', labels: { batch: 'dcf' }, finalizers: ['example.com/hold'] },
        },
      }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('dcf-b', {}, { batch: 'dcf' }) }),
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('dcf-c', {}, { batch: 'dcf' }) }),
      () => ({
        method: 'DELETE',
        path: `${paths.configMaps}?labelSelector=batch%3Ddcf&fieldSelector=metadata.name%21%3Ddcf-c`,
      }),
      () => ({ method: 'GET', path: `${paths.configMaps}?labelSelector=batch%3Ddcf` }),
      () => ({
        method: 'DELETE',
        path: `${paths.configMaps}?labelSelector=batch%3Ddcf`,
        body: { propagationPolicy: 'Orphan' },
      }),
      () => ({ method: 'GET', path: `${paths.configMaps}?labelSelector=batch%3Ddcf` }),
      release(cm('dcf-a')),
      release(cm('dcf-c')),
      () => ({ method: 'GET', path: `${paths.configMaps}?labelSelector=batch%3Ddcf` }),
    ],
  },
  {
    name: 'deletecollection: every namespaced kind, by label and field, finalizers honoured',
    steps: [
      ...everyKind.flatMap(({ path, body }) => [
        () => ({ method: 'POST' as const, path, body: body('dck-held', ['example.com/hold']) }),
        () => ({ method: 'POST' as const, path, body: body('dck-free', []) }),
        () => ({ method: 'POST' as const, path, body: body('dck-other', []) }),
        () => ({
          method: 'DELETE' as const,
          path: `${path}?labelSelector=batch%3Ddck&fieldSelector=metadata.name%21%3Ddck-other`,
        }),
        () => ({ method: 'GET' as const, path: `${path}?labelSelector=batch%3Ddck` }),
        release(`${path}/dck-held`),
        () => ({ method: 'DELETE' as const, path: `${path}/dck-other` }),
      ]),
    ],
  },
];

function deployment(name: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  };
}

function pod(name: string, metadata: { finalizers?: string[] }, nodeName?: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...metadata },
    spec: { ...(nodeName !== undefined && { nodeName }), containers: [{ name: 'c', image: 'nginx' }] },
  };
}

function widget(name: string, finalizers: string[]) {
  return {
    apiVersion: 'example.kubeconflict.dev/v1',
    kind: 'Widget',
    metadata: { name, finalizers },
    spec: { size: 1 },
  };
}
