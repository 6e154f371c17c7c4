// One round per built-in kind served beyond the first six: create, get, update, every
// patch type, server-side apply, list, watch from the creation, a protobuf read, a dry-run
// delete, delete.
// Objects carry a `round` label so lists and watches leave out what kube-apiserver
// bootstraps (its ~70 ClusterRoles and their bindings).
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, applyPatch, jsonPatch, mergePatch, strategicPatch } from '../conformance-case.ts';

type Json = Record<string, unknown>;

interface RoundOf {
  /** The kind, its collection's path and an object of it named `name` with `labels`. */
  readonly kind: string;
  readonly collection: string;
  readonly object: (name: string, labels: Record<string, string>) => Json;
  /** What the PUT changes in the object read back. */
  readonly update: (object: Json) => void;
  /** A strategic merge patch body (lists merged by key where the kind has keys). */
  readonly strategic: Json;
}

const latest = (responses: readonly { json: unknown }[]) => structuredClone(responses.at(-1)?.json) as Json;
const rvOf = (response: { json: unknown } | undefined) =>
  ((response?.json as Json).metadata as Json).resourceVersion as string;

/** The steps of a round, after any `before` steps the kind needs (its namespace...). */
function round({ kind, collection, object, update, strategic }: RoundOf): ConformanceCase {
  const name = `round-${kind.toLowerCase()}`;
  const item = `${collection}/${name}`;
  const selector = `labelSelector=round%3D${kind.toLowerCase()}`;
  const labels = { round: kind.toLowerCase() };
  const steps: Step[] = [
    () => ({ method: 'POST', path: collection, body: object(name, labels) }),
    () => ({ method: 'GET', path: item }),
    (r) => {
      const body = latest(r);
      update(body);
      return { method: 'PUT', path: item, body };
    },
    () => ({ method: 'PATCH', path: item, headers: mergePatch, body: { metadata: { labels: { merged: 'yes' } } } }),
    () => ({
      method: 'PATCH',
      path: item,
      headers: jsonPatch,
      body: [{ op: 'add', path: '/metadata/annotations', value: { note: 'json-patch' } }],
    }),
    () => ({ method: 'PATCH', path: item, headers: strategicPatch, body: strategic }),
    () => ({
      method: 'PATCH',
      path: `${item}?fieldManager=round-applier&force=true`,
      headers: applyPatch,
      body: { ...object(name, { ...labels, applied: 'yes' }) },
    }),
    () => ({ method: 'GET', path: `${collection}?${selector}` }),
    (r) => ({
      method: 'GET',
      path: `${collection}?watch=true&timeoutSeconds=1&${selector}&resourceVersion=${rvOf(r[0])}`,
    }),
    () => ({ method: 'GET', path: item, headers: { accept: 'application/vnd.kubernetes.protobuf,application/json' } }),
    () => ({ method: 'DELETE', path: `${item}?dryRun=All` }),
    () => ({ method: 'DELETE', path: item }),
    () => ({ method: 'GET', path: item }),
  ];
  return {
    name: `round of ${kind}: create, get, update, merge/JSON/strategic patch, apply, list, watch, protobuf, dry-run delete, delete`,
    steps,
  };
}

const rbac = '/apis/rbac.authorization.k8s.io/v1';
const meta = (name: string, labels: Record<string, string>) => ({ name, labels });
const rule = (resources: string[], verbs: string[]) => ({ apiGroups: [''], resources, verbs });

export const builtinRoundCases: ConformanceCase[] = [
  round({
    kind: 'ServiceAccount',
    collection: '/api/v1/namespaces/default/serviceaccounts',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(name, labels),
      imagePullSecrets: [{ name: 'registry' }],
    }),
    update: (object) => {
      object.automountServiceAccountToken = false;
    },
    strategic: { secrets: [{ name: 'token-a' }] },
  }),
  round({
    kind: 'Event',
    collection: '/api/v1/namespaces/default/events',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta(name, labels),
      involvedObject: { kind: 'ConfigMap', name: 'watched', namespace: 'default', apiVersion: 'v1' },
      reason: 'Tested',
      message: 'a round of the conformance suite',
      type: 'Normal',
      count: 1,
      source: { component: 'kubeconflict' },
    }),
    update: (object) => {
      object.count = 2;
    },
    strategic: { message: 'patched', related: { kind: 'Pod', name: 'p' } },
  }),
  round({
    kind: 'Role',
    collection: `${rbac}/namespaces/default/roles`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(name, labels),
      rules: [rule(['configmaps'], ['get', 'list'])],
    }),
    update: (object) => {
      object.rules = [rule(['configmaps', 'secrets'], ['get'])];
    },
    strategic: { rules: [rule(['pods'], ['watch'])] },
  }),
  round({
    kind: 'RoleBinding',
    collection: `${rbac}/namespaces/default/rolebindings`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(name, labels),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'round-role' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'ServiceAccount', name: 'robot', namespace: 'default' },
      ],
    }),
    update: (object) => {
      object.subjects = [{ kind: 'Group', name: 'devs' }];
    },
    strategic: { subjects: [{ kind: 'User', name: 'bob' }] },
  }),
  round({
    kind: 'ClusterRole',
    collection: `${rbac}/clusterroles`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta(name, labels),
      rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }],
    }),
    update: (object) => {
      object.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { aggregate: 'yes' } }] };
    },
    strategic: { rules: [rule(['nodes'], ['list'])] },
  }),
  round({
    kind: 'ClusterRoleBinding',
    collection: `${rbac}/clusterrolebindings`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(name, labels),
      roleRef: { kind: 'ClusterRole', name: 'round-clusterrole' },
      subjects: [{ kind: 'Group', name: 'ops' }],
    }),
    update: (object) => {
      object.subjects = [{ kind: 'User', name: 'carol' }];
    },
    strategic: { subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'default' }] },
  }),
];
