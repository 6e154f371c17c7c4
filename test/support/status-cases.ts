// The requests behind every row of the Status table (docs/REAL-APISERVER.md), as data: each
// case is a short sequence of raw HTTP requests on objects of its own; the answer to the
// last one is what the row describes. Run against the real kube-apiserver to record its
// answers (scripts/record-status-bodies.ts) and to check them (status-bodies.test.ts).
import type { KubeErrorKind } from '../../src/index.ts';
import { demoDeployment } from './demo-deployment.ts';
import type { RawRequest, RawResponse } from './raw-http.ts';

export type Identity = 'admin' | 'anonymous' | 'wrong-token';
/**
 * One request, built from the answers before it. A `background` one (a watch) is not waited
 * for: the next steps run once its headers are in, and its answer, in its place among the
 * answers, is the whole stream it got until it ended (so later steps cannot read it).
 */
/** `until`: sent again (up to 10 s) until its answer satisfies it, for what a controller does in its own time. */
export type Step = (
  previous: readonly RawResponse[],
) => RawRequest & { identity?: Identity; background?: true; until?: (response: RawResponse) => boolean };

export interface StatusCase {
  readonly request: string;
  /** What kubeconflict's classifier must answer for the last response (undefined: a success). */
  readonly kind: KubeErrorKind | undefined;
  readonly steps: readonly Step[];
}

const deployments = '/apis/apps/v1/namespaces/default/deployments';
const leases = '/apis/coordination.k8s.io/v1/namespaces/default/leases';
const mergePatch = { 'content-type': 'application/merge-patch+json' };

const rvOf = (response: RawResponse | undefined): string => {
  const rv = (response?.json as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
  if (rv === undefined) throw new Error(`no resourceVersion in ${response?.text ?? 'no response'}`);
  return rv;
};
const createDeployment =
  (name: string): Step =>
  () => ({
    method: 'POST',
    path: deployments,
    body: demoDeployment(name, 'biz-version', 101),
  });
const withLabel = (response: RawResponse | undefined, value: string): unknown => {
  const object = structuredClone(response?.json) as { metadata: { labels: Record<string, string> } };
  object.metadata.labels['biz-version'] = value;
  return object;
};
const lease = (name: string, resourceVersion?: string) => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name, ...(resourceVersion !== undefined && { resourceVersion }) },
  spec: { holderIdentity: 'kubeconflict' },
});

