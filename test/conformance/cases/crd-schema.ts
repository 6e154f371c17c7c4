// A CRD's structural schema at work on its custom resources: defaults filled in, unknown
// fields pruned (refused with fieldValidation=Strict), values the schema refuses a 422
// naming each field, on creates, updates, patches of every kind, apply and /status.
import type { RawResponse } from '../../support/raw-http.ts';
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, applyPatch, jsonPatch, mergePatch } from '../conformance-case.ts';

const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const group = 'schema.kubeconflict.dev';
const valves = `/apis/${group}/v1/namespaces/default/valves`;

const spec = {
  type: 'object',
  required: ['size'],
  properties: {
    size: { type: 'integer', minimum: 1, maximum: 10 },
    color: { type: 'string', enum: ['red', 'green', 'blue'], default: 'green' },
    code: { type: 'string', pattern: '^[a-z]+$' },
    ports: { type: 'array', items: { type: 'integer' } },
    extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
  },
};
const status = {
  type: 'object',
  properties: { ready: { type: 'boolean' }, level: { type: 'integer', minimum: 0, default: 0 } },
};

const valveDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `valves.${group}` },
  spec: {
    group,
    scope: 'Namespaced',
    names: { kind: 'Valve', plural: 'valves' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec, status } } },
        subresources: { status: {} },
      },
    ],
  },
};

const valve = (name: string, valveSpec: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  apiVersion: `${group}/v1`,
  kind: 'Valve',
  metadata: { name },
  spec: valveSpec,
  ...more,
});

/** Served: a missing object is a NotFound Status, not the catch-all's plain 404. */
const served = (response: RawResponse) => response.status === 404 && response.json !== undefined;

