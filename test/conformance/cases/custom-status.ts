// A custom resource with a status subresource (CRD `subresources: {status: {}}` on the
// real server, registerCustomResource with `subresources: { status: true }` here).
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, applyPatch, mergePatch } from '../conformance-case.ts';

export const gadgetDefinition = {
  group: 'example.kubeconflict.dev',
  version: 'v1',
  kind: 'Gadget',
  plural: 'gadgets',
  singular: 'gadget',
  categories: ['all'],
  subresources: { status: true },
} as const;

const gadgets = '/apis/example.kubeconflict.dev/v1/namespaces/default/gadgets';
const gadget = (name: string, size: number, status?: Record<string, unknown>) => ({
  apiVersion: 'example.kubeconflict.dev/v1',
  kind: 'Gadget',
  metadata: { name },
  spec: { size },
  ...(status && { status }),
});
const withResourceVersion = (response: RawResponse | undefined, status: Record<string, unknown>) => {
  const object = structuredClone(response?.json) as Record<string, unknown>;
  object.status = status;
  return object;
};

export const customStatusCases: ConformanceCase[] = [
  {
    name: 'custom /status: create drops status; the main resource ignores it; generation counts spec only',
    steps: [
      () => ({ method: 'POST', path: gadgets, body: gadget('g1', 1, { ready: true }) }),
      () => ({
        method: 'PATCH',
        path: `${gadgets}/g1?fieldManager=writer`,
        headers: mergePatch,
        body: { status: { ready: true } },
      }),
      () => ({
        method: 'PATCH',
        path: `${gadgets}/g1?fieldManager=writer`,
        headers: mergePatch,
        body: { spec: { size: 2 }, status: { ready: true } },
      }),
    ],
  },
  {
    name: 'custom /status: a status write keeps only status (not metadata, not spec), generation unchanged',
    steps: [
      () => ({ method: 'POST', path: `${gadgets}?fieldManager=creator`, body: gadget('g2', 1) }),
      () => ({
        method: 'PATCH',
        path: `${gadgets}/g2/status?fieldManager=controller`,
        headers: mergePatch,
        body: { metadata: { labels: { a: 'b' }, annotations: { c: 'd' } }, spec: { size: 9 }, status: { ready: true } },
      }),
      () => ({ method: 'GET', path: `${gadgets}/g2/status` }),
    ],
  },
  {
    name: 'custom /status: PUT, a stale resourceVersion is 409, none is 422, apply',
    steps: [
      () => ({ method: 'POST', path: gadgets, body: gadget('g3', 1) }),
      (r) => ({
        method: 'PUT',
        path: `${gadgets}/g3/status?fieldManager=putter`,
        body: withResourceVersion(r[0], { n: 1 }),
      }),
      (r) => ({ method: 'PUT', path: `${gadgets}/g3/status`, body: withResourceVersion(r[0], { n: 2 }) }),
      () => ({ method: 'PUT', path: `${gadgets}/g3/status`, body: gadget('g3', 1, { n: 3 }) }),
      () => ({
        method: 'PATCH',
        path: `${gadgets}/g3/status?fieldManager=applier&force=true`,
        headers: applyPatch,
        body: gadget('g3', 5, { n: 4, m: 'x' }),
      }),
    ],
  },
  {
    name: 'custom subresources not served: the object is "not found"; other methods on /status are 405',
    steps: [
      () => ({ method: 'POST', path: gadgets, body: gadget('g4', 1) }),
      () => ({ method: 'GET', path: `${gadgets}/g4/scale` }),
      () => ({ method: 'GET', path: `${gadgets}/g4/nope` }),
      () => ({ method: 'DELETE', path: `${gadgets}/g4/status` }),
      () => ({ method: 'POST', path: `${gadgets}/g4/status`, body: gadget('g4', 1) }),
    ],
  },
  {
    name: 'custom resource without a status subresource: /status is 404, status counts for generation',
    steps: [
      () => ({
        method: 'POST',
        path: '/apis/example.kubeconflict.dev/v1/namespaces/default/widgets',
        body: { apiVersion: 'example.kubeconflict.dev/v1', kind: 'Widget', metadata: { name: 'plain' }, spec: {} },
      }),
      () => ({ method: 'GET', path: '/apis/example.kubeconflict.dev/v1/namespaces/default/widgets/plain/status' }),
      () => ({
        method: 'PATCH',
        path: '/apis/example.kubeconflict.dev/v1/namespaces/default/widgets/plain',
        headers: mergePatch,
        body: { status: { seen: true } },
      }),
    ],
  },
];
