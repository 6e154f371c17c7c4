// events.k8s.io/v1 and core/v1 Events are one stored object: written through one version,
// read, listed, watched, patched and deleted through the other (same uid and
// resourceVersion, fields renamed). And what each version's validation refuses on create.
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, applyPatch, mergePatch } from '../conformance-case.ts';

type Json = Record<string, unknown>;
const core = '/api/v1/namespaces/default/events';
const eventsV1 = '/apis/events.k8s.io/v1/namespaces/default/events';
const rvOf = (response: { json: unknown } | undefined) =>
  ((response?.json as Json).metadata as Json).resourceVersion as string;

const coreEvent = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, labels: { cohabit: name } },
  involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web' },
  reason: 'Started',
  message: 'Started container main',
  source: { component: 'kubelet', host: 'node-a' },
  firstTimestamp: '2026-01-01T00:00:00Z',
  lastTimestamp: '2026-01-01T00:05:00Z',
  count: 3,
  type: 'Normal',
});

const newEvent = (name: string) => ({
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name, labels: { cohabit: name } },
  eventTime: '2026-01-01T00:00:00.000000Z',
  series: { count: 2, lastObservedTime: '2026-01-01T00:02:00.000000Z' },
  type: 'Warning',
  reason: 'BackOff',
  action: 'Pulling',
  reportingController: 'kubeconflict.dev/cohabit',
  reportingInstance: 'cohabit-1',
  regarding: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web' },
  related: { apiVersion: 'v1', kind: 'Node', name: 'node-a' },
  note: 'Back-off pulling image',
});

/** Written through `from`, then every verb through `to` and back. */
function crossing(name: string, body: Json, from: string, to: string): Step[] {
  const selector = `labelSelector=cohabit%3D${name}`;
  return [
    () => ({ method: 'POST', path: from, body }),
    () => ({ method: 'GET', path: `${to}/${name}` }),
    () => ({ method: 'GET', path: `${to}?${selector}` }),
    (r) => ({ method: 'GET', path: `${to}?watch=true&timeoutSeconds=1&${selector}&resourceVersion=${rvOf(r[0])}` }),
    () => ({
      method: 'PATCH',
      path: `${to}/${name}`,
      headers: mergePatch,
      body: { metadata: { labels: { patched: 'yes' } } },
    }),
    () => ({ method: 'GET', path: `${from}/${name}` }),
    () => ({ method: 'GET', path: `${to}/${name}`, headers: { accept: 'application/vnd.kubernetes.protobuf' } }),
    () => ({ method: 'DELETE', path: `${to}/${name}` }),
    () => ({ method: 'GET', path: `${from}/${name}` }),
  ];
}

const create = (path: string, body: Json): Step[] => [() => ({ method: 'POST', path, body })];

