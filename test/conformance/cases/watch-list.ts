// Watches that start with the current objects and mark where those end (kube-apiserver's
// WatchList: `sendInitialEvents`, `resourceVersionMatch=NotOlderThan`, bookmarks), as
// `kubectl wait` and client-go's streaming informers use them, and the ListOptions rules.
import { type ConformanceCase, configMap, paths } from '../conformance-case.ts';

const namespace = '/api/v1/namespaces/watch-list/configmaps';
const watchWith =
  (options: string, headers: Record<string, string> = {}) =>
  () => ({
    method: 'GET' as const,
    path: `${namespace}?watch=true&timeoutSeconds=1&${options}`,
    headers,
  });
const list = (options: string) => () => ({ method: 'GET' as const, path: `${namespace}?${options}` });
const initial = 'sendInitialEvents=true&resourceVersionMatch=NotOlderThan';

export const watchListCases: ConformanceCase[] = [
  {
    name: 'watch-list: initial events, then a bookmark marking their end',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'watch-list' } } }),
      () => ({ method: 'POST', path: namespace, body: configMap('first', { k: '1' }) }),
      () => ({ method: 'POST', path: namespace, body: configMap('second', { k: '2' }) }),
      // A write elsewhere, so the bookmark's version is newer than the objects' on both servers.
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('watch-list-tick') }),
      watchWith(`${initial}&allowWatchBookmarks=true`),
      watchWith('allowWatchBookmarks=true'),
      watchWith(`${initial}&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dnone`),
      watchWith(`${initial}&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dfirst`, {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      }),
      watchWith(initial),
      (r) =>
        watchWith(
          `sendInitialEvents=false&resourceVersionMatch=NotOlderThan&resourceVersion=${(r[1]?.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion}`,
        )(),
    ],
  },
  {
    name: 'watch-list: ListOptions kube-apiserver refuses',
    steps: [
      watchWith('sendInitialEvents=true'),
      watchWith('resourceVersionMatch=Exact'),
      watchWith('sendInitialEvents=maybe&resourceVersionMatch=NotOlderThan'),
      watchWith(`${initial}&allowWatchBookmarks=maybe`),
      list('sendInitialEvents=true'),
      list('resourceVersionMatch=Exact'),
      list('resourceVersionMatch=Bogus&resourceVersion=1'),
      list('resourceVersionMatch=Exact&resourceVersion=0'),
      list('resourceVersionMatch=NotOlderThan&resourceVersion=1&continue=abc'),
    ],
  },
];
