// CustomResourceDefinitions through the API: created, established (the real server's
// controllers take their time: the GET is repeated until Established), its custom
// resources written every way, printed with its columns, then the CRD deleted and gone.
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, applyPatch, mergePatch } from '../conformance-case.ts';
import { aggregatedAccept, selectServed } from './discovery.ts';

const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const group = 'crd.kubeconflict.dev';
const gizmos = `/apis/${group}/v1/namespaces/default/gizmos`;
const table = { accept: 'application/json;as=Table;g=meta.k8s.io;v=v1' };

// Open at the root: these cases are about the CRD's life, not its schema (crd-schema.ts
// declares one). Keys out of Go's order: the answers write them in JSONSchemaProps' order.
const schema = { 'x-kubernetes-preserve-unknown-fields': true, title: 'Open', type: 'object' };

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

/**
 * A missing object of a served resource is a NotFound Status; of one not served yet, the
 * catch-all's plain 404. (Not a list: its resourceVersion is whatever the server wrote last.)
 */
const servedNotFound = (response: RawResponse) => response.status === 404 && response.json !== undefined;

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
      () => ({ method: 'GET', path: `${crds}/gizmos.${group}`, headers: table }),
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
  {
    name: 'CRD: its group and resource in legacy and aggregated discovery, short names, categories, status',
    select: selectServed,
    steps: [
      () => ({ method: 'POST', path: crds, body: partDefinition }),
      () => ({ method: 'GET', path: `${crds}/parts.discovery.kubeconflict.dev`, until: established }),
      () => ({ method: 'GET', path: '/apis/discovery.kubeconflict.dev/v1', until: (r) => r.status === 200 }),
      () => ({ method: 'GET', path: '/apis/discovery.kubeconflict.dev' }),
      () => ({
        method: 'GET',
        path: '/apis',
        headers: { accept: aggregatedAccept },
        until: (r) => r.text.includes('"discovery.kubeconflict.dev"'),
      }),
    ],
  },
  {
    name: 'CRD: a kind another CRD of the group holds is not accepted (KindConflict), so never established',
    steps: [
      () => ({ method: 'POST', path: crds, body: namesDefinition('bolts', 'Bolt') }),
      () => ({ method: 'GET', path: `${crds}/bolts.${namesGroup}`, until: established }),
      () => ({ method: 'POST', path: crds, body: namesDefinition('screws', 'Bolt') }),
      () => ({ method: 'GET', path: `${crds}/screws.${namesGroup}`, until: namesDecided }),
      () => ({ method: 'GET', path: `/apis/${namesGroup}/v1/screws` }),
      () => ({ method: 'DELETE', path: `${crds}/screws.${namesGroup}` }),
      () => ({ method: 'GET', path: `${crds}/screws.${namesGroup}`, until: (response) => response.status === 404 }),
      () => ({ method: 'DELETE', path: `${crds}/bolts.${namesGroup}` }),
      () => ({ method: 'GET', path: `${crds}/bolts.${namesGroup}`, until: (response) => response.status === 404 }),
    ],
  },
  {
    name: 'CRD: a spec change raises generation; the new short name is accepted; group, plural, scope, kind are immutable',
    steps: [
      () => ({ method: 'POST', path: crds, body: namesDefinition('rivets', 'Rivet') }),
      () => ({ method: 'GET', path: `${crds}/rivets.${namesGroup}`, until: established }),
      () => ({
        method: 'PATCH',
        path: `${crds}/rivets.${namesGroup}?fieldManager=editor`,
        headers: mergePatch,
        body: { spec: { names: { shortNames: ['bt'] } } },
      }),
      () => ({
        method: 'GET',
        path: `${crds}/rivets.${namesGroup}`,
        until: (response) =>
          (response.json as { status?: { acceptedNames?: { shortNames?: string[] } } }).status?.acceptedNames
            ?.shortNames?.[0] === 'bt',
      }),
      () => ({ method: 'PUT', path: `${crds}/rivets.${namesGroup}`, body: namesDefinition('rivets', 'Rivet') }),
      () => ({
        method: 'PATCH',
        path: `${crds}/rivets.${namesGroup}`,
        headers: mergePatch,
        body: {
          spec: { scope: 'Cluster', group: 'other.kubeconflict.dev', names: { plural: 'rivetz', kind: 'Rivetz' } },
        },
      }),
      () => ({ method: 'DELETE', path: `${crds}/rivets.${namesGroup}` }),
      () => ({ method: 'GET', path: `${crds}/rivets.${namesGroup}`, until: (response) => response.status === 404 }),
    ],
  },
  {
    name: 'CRD: two served versions share one store; each answers in its own apiVersion; a cluster-scoped kind',
    select: selectServed,
    steps: [
      () => ({ method: 'POST', path: crds, body: versionedDefinition }),
      () => ({ method: 'GET', path: `${crds}/dials.${versionedGroup}`, until: established }),
      // Discovery, not a list: a list's resourceVersion is the real server's latest, whatever wrote it.
      () => ({ method: 'GET', path: `/apis/${versionedGroup}/v2`, until: (response) => response.status === 200 }),
      () => ({ method: 'POST', path: `/apis/${versionedGroup}/v1/dials`, body: dial('v1', 'd1') }),
      () => ({ method: 'GET', path: `/apis/${versionedGroup}/v2/dials/d1` }),
      () => ({ method: 'POST', path: `/apis/${versionedGroup}/v2/dials`, body: dial('v2', 'd2') }),
      () => ({ method: 'GET', path: `/apis/${versionedGroup}/v1/dials` }),
      () => ({ method: 'GET', path: `/apis/${versionedGroup}` }),
      () => ({ method: 'GET', path: `/apis/${versionedGroup}/v2` }),
      () => ({ method: 'DELETE', path: `${crds}/dials.${versionedGroup}` }),
      () => ({ method: 'GET', path: `${crds}/dials.${versionedGroup}`, until: (response) => response.status === 404 }),
    ],
  },
  {
    name: 'CRD: /scale at the paths the CRD declares: read, written (ownership moved), refused, missing replicas',
    steps: [
      () => ({ method: 'POST', path: crds, body: pumpDefinition }),
      () => ({ method: 'GET', path: `${pumps}/none`, until: servedNotFound }),
      () => ({ method: 'POST', path: pumps, body: pump('a', { replicas: 2 }) }),
      () => ({ method: 'GET', path: `${pumps}/a/scale` }),
      () => ({
        method: 'PATCH',
        path: `${pumps}/a/status`,
        headers: mergePatch,
        body: { status: { replicas: 1, selector: 'app=x' } },
      }),
      () => ({
        method: 'PATCH',
        path: `${pumps}/a/scale?fieldManager=scaler`,
        headers: mergePatch,
        body: { spec: { replicas: 5 } },
      }),
      () => ({ method: 'GET', path: `${pumps}/a` }),
      () => ({ method: 'PATCH', path: `${pumps}/a/scale`, headers: mergePatch, body: { spec: { replicas: -1 } } }),
      () => ({ method: 'POST', path: pumps, body: pump('b', {}) }),
      () => ({ method: 'GET', path: `${pumps}/b/scale` }),
      () => ({ method: 'DELETE', path: `${crds}/pumps.${scaleGroup}` }),
      () => ({ method: 'GET', path: `${crds}/pumps.${scaleGroup}`, until: (response) => response.status === 404 }),
    ],
  },
  {
    name: 'CRD: server-side apply creates one and changes it; the applier owns spec, the controllers status',
    steps: [
      () => ({
        method: 'PATCH',
        path: `${crds}/washers.${namesGroup}?fieldManager=applier`,
        headers: applyPatch,
        body: namesDefinition('washers', 'Washer'),
      }),
      () => ({ method: 'GET', path: `${crds}/washers.${namesGroup}`, until: established }),
      () => ({
        method: 'PATCH',
        path: `${crds}/washers.${namesGroup}?fieldManager=applier`,
        headers: applyPatch,
        body: namesDefinition('washers', 'Washer', ['ws']),
      }),
      () => ({
        method: 'GET',
        path: `${crds}/washers.${namesGroup}`,
        until: (response) =>
          (response.json as { status?: { acceptedNames?: { shortNames?: string[] } } }).status?.acceptedNames
            ?.shortNames?.[0] === 'ws',
      }),
      () => ({
        method: 'GET',
        path: `/apis/${namesGroup}/v1/namespaces/default/washers/none`,
        until: servedNotFound,
      }),
      () => ({ method: 'DELETE', path: `${crds}/washers.${namesGroup}` }),
      () => ({ method: 'GET', path: `${crds}/washers.${namesGroup}`, until: (response) => response.status === 404 }),
    ],
  },
  {
    // Kept afterwards: kube-apiserver's cleanup of a deleted CRD races with its storage
    // (at times a transient InstanceDeletionFailed), so its events are not compared.
    name: 'CRD: a watch sees it created, named by the naming controller, established',
    steps: [
      () => ({
        method: 'GET',
        path: `${crds}?watch=true&timeoutSeconds=2&fieldSelector=metadata.name%3Dcogs.${namesGroup}`,
        background: true,
      }),
      () => ({ method: 'POST', path: crds, body: namesDefinition('cogs', 'Cog') }),
      () => ({ method: 'GET', path: `${crds}/cogs.${namesGroup}`, until: established }),
    ],
  },
];

