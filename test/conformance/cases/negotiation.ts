// Content negotiation: what an Accept header gets, as kube-apiserver picks it (ranges by
// q-value and specificity, conversions to Table or metadata, 406 naming what is served),
// and errors in the format asked.
import { type ConformanceCase, configMap, paths } from '../conformance-case.ts';

const get =
  (path: string, accept: string, headers: Record<string, string> = {}) =>
  () => ({
    method: 'GET' as const,
    path,
    headers: { accept, ...headers },
  });
const seed = (name: string) => () => ({
  method: 'POST' as const,
  path: paths.configMaps,
  body: configMap(name, { greeting: 'hello <world> & "you"', multi: 'line one\nline two\n' }, { app: 'negotiation' }),
});
const object = (name: string) => `${paths.configMaps}/${name}`;
const table = (version: string) => `application/json;as=Table;v=${version};g=meta.k8s.io`;
const metadata = (kind: string) => `application/json;as=${kind};v=v1;g=meta.k8s.io`;

export const negotiationCases: ConformanceCase[] = [
  {
    name: 'Accept: YAML, wildcards and q-values',
    steps: [
      seed('yaml-one'),
      get(object('yaml-one'), 'application/yaml'),
      get(object('yaml-one'), 'application/*'),
      get(object('yaml-one'), '*/*'),
      get(object('yaml-one'), 'application/json;q=0.5, application/yaml'),
      get(object('yaml-one'), 'text/html, application/yaml;q=0.1'),
      get(`${paths.configMaps}?labelSelector=app%3Dnegotiation`, 'application/yaml'),
    ],
  },
  {
    name: 'Accept that nothing served matches: 406',
    steps: [
      seed('not-acceptable'),
      get(object('not-acceptable'), 'text/html'),
      get(object('no-such-object'), 'text/plain'),
      get(paths.configMaps, 'application/json;as=Deployment;g=apps;v=v1'),
      get(`${paths.configMaps}?watch=true`, 'application/yaml'),
      () => ({ method: 'POST', path: paths.configMaps, headers: { accept: 'text/html' }, body: '{not json' }),
      get(`${paths.widgets}/none`, 'text/html, application/*'),
    ],
  },
  {
    name: 'errors in the format asked',
    steps: [
      get(object('missing'), 'application/yaml'),
      get(object('missing'), 'application/json;as=Table;v=v1;g=meta.k8s.io, application/yaml'),
      () => ({ method: 'PUT', path: object('missing'), headers: { accept: 'application/yaml' }, body: '{' }),
    ],
  },
  {
    name: 'Tables in v1 and v1beta1, and metadata only',
    steps: [
      seed('table-one'),
      get(object('table-one'), table('v1beta1')),
      get(object('table-one'), `${table('v1')}, application/json`),
      get(object('table-one'), metadata('PartialObjectMetadata')),
      // A write elsewhere, so the list's resourceVersion is newer than its items' on both servers.
      () => ({
        method: 'POST' as const,
        path: paths.leases,
        body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'negotiation-tick' } },
      }),
      get(paths.configMaps, metadata('PartialObjectMetadataList')),
      get(paths.configMaps, metadata('PartialObjectMetadata')),
      get(object('table-one'), metadata('PartialObjectMetadataList')),
      get(object('table-one'), 'application/yaml;as=Table;v=v1;g=meta.k8s.io'),
    ],
  },
  {
    name: 'watch events as Table rows, the columns named once (kubectl get -w)',
    steps: [
      seed('watched-row'),
      () => ({
        method: 'PATCH',
        path: object('watched-row'),
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { data: { more: 'yes' } },
      }),
      (r) =>
        get(
          `${paths.configMaps}?watch=true&timeoutSeconds=1&labelSelector=app%3Dnegotiation&resourceVersion=${(r[0]?.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion}`,
          `${table('v1')},${table('v1beta1')},application/json`,
        )(),
    ],
  },
  {
    name: 'pretty JSON for a person: ?pretty and a curl user agent',
    steps: [
      seed('pretty-one'),
      get(`${object('pretty-one')}?pretty=true`, 'application/json'),
      get(object('pretty-one'), 'application/json', { 'user-agent': 'curl/8.5.0' }),
      get(`${object('pretty-one')}?pretty=false`, 'application/json', { 'user-agent': 'curl/8.5.0' }),
      get(object('pretty-missing'), 'application/json', { 'user-agent': 'curl/8.5.0' }),
    ],
  },
];
