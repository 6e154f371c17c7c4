// DELETE bodies kube-apiserver refuses before it looks the object up: malformed JSON,
// another kind, fields of the wrong type, values its validation refuses, a media type it
// does not decode. And Authorization headers that offer no bearer token (anonymous).
import { type ConformanceCase, configMap, paths } from '../conformance-case.ts';

const target = `${paths.configMaps}/delete-options-target`;

/** DELETE of the target with `body` sent as is. */
const deleteWith =
  (body: string, contentType = 'application/json') =>
  () => ({ method: 'DELETE' as const, path: target, headers: { 'content-type': contentType }, body });

const refusedBodies = [
  '{bad}',
  '{} x',
  '[]',
  '"x"',
  '5',
  '{"kind":5}',
  '{"kind":"Pod","apiVersion":"v1"}',
  '{"kind":"Pod"}',
  '{"kind":"Status","apiVersion":"v1"}',
  '{"kind":"ListOptions","apiVersion":"meta.k8s.io/v1"}',
  '{"apiVersion":"a/b/c","kind":"DeleteOptions"}',
  '{"gracePeriodSeconds":"x"}',
  '{"gracePeriodSeconds":1.5}',
  '{"gracePeriodSeconds":1e99}',
  '{"gracePeriodSeconds":"x","preconditions":{"uid":5}}',
  '{"preconditions":[]}',
  '{"preconditions":{"resourceVersion":5}}',
  '{"preconditions":{"uid":5}}',
  '{"orphanDependents":"yes"}',
  '{"propagationPolicy":5}',
  '{"propagationPolicy":"Sideways"}',
  '{"orphanDependents":true,"propagationPolicy":"Background"}',
  '{"dryRun":"All"}',
  '{"dryRun":[5]}',
  '{"dryRun":["Bogus"]}',
  '{"ignoreStoreReadErrorWithClusterBreakingPotential":"x"}',
];

/** Bodies it takes: then the object is deleted (the last one finds it gone). */
const acceptedBodies = [
  '{"kind":"DeleteOptions","apiVersion":"apps/v1","gracePeriodSeconds":-5,"GracePeriodSeconds":"x","bogus":1}',
  'null',
];

export const deleteOptionsCases: ConformanceCase[] = [
  {
    name: 'malformed DeleteOptions bodies are refused with a Status, the object left alone',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('delete-options-target') }),
      ...refusedBodies.map((body) => deleteWith(body)),
      deleteWith('{}', 'text/plain'),
      () => ({ method: 'GET', path: target }),
      // With a body, the query's options are not read: a bad dryRun there is no error,
      // and the body's dryRun leaves the object in place.
      () => ({
        method: 'DELETE',
        path: `${target}?dryRun=Bogus`,
        headers: { 'content-type': 'application/json' },
        body: '{"dryRun":["All"]}',
      }),
      () => ({ method: 'GET', path: target }),
      ...acceptedBodies.map((body) => deleteWith(body)),
    ],
  },
  {
    name: 'an anonymous request is refused naming its RequestInfo verb, empty for other methods',
    steps: (
      [
        ['OPTIONS', target],
        ['TRACE', target],
        ['PROPFIND', paths.configMaps],
        ['HEAD', target],
        ['POST', target],
        ['PUT', paths.configMaps],
        ['DELETE', paths.configMaps],
        ['OPTIONS', '/nothing'],
      ] as const
    ).map(([method, path]) => () => ({ method, path, identity: 'anonymous' as const })),
  },
  {
    name: 'an Authorization header offering no bearer token is the anonymous user',
    steps: ['', 'Basic YTpi', 'Bearer', 'Bearer  x'].map((authorization) => () => ({
      method: 'GET' as const,
      path: paths.configMaps,
      headers: { authorization },
      identity: 'anonymous' as const,
    })),
  },
];
