// Lists and watches: selectors, paging, event order, expired resourceVersions.
import { type ConformanceCase, configMap, mergePatch, paths } from '../conformance-case.ts';

const listNamespace = '/api/v1/namespaces/lists/configmaps';
const seedNamespace = () => ({
  method: 'POST' as const,
  path: paths.namespaces,
  body: { metadata: { name: 'lists' } },
});
const seed = (name: string, labels: Record<string, string>) => () => ({
  method: 'POST' as const,
  path: listNamespace,
  body: configMap(name, {}, labels),
});

export const listCases: ConformanceCase[] = [
  {
    name: 'list with label and field selectors',
    steps: [
      seedNamespace,
      seed('one', { tier: 'web', env: 'prod' }),
      seed('two', { tier: 'web', env: 'dev' }),
      seed('three', { tier: 'db' }),
      () => ({ method: 'GET', path: `${listNamespace}?labelSelector=tier%3Dweb` }),
      () => ({ method: 'GET', path: `${listNamespace}?labelSelector=tier%3Dweb%2Cenv!%3Dprod` }),
      () => ({ method: 'GET', path: `${listNamespace}?labelSelector=env%20in%20(dev%2Cqa)` }),
      () => ({ method: 'GET', path: `${listNamespace}?labelSelector=!env` }),
      () => ({ method: 'GET', path: `${listNamespace}?fieldSelector=metadata.name%3Dtwo` }),
      () => ({ method: 'GET', path: `${listNamespace}?labelSelector=tier%3D%3D` }),
      () => ({ method: 'GET', path: `${listNamespace}?fieldSelector=data.k%3Dv` }),
    ],
  },
  {
    name: 'list in pages of one',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'pages' } } }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/pages/configmaps', body: configMap('a') }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/pages/configmaps', body: configMap('b') }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/pages/configmaps?limit=1' }),
      (r) => ({
        method: 'GET',
        path: `/api/v1/namespaces/pages/configmaps?limit=1&continue=${encodeURIComponent((r[3]?.json as { metadata: { continue: string } }).metadata.continue)}`,
      }),
    ],
  },
  {
    name: 'list the namespaces of a fresh cluster',
    steps: [
      () => ({
        method: 'GET',
        path: `${paths.namespaces}?labelSelector=kubernetes.io%2Fmetadata.name%20in%20(default%2Ckube-system%2Ckube-public%2Ckube-node-lease)`,
      }),
    ],
  },
  {
    name: 'watch from a resourceVersion replays ADDED, MODIFIED, DELETED in order',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'watched' } } }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/watched/configmaps', body: configMap('w1', { k: '1' }) }),
      () => ({
        method: 'PATCH',
        path: '/api/v1/namespaces/watched/configmaps/w1',
        headers: mergePatch,
        body: { data: { k: '2' } },
      }),
      () => ({ method: 'DELETE', path: '/api/v1/namespaces/watched/configmaps/w1' }),
      (r) => ({
        method: 'GET',
        path: `/api/v1/namespaces/watched/configmaps?watch=true&timeoutSeconds=1&resourceVersion=${(r[0]?.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion}`,
      }),
    ],
  },
  {
    name: 'watch without a resourceVersion starts with ADDED for what exists',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'watch-now' } } }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/watch-now/configmaps', body: configMap('present') }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/watch-now/configmaps?watch=1&timeoutSeconds=1' }),
    ],
  },
  {
    // etcd keeps every revision until it is compacted, so resourceVersion 1 replays them all.
    name: 'watch from resourceVersion 1 replays the whole history',
    steps: [() => ({ method: 'GET', path: `${paths.configMaps}?watch=true&timeoutSeconds=1&resourceVersion=1` })],
  },
];
