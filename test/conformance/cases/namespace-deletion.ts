// A Namespace's deletion on kube-apiserver alone: Terminating, nothing new created in it,
// and /finalize (the namespace controller's last step) ending it.
import type { ConformanceCase } from '../conformance-case.ts';
import { configMap, paths } from '../conformance-case.ts';

const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const finalized = (name: string) => ({ ...namespace(name), spec: { finalizers: [] } });

export const namespaceDeletionCases: ConformanceCase[] = [
  {
    name: 'namespace deletion: Terminating, creation in it refused (403), finalize deletes it',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: namespace('ending') }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/ending/configmaps', body: configMap('kept') }),
      () => ({ method: 'DELETE', path: `${paths.namespaces}/ending` }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/ending/configmaps', body: configMap('late') }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/ending/configmaps?dryRun=All', body: configMap('late') }),
      () => ({ method: 'PUT', path: '/api/v1/namespaces/ending/configmaps/kept', body: configMap('kept', { a: 'b' }) }),
      () => ({ method: 'DELETE', path: `${paths.namespaces}/ending`, body: { propagationPolicy: 'Orphan' } }),
      () => ({ method: 'GET', path: `${paths.namespaces}/ending` }),
      () => ({ method: 'PUT', path: `${paths.namespaces}/ending/finalize`, body: finalized('ending') }),
      () => ({ method: 'GET', path: `${paths.namespaces}/ending` }),
    ],
  },
  {
    name: 'namespace deletion: Orphan adds the orphan finalizer, which holds it after finalize',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: namespace('ending-orphan') }),
      () => ({ method: 'DELETE', path: `${paths.namespaces}/ending-orphan`, body: { propagationPolicy: 'Orphan' } }),
      () => ({ method: 'PUT', path: `${paths.namespaces}/ending-orphan/finalize`, body: finalized('ending-orphan') }),
      () => ({ method: 'DELETE', path: `${paths.namespaces}/ending-orphan` }),
      () => ({
        method: 'PATCH',
        path: `${paths.namespaces}/ending-orphan`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { metadata: { finalizers: null } },
      }),
      () => ({ method: 'GET', path: `${paths.namespaces}/ending-orphan` }),
    ],
  },
  {
    name: 'namespace deletion: orphanDependents false adds foregroundDeletion and answers 202 while it stays',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: namespace('ending-accepted') }),
      () => ({ method: 'DELETE', path: `${paths.namespaces}/ending-accepted`, body: { orphanDependents: false } }),
      () => ({ method: 'DELETE', path: `${paths.namespaces}/ending-accepted`, body: { orphanDependents: false } }),
      () => ({ method: 'DELETE', path: `${paths.namespaces}/ending-accepted?dryRun=All` }),
    ],
  },
];