const scaleGroup = 'scale.kubeconflict.dev';
const pumps = `/apis/${scaleGroup}/v1/namespaces/default/pumps`;
const pumpDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `pumps.${scaleGroup}` },
  spec: {
    group: scaleGroup,
    scope: 'Namespaced',
    names: { kind: 'Pump', plural: 'pumps' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: schema },
        subresources: {
          status: {},
          scale: {
            specReplicasPath: '.spec.replicas',
            statusReplicasPath: '.status.replicas',
            labelSelectorPath: '.status.selector',
          },
        },
      },
    ],
  },
};
const pump = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: `${scaleGroup}/v1`,
  kind: 'Pump',
  metadata: { name },
  spec,
});

const versionedGroup = 'versions.kubeconflict.dev';
const versionedDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `dials.${versionedGroup}` },
  spec: {
    group: versionedGroup,
    scope: 'Cluster',
    names: { kind: 'Dial', plural: 'dials' },
    versions: [
      { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } },
      { name: 'v2', served: true, storage: false, schema: { openAPIV3Schema: schema } },
    ],
  },
};
const dial = (version: string, name: string) => ({
  apiVersion: `${versionedGroup}/${version}`,
  kind: 'Dial',
  metadata: { name },
  spec: { position: 3 },
});

const namesGroup = 'names.kubeconflict.dev';
const namesDefinition = (plural: string, kind: string, shortNames?: string[]) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${plural}.${namesGroup}` },
  spec: {
    group: namesGroup,
    scope: 'Namespaced',
    names: { kind, plural, ...(shortNames && { shortNames }) },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
  },
});

/** The naming controller has written NamesAccepted, True or False. */
const namesDecided = (response: RawResponse) =>
  ((response.json as { status?: { conditions?: { type: string }[] } }).status?.conditions ?? []).some(
    (condition) => condition.type === 'NamesAccepted',
  );

/** Kept after the suite: a cluster-scoped CRD whose discovery is compared. */
const partDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'parts.discovery.kubeconflict.dev' },
  spec: {
    group: 'discovery.kubeconflict.dev',
    scope: 'Cluster',
    names: { kind: 'Part', plural: 'parts', singular: 'part', shortNames: ['pt'], categories: ['kit'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: schema },
        subresources: { status: {} },
      },
    ],
  },
};
