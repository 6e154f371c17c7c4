// Field selectors by the fields each kind offers (its conversion's labels, aliases
// included, and its strategy's values), each kind's wording for a field it does not
// offer, and a CRD's selectableFields: validated at creation, then selecting its objects.
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, paths } from '../conformance-case.ts';

const scoped = 'labelSelector=case%3Dfield-selectors';
const labels = { case: 'field-selectors' };
const select = (path: string, fieldSelector: string) => () => ({
  method: 'GET' as const,
  path: `${path}?${scoped}&fieldSelector=${encodeURIComponent(fieldSelector)}`,
});

const pod = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec },
});

const services = '/api/v1/namespaces/default/services';
const events = '/api/v1/namespaces/default/events';
const jobs = '/apis/batch/v1/namespaces/default/jobs';

export const fieldSelectorCases: ConformanceCase[] = [
  {
    name: 'Field selectors: Pods by node (and its spec.host alias), phase, hostNetwork; Secrets by type; Services by type',
    steps: [
      () => ({ method: 'POST', path: paths.pods, body: pod('fs-on-node', { nodeName: 'node-a' }) }),
      () => ({ method: 'POST', path: paths.pods, body: pod('fs-host', { hostNetwork: true }) }),
      select(paths.pods, 'spec.nodeName=node-a'),
      select(paths.pods, 'spec.host=node-a'),
      select(paths.pods, 'status.phase=Pending,spec.nodeName!=node-a'),
      select(paths.pods, 'spec.hostNetwork=true'),
      select(paths.pods, 'spec.restartPolicy=Always,spec.schedulerName=default-scheduler,status.podIP='),
      select(paths.pods, 'spec.containers=x'),
      () => ({
        method: 'POST',
        path: paths.secrets,
        body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'fs-typed', labels }, type: 'example.dev/kind' },
      }),
      select(paths.secrets, 'type=example.dev/kind'),
      select(paths.secrets, 'type=Opaque'),
      () => ({
        method: 'POST',
        path: services,
        body: {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'fs-external', labels },
          spec: { type: 'ExternalName', externalName: 'example.com' },
        },
      }),
      select(services, 'spec.type=ExternalName'),
      select(services, 'spec.clusterIP=10.0.0.99'),
      select(services, 'spec.ports=80'),
      () => ({ method: 'DELETE', path: `${services}/fs-external` }),
      () => ({ method: 'DELETE', path: `${paths.secrets}/fs-typed` }),
    ],
  },
  {
    name: 'Field selectors: Events by involved object and source; Jobs and Namespaces word a field they lack their own way',
    steps: [
      () => ({
        method: 'POST',
        path: events,
        body: {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { name: 'fs-event', labels },
          involvedObject: { kind: 'Pod', name: 'fs-on-node', namespace: 'default' },
          reason: 'Started',
          type: 'Normal',
          source: { component: 'kubelet' },
        },
      }),
      select(events, 'involvedObject.kind=Pod,involvedObject.name=fs-on-node,source=kubelet'),
      select(events, 'reason=Started,type=Normal,involvedObject.namespace=default'),
      select(events, 'reportingComponent=kubelet'),
      select(events, 'message=x'),
      select(jobs, 'status.successful=0'),
      select(jobs, 'spec.parallelism=1'),
      select(paths.namespaces, 'status.phase=Terminating'),
      select(paths.namespaces, 'metadata.namespace=default'),
      select('/apis/apps/v1/namespaces/default/deployments', 'spec.replicas=1'),
      () => ({ method: 'DELETE', path: `${events}/fs-event` }),
    ],
  },
  ...selectableFieldCases(),
];

function selectableFieldCases(): ConformanceCase[] {
  const group = 'select.kubeconflict.dev';
  const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
  const lamps = `/apis/${group}/v1/namespaces/default/lamps`;
  const properties = {
    color: { type: 'string' },
    watts: { type: 'integer' },
    on: { type: 'boolean' },
    ratio: { type: 'number' },
    tags: { type: 'array', items: { type: 'string' } },
    extra: { type: 'object', additionalProperties: { type: 'string' } },
  };
  const metadata = { type: 'object', properties: { name: { type: 'string' } } };
  const schema = { type: 'object', properties: { metadata, spec: { type: 'object', properties } } };
  const definition = (name: string, selectableFields: object[], versions = 1) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${name}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind: name === 'lamps' ? 'Lamp' : 'Bad', plural: name },
      versions: ['v1', 'v2'].slice(0, versions).map((version, i) => ({
        name: version,
        served: true,
        storage: i === 0,
        schema: { openAPIV3Schema: schema },
        selectableFields: i === 0 ? selectableFields : [{ jsonPath: '.spec.color' }],
      })),
    },
  });
  const lamp = (name: string, spec: object) => ({
    apiVersion: `${group}/v1`,
    kind: 'Lamp',
    metadata: { name, labels },
    spec,
  });
  const established = (response: RawResponse) =>
    ((response.json as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? []).some(
      (condition) => condition.type === 'Established' && condition.status === 'True',
    );
  const bad = [
    '.spec.nope',
    '.metadata.name',
    '.spec.tags',
    '.spec.tags[0]',
    'spec.color',
    '.spec.extra.key',
    '.spec.ratio',
    '.spec.color',
    '.spec.color',
    '.spec.watts',
    '.spec.on',
    '',
  ].map((jsonPath) => ({ jsonPath }));
  return [
    {
      name: 'CRD selectableFields: refused paths (unknown, metadata, wrong type, array notation, duplicate, too many)',
      steps: [
        () => ({ method: 'POST', path: crds, body: definition('bads', bad) }),
        () => ({ method: 'POST', path: crds, body: definition('bads', [{ jsonPath: '.spec.watts' }], 2) }),
      ],
    },
    {
      name: 'CRD selectableFields: custom resources selected by string, integer and boolean fields; others refused',
      steps: [
        () => ({
          method: 'POST',
          path: crds,
          body: definition('lamps', [
            { jsonPath: '.spec.color' },
            { jsonPath: '.spec.watts' },
            { jsonPath: '.spec.on' },
          ]),
        }),
        () => ({ method: 'GET', path: `${crds}/lamps.${group}`, until: established }),
        () => ({ method: 'GET', path: `${lamps}/none`, until: (r) => r.status === 404 && r.json !== undefined }),
        () => ({ method: 'POST', path: lamps, body: lamp('red', { color: 'red', watts: 60, on: true }) }),
        () => ({ method: 'POST', path: lamps, body: lamp('blue', { color: 'blue', watts: 40, on: false }) }),
        () => ({ method: 'POST', path: lamps, body: lamp('plain', {}) }),
        select(lamps, 'spec.color=red'),
        select(lamps, 'spec.watts=40'),
        select(lamps, 'spec.on=false'),
        select(lamps, 'spec.color!=red,spec.color!=blue'),
        select(lamps, 'spec.ratio=1'),
        select(lamps, 'metadata.namespace=default,spec.color=blue'),
        () => ({ method: 'DELETE', path: `${crds}/lamps.${group}` }),
        () => ({ method: 'GET', path: `${crds}/lamps.${group}`, until: (response) => response.status === 404 }),
      ],
    },
  ];
}
