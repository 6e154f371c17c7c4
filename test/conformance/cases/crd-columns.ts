// A CRD's printer columns as kubebuilder markers write them: conditions picked by a
// filter, escaped label keys, slices, unions, recursion, maps and numbers in a string
// column, a missing value; then a path client-go cannot parse, which ends the columns.
import type { RawResponse } from '../../support/raw-http.ts';
import type { ConformanceCase } from '../conformance-case.ts';

const group = 'columns.kubeconflict.dev';
const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const probes = `/apis/${group}/v1/namespaces/default/probes`;
const table = { accept: 'application/json;as=Table;g=meta.k8s.io;v=v1' };

const columns: [name: string, type: string, jsonPath: string][] = [
  ['Ready', 'string', '.status.conditions[?(@.type=="Ready")].status'],
  ['Reason', 'string', ".status.conditions[?(@.type=='Ready')].reason"],
  ['Generation', 'integer', '.status.conditions[?(@.observedGeneration>=2)].observedGeneration'],
  ['App', 'string', '.metadata.labels.app\\.kubernetes\\.io/name'],
  ['Last', 'string', '.spec.tags[-1]'],
  ['Middle', 'string', '.spec.tags[1:2]'],
  ['Ports', 'string', '.spec.ports[*].port'],
  ['Second', 'integer', '.spec.ports[1,0].port'],
  ['Names', 'string', '.spec..name'],
  ['Nested', 'string', '.spec.nested'],
  ['Ratio', 'string', '.spec.ratio'],
  ['Million', 'string', '.spec.million'],
  ['Weight', 'number', '.spec.ports[?(@.weight)].weight'],
  ['Paused', 'boolean', '.spec.paused'],
  ['Empty', 'string', '.spec.empty'],
  ['Missing', 'string', '.spec.missing'],
  ['Incomparable', 'string', '.spec.ports[?(@.port=="80")].name'],
  ['Since', 'date', '.status.conditions[0].lastTransitionTime'],
  ['Broken', 'string', '.spec.tags[0'],
  ['After', 'string', '.spec.tags[0]'],
];

const definition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `probes.${group}` },
  spec: {
    group,
    scope: 'Namespaced',
    names: { kind: 'Probe', plural: 'probes' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        additionalPrinterColumns: columns.map(([name, type, jsonPath]) => ({ name, type, jsonPath })),
      },
    ],
  },
};

const probe = (name: string, spec: object, status: object) => ({
  apiVersion: `${group}/v1`,
  kind: 'Probe',
  metadata: { name, labels: { 'app.kubernetes.io/name': `app-${name}` } },
  spec,
  status,
});

const full = probe(
  'full',
  {
    tags: ['red', 'green', 'blue'],
    ports: [
      { name: 'http', port: 80, weight: 1.5 },
      { name: 'https', port: 443 },
    ],
    nested: { b: 2, a: ['x', { c: true }], html: '<a&b>' },
    ratio: 0.25,
    million: 1500000.5,
    paused: true,
    empty: null,
  },
  {
    conditions: [
      { type: 'Available', status: 'False', lastTransitionTime: '2026-01-02T03:04:05Z', observedGeneration: 1 },
      { type: 'Ready', status: 'True', reason: 'AllGood', observedGeneration: 3 },
    ],
  },
);

const sparse = probe('sparse', { tags: ['only'], ports: [{ port: 8080 }] }, { conditions: [{ type: 'Ready' }] });

const established = (response: RawResponse) =>
  ((response.json as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []).some(
    (condition) => condition.type === 'Established' && condition.status === 'True',
  );

export const crdColumnCases: ConformanceCase[] = [
  {
    name: 'CRD: printer columns by client-go JSONPath (filters, slices, unions, recursion, printing); a bad path ends them',
    steps: [
      () => ({ method: 'POST', path: crds, body: definition }),
      () => ({ method: 'GET', path: `${crds}/probes.${group}`, until: established }),
      () => ({ method: 'GET', path: `${probes}/none`, until: (r) => r.status === 404 && r.json !== undefined }),
      () => ({ method: 'POST', path: probes, body: full }),
      () => ({ method: 'POST', path: probes, body: sparse }),
      () => ({ method: 'GET', path: probes, headers: table }),
      () => ({ method: 'GET', path: `${probes}/full`, headers: table }),
      () => ({ method: 'DELETE', path: `${crds}/probes.${group}` }),
      () => ({ method: 'GET', path: `${crds}/probes.${group}`, until: (response) => response.status === 404 }),
    ],
  },
];