const rvOf = (response: RawResponse | undefined): string =>
  (response?.json as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion ?? '';

const install: Step[] = [
  () => ({ method: 'POST', path: crds, body: valveDefinition }),
  () => ({ method: 'GET', path: `${valves}/none`, until: served }),
];
const uninstall: Step[] = [
  () => ({ method: 'DELETE', path: `${crds}/valves.${group}` }),
  () => ({ method: 'GET', path: `${crds}/valves.${group}`, until: (response: RawResponse) => response.status === 404 }),
];

export const crdSchemaCases: ConformanceCase[] = [
  {
    name: 'CRD schema: creates defaulted and pruned, Strict refuses unknown fields, invalid values are 422',
    steps: [
      ...install,
      () => ({ method: 'POST', path: valves, body: valve('a', { size: 3 }) }),
      () => ({
        method: 'POST',
        path: valves,
        body: valve('b', { size: 2, bogus: 1, extra: { anything: { x: 1 } } }, { junk: true }),
      }),
      () => ({
        method: 'POST',
        path: `${valves}?fieldValidation=Strict`,
        body: valve('c', { size: 2, bogus: 1, other: 'x' }, { junk: true }),
      }),
      // One error each: kube-apiserver orders sibling fields' errors at random (Go map iteration).
      () => ({ method: 'POST', path: valves, body: valve('d', { size: 11 }) }),
      () => ({ method: 'POST', path: valves, body: valve('d', { size: 1, color: 'pink' }) }),
      () => ({ method: 'POST', path: valves, body: valve('d', { size: 1, code: 'ABC' }) }),
      () => ({ method: 'POST', path: valves, body: valve('e', { color: 'red' }) }),
      () => ({ method: 'POST', path: valves, body: valve('e', { size: 1, ports: ['http', 80] }) }),
      () => ({ method: 'POST', path: valves, body: valve('f', { size: 'big' }) }),
      () => ({
        method: 'POST',
        path: valves,
        body: { ...valve('g', { size: 1 }), metadata: { name: 'g', labels: 7 } },
      }),
      () => ({ method: 'GET', path: valves }),
      ...uninstall,
    ],
  },
  {
    name: 'CRD schema: update, merge and JSON patches are pruned, defaulted and validated; status too',
    steps: [
      ...install,
      () => ({
        method: 'POST',
        path: valves,
        body: valve('a', { size: 3, color: 'red', tags: ['x', 'y'], labels: { k: 'v' } }),
      }),
      (previous) => ({
        method: 'PUT',
        path: `${valves}/a`,
        body: valve('a', { size: 4, bogus: true }, { metadata: { name: 'a', resourceVersion: rvOf(previous[2]) } }),
      }),
      (previous) => ({
        method: 'PUT',
        path: `${valves}/a`,
        body: valve('a', { size: 0 }, { metadata: { name: 'a', resourceVersion: rvOf(previous[3]) } }),
      }),
      () => ({ method: 'PATCH', path: `${valves}/a`, headers: mergePatch, body: { spec: { color: null, more: 1 } } }),
      () => ({ method: 'PATCH', path: `${valves}/a`, headers: mergePatch, body: { spec: { code: 'A-1' } } }),

      () => ({
        method: 'PATCH',
        path: `${valves}/a`,
        headers: jsonPatch,
        body: [{ op: 'replace', path: '/spec/size', value: 20 }],
      }),
      () => ({
        method: 'PATCH',
        path: `${valves}/a/status`,
        headers: mergePatch,
        body: { status: { ready: true, unknown: 'x' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${valves}/a/status`,
        headers: mergePatch,
        body: { status: { ready: 'yes' } },
      }),
      () => ({ method: 'PATCH', path: `${valves}/a/status`, headers: mergePatch, body: { status: { level: -1 } } }),
      () => ({ method: 'GET', path: `${valves}/a` }),
      ...uninstall,
    ],
  },
  {
    // kube-apiserver types an applied custom resource by its schema: declared objects are
    // structs (no "." entry in managedFields), an undeclared field fails the typed patch.
    name: 'CRD schema: server-side apply typed by the schema: defaulted, validated, conflicts over a created one',
    steps: [
      ...install,
      () => ({
        method: 'PATCH',
        path: `${valves}/b?fieldManager=applier`,
        headers: applyPatch,
        body: valve('b', { size: 5, extra: { free: 'form' } }),
      }),
      () => ({
        method: 'PATCH',
        path: `${valves}/b?fieldManager=applier`,
        headers: applyPatch,
        body: valve('b', { size: 5, bogus: 1 }),
      }),
      () => ({
        method: 'PATCH',
        path: `${valves}/b?fieldManager=applier`,
        headers: applyPatch,
        body: valve('b', { size: 5, color: 'violet' }),
      }),
      () => ({
        method: 'PATCH',
        path: `${valves}/b?fieldManager=applier`,
        headers: applyPatch,
        body: valve('b', { size: 6 }),
      }),
      () => ({ method: 'POST', path: valves, body: valve('c', { size: 1, ports: [1, 2], extra: { a: { b: 1 } } }) }),
      () => ({
        method: 'PATCH',
        path: `${valves}/c?fieldManager=applier`,
        headers: applyPatch,
        body: valve('c', { size: 2, ports: [3], extra: { a: { c: 2 } } }),
      }),
      () => ({
        method: 'PATCH',
        path: `${valves}/c?fieldManager=applier&force=true`,
        headers: applyPatch,
        body: valve('c', { size: 2, ports: [3], extra: { a: { c: 2 } } }),
      }),
      ...uninstall,
    ],
  },
  {
    // The 422 shows the patched object, whose resourceVersion is each server's own: only
    // the error after it is compared.
    name: 'CRD schema: a Strict merge patch is refused with the fields the schema prunes',
    select: strictErrorOnly,
    steps: [
      ...install,
      () => ({ method: 'POST', path: valves, body: valve('a', { size: 3 }) }),
      () => ({
        method: 'PATCH',
        path: `${valves}/a?fieldValidation=Strict`,
        headers: mergePatch,
        body: { spec: { bogus: 1, size: 5 }, junk: true },
      }),
      () => ({
        method: 'PATCH',
        path: `${valves}/a?fieldValidation=Strict`,
        headers: mergePatch,
        body: { spec: { size: 4 } },
      }),
      ...uninstall,
    ],
  },
];

/** A Status's messages cut to what follows the object they quote; other answers as they are. */
function strictErrorOnly(body: unknown): unknown {
  const status = body as { kind?: string; message?: string; details?: { causes?: { message: string }[] } };
  if (status.kind !== 'Status' || status.message === undefined) return body;
  const tail = (message: string) => message.slice(message.lastIndexOf('}": ') + 1);
  const causes = status.details?.causes?.map((cause) => ({ ...cause, message: tail(cause.message) }));
  return { ...status, message: tail(status.message), details: { ...status.details, causes } };
}