export const statusCases: readonly StatusCase[] = [
  {
    request: 'PUT with a stale resourceVersion',
    kind: 'StaleWriteConflict',
    steps: [
      createDeployment('stale-put'),
      ([created]) => ({ method: 'PUT', path: `${deployments}/stale-put`, body: withLabel(created, '102') }),
      ([created]) => ({ method: 'PUT', path: `${deployments}/stale-put`, body: withLabel(created, '103') }),
    ],
  },
  {
    request: 'PUT without resourceVersion on a Deployment',
    kind: undefined,
    steps: [
      createDeployment('unconditional-put'),
      ([created]) => {
        const body = withLabel(created, '102') as { metadata: { resourceVersion?: string } };
        delete body.metadata.resourceVersion;
        return { method: 'PUT', path: `${deployments}/unconditional-put`, body };
      },
    ],
  },
  {
    request: 'PUT without resourceVersion on a Lease',
    kind: 'Invalid',
    steps: [
      () => ({ method: 'POST', path: leases, body: lease('l1') }),
      () => ({ method: 'PUT', path: `${leases}/l1`, body: lease('l1') }),
    ],
  },
  {
    request: 'POST of a name that exists',
    kind: 'AlreadyExists',
    steps: [createDeployment('exists'), createDeployment('exists')],
  },
  {
    request: 'GET of a missing name',
    kind: 'NotFound',
    steps: [() => ({ method: 'GET', path: `${deployments}/nope` })],
  },
  {
    request: 'GET of an unknown resource type',
    kind: 'NotFound',
    steps: [() => ({ method: 'GET', path: '/apis/apps/v1/namespaces/default/nopes/x' })],
  },
  {
    request: 'POST with metadata.resourceVersion set',
    kind: 'ServerError',
    steps: [
      () => {
        const { spec } = demoDeployment('with-rv', 'biz-version', 101);
        const metadata = { name: 'with-rv', resourceVersion: '7' };
        return {
          method: 'POST',
          path: deployments,
          body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec },
        };
      },
    ],
  },
  {
    request: 'merge PATCH without resourceVersion',
    kind: undefined,
    steps: [
      createDeployment('merge-no-rv'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/merge-no-rv`,
        headers: mergePatch,
        body: { metadata: { labels: { 'biz-version': '102' } } },
      }),
    ],
  },
  {
    request: 'merge PATCH carrying a stale resourceVersion',
    kind: 'StaleWriteConflict',
    steps: [
      createDeployment('merge-stale'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/merge-stale`,
        headers: mergePatch,
        body: { metadata: { labels: { a: '1' } } },
      }),
      ([created]) => ({
        method: 'PATCH',
        path: `${deployments}/merge-stale`,
        headers: mergePatch,
        body: { metadata: { resourceVersion: rvOf(created), labels: { 'biz-version': '102' } } },
      }),
    ],
  },
  {
    request: 'JSON patch whose test op fails',
    kind: 'Invalid',
    steps: [
      createDeployment('json-test'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/json-test`,
        headers: { 'content-type': 'application/json-patch+json' },
        body: [
          { op: 'test', path: '/metadata/labels/biz-version', value: '999' },
          { op: 'replace', path: '/metadata/labels/biz-version', value: '1000' },
        ],
      }),
    ],
  },
  {
    request: 'malformed merge patch',
    kind: 'BadRequest',
    steps: [
      createDeployment('bad-merge'),
      () => ({ method: 'PATCH', path: `${deployments}/bad-merge`, headers: mergePatch, body: '{not json' }),
    ],
  },
  {
    request: 'JSON patch that is not an array',
    kind: 'BadRequest',
    steps: [
      createDeployment('json-not-array'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/json-not-array`,
        headers: { 'content-type': 'application/json-patch+json' },
        body: { op: 'add' },
      }),
    ],
  },
  {
    request: 'PATCH with an unsupported content type',
    kind: 'BadRequest',
    steps: [
      createDeployment('text-patch'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/text-patch`,
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      }),
    ],
  },
  {
    request: 'server-side apply of a field owned by another manager',
    kind: 'ApplyConflict',
    steps: [
      () => ({
        method: 'POST',
        path: deployments,
        headers: { 'user-agent': 'Python-urllib/3.11' },
        body: demoDeployment('apply-conflict', 'biz-version', 101),
      }),
      () => ({
        method: 'PATCH',
        path: `${deployments}/apply-conflict?fieldManager=kubeconflict`,
        headers: { 'content-type': 'application/apply-patch+yaml' },
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'apply-conflict' },
          spec: { replicas: 3 },
        },
      }),
    ],
  },
  {
    request: 'apply without fieldManager',
    kind: 'Invalid',
    steps: [
      createDeployment('apply-no-manager'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/apply-no-manager`,
        headers: { 'content-type': 'application/apply-patch+yaml' },
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'apply-no-manager' } },
      }),
    ],
  },
  {
    request: 'force=true on a non-apply patch',
    kind: 'Invalid',
    steps: [
      createDeployment('force-merge'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/force-merge?force=true`,
        headers: mergePatch,
        body: { metadata: {} },
      }),
    ],
  },
  {
    request: 'PUT whose body names another object',
    kind: 'BadRequest',
    steps: [
      createDeployment('demo-deployment'),
      ([created]) => {
        const body = structuredClone(created?.json) as { metadata: { name: string } };
        body.metadata.name = 'other';
        return { method: 'PUT', path: `${deployments}/demo-deployment`, body };
      },
    ],
  },
  {
    request: 'POST with an invalid name',
    kind: 'Invalid',
    steps: [() => ({ method: 'POST', path: deployments, body: demoDeployment('Bad_Name', 'biz-version', 101) })],
  },
  {
    request: 'POST of a body that is not JSON',
    kind: 'BadRequest',
    steps: [() => ({ method: 'POST', path: deployments, body: 'nope' })],
  },
  {
    request: 'DELETE with a resourceVersion precondition mismatch',
    kind: 'StaleWriteConflict',
    steps: [
      createDeployment('delete-precondition'),
      () => ({
        method: 'PATCH',
        path: `${deployments}/delete-precondition`,
        headers: mergePatch,
        body: { metadata: { labels: { a: '1' } } },
      }),
      ([created]) => ({
        method: 'DELETE',
        path: `${deployments}/delete-precondition`,
        body: { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { resourceVersion: rvOf(created) } },
      }),
    ],
  },
  {
    request: 'no credentials (anonymous)',
    kind: 'Forbidden',
    steps: [() => ({ method: 'GET', path: deployments, identity: 'anonymous' })],
  },
  {
    request: 'wrong bearer token',
    kind: 'Unauthorized',
    steps: [() => ({ method: 'GET', path: deployments, identity: 'wrong-token' })],
  },
];
