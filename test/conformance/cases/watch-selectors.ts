// Watches with selectors while objects move into and out of them: kube-apiserver's watch
// cache sends ADDED when an update makes an object match, DELETED (the object as it was,
// at the change's resourceVersion) when one makes it stop matching, and the same whether
// the watch sees the changes live or replays them from a resourceVersion.
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, configMap, mergePatch, paths } from '../conformance-case.ts';

const collection = (namespace: string) => `/api/v1/namespaces/${namespace}/configmaps`;
const rvOf = (step: unknown) =>
  (step as { json: { metadata: { resourceVersion: string } } }).json.metadata.resourceVersion;
const tableRows = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

/** A namespace with `moving` and `bystander`, neither matching `x=y`. */
const seeded = (namespace: string): Step[] => [
  () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: namespace } } }),
  () => ({ method: 'POST', path: collection(namespace), body: configMap('moving', { k: '1' }, { x: 'n' }) }),
  () => ({ method: 'POST', path: collection(namespace), body: configMap('bystander', { k: '1' }, { x: 'n' }) }),
];

/** Every way an object enters, changes within, and leaves the selector `x=y`. */
const changes = (namespace: string): Step[] => {
  const patch =
    (name: string, body: unknown): Step =>
    () => ({ method: 'PATCH', path: `${collection(namespace)}/${name}`, headers: mergePatch, body });
  return [
    patch('moving', { metadata: { labels: { x: 'y' } } }), // into the selector: ADDED
    patch('moving', { data: { k: '2' } }), // within it: MODIFIED
    patch('moving', { metadata: { labels: { x: 'n' } } }), // out of it: DELETED
    patch('bystander', { data: { k: '2' } }), // never in it: nothing
    patch('moving', { metadata: { labels: { x: 'y' } } }), // in again: ADDED
    patch('moving', { metadata: { labels: { x: null } } }), // its label removed: DELETED
    () => ({ method: 'POST', path: collection(namespace), body: configMap('doomed', { k: '1' }, { x: 'y' }) }),
    () => ({ method: 'DELETE', path: `${collection(namespace)}/doomed` }), // deleted while matching: DELETED
  ];
};

const watching = (namespace: string, options: string, extra: { background?: true; accept?: string } = {}) => ({
  method: 'GET' as const,
  path: `${collection(namespace)}?watch=true&${options}`,
  ...(extra.accept !== undefined && { headers: { accept: extra.accept } }),
  ...(extra.background && { background: true as const }),
});

/** A watch from the resourceVersion that created `moving`, replaying every change after it. */
const resumed =
  (selector: string, accept?: string): Step =>
  (r) =>
    watching('watch-moved', `timeoutSeconds=1&${selector}&resourceVersion=${rvOf(r[1])}`, accept ? { accept } : {});

export const watchSelectorCases: ConformanceCase[] = [
  {
    // The watches are open while the changes are made; each ends after its timeout.
    name: 'watch with selectors, live: objects relabelled into and out of them are ADDED and DELETED',
    steps: [
      ...seeded('watch-moves'),
      () => watching('watch-moves', 'timeoutSeconds=3&labelSelector=x%3Dy', { background: true }),
      () => watching('watch-moves', 'timeoutSeconds=3&labelSelector=x%21%3Dy', { background: true }),
      () => watching('watch-moves', 'timeoutSeconds=3&fieldSelector=metadata.name%3Dmoving', { background: true }),
      () => watching('watch-moves', 'timeoutSeconds=3&labelSelector=x%3Dy', { background: true, accept: tableRows }),
      ...changes('watch-moves'),
    ],
  },
  {
    name: 'watch with selectors, resumed from a resourceVersion: the replay is filtered the same way',
    steps: [
      ...seeded('watch-moved'),
      ...changes('watch-moved'),
      resumed('labelSelector=x%3Dy'),
      resumed('labelSelector=x%21%3Dy'),
      resumed('fieldSelector=metadata.name%3Dmoving'),
      resumed('labelSelector=x%3Dy', tableRows),
    ],
  },
];
