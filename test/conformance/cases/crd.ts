// CustomResourceDefinitions through the API: created, established (the real server's
// controllers take their time: the GET is repeated until Established), its custom
// resources written every way, printed with its columns, then the CRD deleted and gone.
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, applyPatch, mergePatch } from '../conformance-case.ts';

const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const group = 'crd.kubeconflict.dev';
const gizmos = `/apis/${group}/v1/namespaces/default/gizmos`;
const table = { accept: 'application/json;as=Table;g=meta.k8s.io;v=v1' };

// Open at the root, as the embedded server treats every schema until structural
// schemas are wired in (kube-apiserver then tracks a declared spec as a struct).
const schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

export const gizmoDefinition = (over: Record<string, unknown> = {}) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `gizmos.${group}` },
  spec: {
    group,
    scope: 'Namespaced',
    names: { kind: 'Gizmo', plural: 'gizmos', shortNames: ['gz'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: schema },
        subresources: { status: {} },
        additionalPrinterColumns: [
          { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
          { name: 'Color', type: 'string', jsonPath: '.spec.color', priority: 1 },
        ],
      },
    ],
    ...over,
  },
});

const established = (response: RawResponse) =>
  ((response.json as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []).some(
    (condition) => condition.type === 'Established' && condition.status === 'True',
  );

const gizmo = (name: string, size: number) => ({
  apiVersion: `${group}/v1`,
  kind: 'Gizmo',
  metadata: { name },
  spec: { size },
});

export const crdCases: ConformanceCase[] = [
  {
    name: 'CRD: created, established, its custom resources written, printed, then the CRD deleted with them',
    steps: [
      () => ({ method: 'POST', path: `${crds}?fieldManager=installer`, body: gizmoDefinition() }),
      () => ({ method: 'GET', path: `${crds}/gizmos.${group}`, until: established }),
      () => ({ method: 'POST', path: gizmos, body: gizmo('g1', 1) }),
      () => ({ method: 'PATCH', path: `${gizmos}/g1`, headers: mergePatch, body: { spec: { color: 'red' } } }),
      () => ({
        method: 'PATCH',
        path: `${gizmos}/g1/status?fieldManager=controller`,
        headers: mergePatch,
        body: { status: { ready: true } },
      }),
      () => ({
        method: 'PATCH',
        path: `${gizmos}/g2?fieldManager=applier`,
        headers: applyPatch,
        body: gizmo('g2', 7),
      }),
      () => ({ method: 'GET', path: gizmos }),
      () => ({ method: 'GET', path: `${gizmos}/g1`, headers: table }),
      () => ({ method: 'DELETE', path: `${gizmos}/g2` }),
      () => ({ method: 'DELETE', path: `${crds}/gizmos.${group}` }),
      () => ({ method: 'GET', path: `${crds}/gizmos.${group}`, until: (response) => response.status === 404 }),
    ],
  },
  {
    name: 'CRD: kube-apiserver refuses a wrong name, a group without a dot, no storage version, a bad scope',
    steps: [
      () => ({
        method: 'POST',
        path: crds,
        body: { ...gizmoDefinition(), metadata: { name: `widgets.${group}` } },
      }),
      () => ({
        method: 'POST',
        path: crds,
        body: { ...gizmoDefinition({ group: 'nodot' }), metadata: { name: 'gizmos.nodot' } },
      }),
      () => ({
        method: 'POST',
        path: crds,
        body: gizmoDefinition({
          versions: [{ name: 'v1', served: true, storage: false, schema: { openAPIV3Schema: schema } }],
        }),
      }),
      () => ({ method: 'POST', path: crds, body: gizmoDefinition({ scope: 'Global' }) }),
      () => ({
        method: 'POST',
        path: crds,
        body: gizmoDefinition({ versions: [{ name: 'v1', served: true, storage: true }] }),
      }),
    ],
  },
];
