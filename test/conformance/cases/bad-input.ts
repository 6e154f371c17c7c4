// Hostile input, as the fuzz suite (src/testing/server/fuzz.property.test.ts) sends it:
// nesting past Go's 10000 levels, values of the wrong type, malformed URLs.
import {
  type ConformanceCase,
  applyPatch,
  configMap,
  jsonPatch,
  mergePatch,
  paths,
  strategicPatch,
} from '../conformance-case.ts';

const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
const target = `${paths.configMaps}/deep-target`;

/** A Deployment of the given containers, valid or not. */
const withContainers = (containers: unknown) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'typed' },
  spec: {
    selector: { matchLabels: { app: 'typed' } },
    template: { metadata: { labels: { app: 'typed' } }, spec: { containers } },
  },
});

export const badInputCases: ConformanceCase[] = [
  {
    name: 'bodies nested deeper than 10000 levels are refused, JSON and YAML',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('deep-target') }),
      () => ({ method: 'POST', path: paths.configMaps, body: deepArray }),
      () => ({ method: 'POST', path: paths.configMaps, body: deepObject }),
      () => ({ method: 'PUT', path: target, body: '['.repeat(100_000) }),
      () => ({ method: 'PATCH', path: target, headers: mergePatch, body: deepObject }),
      () => ({ method: 'PATCH', path: target, headers: strategicPatch, body: deepArray }),
      () => ({ method: 'PATCH', path: target, headers: jsonPatch, body: deepArray }),
      () => ({ method: 'PATCH', path: `${target}?fieldManager=deep`, headers: applyPatch, body: '['.repeat(100_000) }),
      () => ({ method: 'PATCH', path: `${target}?fieldManager=deep`, headers: applyPatch, body: '- '.repeat(20_000) }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        headers: { 'content-type': 'application/yaml' },
        body: `metadata:\n  name: y\ndata:\n  x: ${'{'.repeat(20_000)}`,
      }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}/absent`, body: deepArray }),
    ],
  },
  {
    name: 'values of the wrong type are refused: create, merge, strategic and JSON patches',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('typed') }),
      () => ({ method: 'POST', path: paths.configMaps, body: { apiVersion: { a: 1 }, metadata: { name: 'x' } } }),
      () => ({ method: 'POST', path: paths.configMaps, body: { metadata: 'x' } }),
      () => ({ method: 'POST', path: paths.configMaps, body: { metadata: { name: 5 } } }),
      () => ({ method: 'POST', path: paths.configMaps, body: { metadata: { name: 'x', labels: { a: 1 } } } }),
      () => ({ method: 'POST', path: paths.configMaps, body: { metadata: { name: 'x', generation: 1.5 } } }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        body: { metadata: { name: 'x', ownerReferences: [{ uid: 5 }] } },
      }),
      () => ({ method: 'POST', path: paths.configMaps, body: { metadata: { name: 'x' }, data: { k: 1 } } }),
      () => ({ method: 'POST', path: paths.deployments, body: withContainers(['']) }),
      () => ({ method: 'POST', path: paths.deployments, body: withContainers([{ name: 'c', image: 'x', ports: {} }]) }),
      () => ({ method: 'PATCH', path: `${paths.configMaps}/typed`, headers: mergePatch, body: { metadata: 'x' } }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/typed`,
        headers: strategicPatch,
        body: { metadata: { labels: [1] } },
      }),
      () => ({ method: 'PATCH', path: `${paths.configMaps}/typed`, headers: strategicPatch, body: { data: { k: 1 } } }),
      // Merge and JSON patches show the patched object (uid, resourceVersion and all): only
      // metadata of the wrong type keeps it comparable here.
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/typed`,
        headers: jsonPatch,
        body: [{ op: 'replace', path: '/metadata', value: 'x' }],
      }),
    ],
  },
  {
    name: 'malformed URLs: bad escapes in the path or the query, unknown groups',
    steps: [
      () => ({ method: 'GET', path: `${paths.configMaps}/%zz` }),
      () => ({ method: 'GET', path: `/healthz/%E0%A4%A` }),
      () => ({ method: 'GET', path: `${paths.configMaps}/a%2Fb` }),
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'malformed' } } }),
      // Go drops a query pair it cannot decode: this lists everything.
      () => ({ method: 'GET', path: `/api/v1/namespaces/malformed/configmaps?labelSelector=%zz` }),
      () => ({ method: 'GET', path: '/apis/unknown.example.com/v1/things' }),
      () => ({ method: 'GET', path: '/apis/apps/v1/things' }),
    ],
  },
  {
    name: 'query parameters as Go converts them: integers, resourceVersion, watch',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'queried' } } }),
      () => ({ method: 'POST', path: '/api/v1/namespaces/queried/configmaps', body: configMap('q') }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps?limit=abc' }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps?limit=99999999999999999999' }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps?timeoutSeconds=x&limit=y' }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps?limit=+5' }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps?resourceVersion=-1' }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps/q?resourceVersion=abc' }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps?watch=1&resourceVersion=abc' }),
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps?watch=FALSE' }),
      // A GET of one object ignores `watch`.
      () => ({ method: 'GET', path: '/api/v1/namespaces/queried/configmaps/q?watch=true' }),
    ],
  },
  {
    name: "writes whose name, namespace or resourceVersion do not fit the URL's object",
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('fitted') }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted`,
        headers: mergePatch,
        body: { metadata: { name: 'other' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted`,
        headers: mergePatch,
        body: { metadata: { name: null } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted`,
        headers: jsonPatch,
        body: [{ op: 'remove', path: '/metadata/name' }],
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted`,
        headers: mergePatch,
        body: { metadata: { namespace: 'other' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted`,
        headers: mergePatch,
        body: { metadata: { resourceVersion: 'abc' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted`,
        headers: mergePatch,
        body: { metadata: { resourceVersion: '' } },
      }),
      () => ({ method: 'PUT', path: `${paths.configMaps}/fitted`, body: { metadata: { name: '' } } }),
      () => ({
        method: 'PUT',
        path: `${paths.configMaps}/fitted`,
        body: { metadata: { name: 'fitted', resourceVersion: '-1' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted?fieldManager=fit`,
        headers: applyPatch,
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'other' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/fitted?fieldManager=fit`,
        headers: applyPatch,
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/unnamed?fieldManager=fit`,
        headers: applyPatch,
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { labels: { a: 'b' } } },
      }),
      // Go's decoder: a lone surrogate escape is U+FFFD; a bad byte is quoted as Go quotes it.
      () => ({ method: 'POST', path: paths.configMaps, body: '{"metadata":{"name":"s","labels":{"a":"\\ud800"}}}' }),
      () => ({ method: 'PATCH', path: `${paths.configMaps}/fitted`, headers: mergePatch, body: '{"a\u0000":1}' }),
      () => ({ method: 'PATCH', path: `${paths.configMaps}/fitted`, headers: mergePatch, body: 'é' }),
    ],
  },
  {
    name: 'apply configurations that are not objects, or hold escaped surrogates',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('applied-badly') }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/applied-badly?fieldManager=bad`,
        headers: applyPatch,
        body: '5',
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/applied-badly?fieldManager=bad`,
        headers: applyPatch,
        body: 'null',
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/applied-badly?fieldManager=bad`,
        headers: applyPatch,
        body: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied-badly\ndata: {a: "x\\uD83D\\uDE00"}',
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/applied-badly?fieldManager=bad`,
        headers: applyPatch,
        body: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'applied-badly', managedFields: [{ manager: 'x' }] },
        },
      }),
    ],
  },
];