export const eventsApiCases: ConformanceCase[] = [
  {
    name: 'a core/v1 Event read, listed, watched, patched and deleted through events.k8s.io/v1',
    steps: crossing('cohabit-core', coreEvent('cohabit-core'), core, eventsV1),
  },
  {
    name: 'an events.k8s.io/v1 Event read, listed, watched, patched and deleted through core/v1',
    steps: crossing('cohabit-new', newEvent('cohabit-new'), eventsV1, core),
  },
  {
    name: 'events.k8s.io/v1 create without eventTime, type, reporting fields: 422 naming each',
    steps: create(eventsV1, { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'bare' } }),
  },
  {
    name: 'events.k8s.io/v1 create with an eventTime but nothing else, deprecated fields set and a short series: 422',
    steps: create(eventsV1, {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'half' },
      eventTime: '2026-01-01T00:00:00.000000Z',
      type: 'Sideways',
      series: { count: 1 },
      deprecatedCount: 2,
      deprecatedSource: { host: 'node-a' },
      deprecatedFirstTimestamp: '2026-01-01T00:00:00Z',
    }),
  },
  {
    name: 'core/v1 Event create with an eventTime and no reporting fields: 422 naming reportingComponent',
    steps: create(core, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'core-half', namespace: 'default' },
      eventTime: '2026-01-01T00:00:00.000000Z',
      involvedObject: { kind: 'Pod', namespace: 'other', name: 'web' },
    }),
  },
  {
    name: 'core/v1 Event create about an object of another namespace: 422',
    steps: create(core, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'elsewhere' },
      involvedObject: { kind: 'Pod', namespace: 'kube-system', name: 'web' },
    }),
  },
  {
    name: 'events.k8s.io/v1 update of an immutable field (note): 422',
    steps: [
      () => ({ method: 'POST', path: eventsV1, body: newEvent('immutable-note') }),
      () => ({
        method: 'PATCH',
        path: `${eventsV1}/immutable-note`,
        headers: mergePatch,
        body: { note: 'changed', action: 'Other' },
      }),
      () => ({
        method: 'PUT',
        path: `${core}/absent-event`,
        body: { ...coreEvent('absent-event'), metadata: { name: 'absent-event' } },
      }),
      () => ({ method: 'DELETE', path: `${eventsV1}/immutable-note` }),
      () => ({ method: 'DELETE', path: `${eventsV1}/absent-event` }),
    ],
  },
  {
    name: 'deletecollection through events.k8s.io/v1 of core/v1 Events, by label',
    steps: [
      () => ({ method: 'POST', path: core, body: coreEvent('swept-1') }),
      () => ({
        method: 'POST',
        path: core,
        body: { ...coreEvent('swept-2'), metadata: { name: 'swept-2', labels: { cohabit: 'swept-1' } } },
      }),
      () => ({ method: 'DELETE', path: `${eventsV1}?labelSelector=cohabit%3Dswept-1` }),
      () => ({ method: 'GET', path: `${core}?labelSelector=cohabit%3Dswept-1` }),
    ],
  },
  {
    name: 'managedFields across versions: a no-op patch through the other drops them, an apply there conflicts with none',
    steps: [
      () => ({ method: 'POST', path: core, body: coreEvent('fields-noop') }),
      () => ({ method: 'PATCH', path: `${eventsV1}/fields-noop`, headers: mergePatch, body: {} }),
      () => ({ method: 'POST', path: core, body: coreEvent('fields-apply') }),
      () => ({
        method: 'PATCH',
        path: `${eventsV1}/fields-apply?fieldManager=applier`,
        headers: applyPatch,
        body: {
          apiVersion: 'events.k8s.io/v1',
          kind: 'Event',
          metadata: { name: 'fields-apply', labels: { cohabit: 'applied' } },
        },
      }),
      () => ({
        method: 'PATCH',
        path: `${core}/fields-apply?fieldManager=core-applier`,
        headers: applyPatch,
        body: { apiVersion: 'v1', kind: 'Event', metadata: { name: 'fields-apply', annotations: { by: 'core' } } },
      }),
      () => ({ method: 'DELETE', path: `${core}/fields-noop` }),
      () => ({ method: 'DELETE', path: `${core}/fields-apply` }),
    ],
  },
  {
    name: 'Event field selectors: core/v1 names (involvedObject.*, source, reportingComponent), events.k8s.io/v1 names (regarding.*, reportingController, no source)',
    steps: [
      () => ({
        method: 'POST',
        path: core,
        body: { ...coreEvent('selected-core'), metadata: { name: 'selected-core', labels: { cohabit: 'selected' } } },
      }),
      () => ({
        method: 'POST',
        path: eventsV1,
        body: { ...newEvent('selected-new'), metadata: { name: 'selected-new', labels: { cohabit: 'selected' } } },
      }),
      () => ({
        method: 'GET',
        path: `${core}?labelSelector=cohabit%3Dselected&fieldSelector=involvedObject.name%3Dweb,type%3DNormal`,
      }),
      () => ({ method: 'GET', path: `${core}?labelSelector=cohabit%3Dselected&fieldSelector=source%3Dkubelet` }),
      () => ({
        method: 'GET',
        path: `${core}?labelSelector=cohabit%3Dselected&fieldSelector=source%3Dkubeconflict.dev%2Fcohabit`,
      }),
      () => ({
        method: 'GET',
        path: `${core}?labelSelector=cohabit%3Dselected&fieldSelector=reportingComponent%21%3D`,
      }),
      () => ({
        method: 'GET',
        path: `${eventsV1}?labelSelector=cohabit%3Dselected&fieldSelector=regarding.name%3Dweb,reportingController%3Dkubeconflict.dev%2Fcohabit`,
      }),
      () => ({
        method: 'GET',
        path: `${eventsV1}?labelSelector=cohabit%3Dselected&fieldSelector=type%3DNormal,regarding.kind%3DPod`,
      }),
      () => ({ method: 'GET', path: `${eventsV1}?fieldSelector=source%3Dkubelet` }),
      () => ({ method: 'GET', path: `${core}?fieldSelector=spec.x%3D1` }),
      () => ({ method: 'DELETE', path: `${core}/selected-core` }),
      () => ({ method: 'DELETE', path: `${core}/selected-new` }),
    ],
  },
];
