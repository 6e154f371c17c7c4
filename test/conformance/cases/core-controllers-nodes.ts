// ReplicationControllers and Nodes beyond their rounds: SetDefaults_ReplicationController
// (selector and labels from the template), the Scale of a plain label-map selector and
// writes through it, the core/v1 default of orphaning on delete; a Node's create (status
// kept, allocatable defaulted, the not-ready taint), its printer's statuses and roles, and
// field selectors and deletecollection of both.
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, applyPatch, mergePatch } from '../conformance-case.ts';

type Json = Record<string, unknown>;
const controllers = '/api/v1/namespaces/default/replicationcontrollers';
const nodes = '/api/v1/nodes';
const table = { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' };

const controller = (name: string, spec: Json, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name, ...(labels && { labels }) },
  spec,
});
const template = (labels: Record<string, string>) => ({
  metadata: { labels },
  spec: {
    containers: [
      { name: 'main', image: 'busybox' },
      { name: 'side', image: 'nginx:1.27' },
    ],
  },
});
const scale = (name: string, replicas: number) => ({
  apiVersion: 'autoscaling/v1',
  kind: 'Scale',
  metadata: { name },
  spec: { replicas },
});
const node = (name: string, labels: Record<string, string>, rest: Json = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { case: 'nodes', ...labels } },
  ...rest,
});
const post =
  (path: string, body: Json): Step =>
  () => ({ method: 'POST', path, body });
const get =
  (path: string, headers?: Record<string, string>): Step =>
  () => ({ method: 'GET', path, ...(headers && { headers }) });

export const controllerAndNodeCases: ConformanceCase[] = [
  {
    name: 'replicationcontroller: selector and labels default to the template labels, one replica; /scale PUT, apply conflict and force; status counts validated; DELETE orphans by default',
    steps: [
      post(controllers, controller('rc-defaults', { template: template({ app: 'rc-defaults', tier: 'web' }) })),
      get(`${controllers}/rc-defaults/scale`),
      () => ({
        method: 'PUT',
        path: `${controllers}/rc-defaults/scale?fieldManager=scaler`,
        body: scale('rc-defaults', 4),
      }),
      get(`${controllers}/rc-defaults`),
      () => ({
        method: 'PATCH',
        path: `${controllers}/rc-defaults/scale?fieldManager=applier`,
        headers: applyPatch,
        body: scale('rc-defaults', 2),
      }),
      () => ({
        method: 'PATCH',
        path: `${controllers}/rc-defaults/scale?fieldManager=applier&force=true`,
        headers: applyPatch,
        body: scale('rc-defaults', 2),
      }),
      get(`${controllers}/rc-defaults`),
      () => ({
        method: 'PATCH',
        path: `${controllers}/rc-defaults/scale`,
        headers: mergePatch,
        body: { spec: { replicas: -1 } },
      }),
      () => ({
        method: 'PATCH',
        path: `${controllers}/rc-defaults/status`,
        headers: mergePatch,
        body: { status: { replicas: 1, fullyLabeledReplicas: -1, readyReplicas: 2, availableReplicas: 3 } },
      }),
      () => ({
        method: 'PATCH',
        path: `${controllers}/rc-defaults/status`,
        headers: mergePatch,
        body: { status: { replicas: -2, observedGeneration: -1 } },
      }),
      // core/v1 orphans by default: the `orphan` finalizer holds the controller until removed.
      () => ({ method: 'DELETE', path: `${controllers}/rc-defaults` }),
      () => ({
        method: 'PATCH',
        path: `${controllers}/rc-defaults`,
        headers: mergePatch,
        body: { metadata: { finalizers: null } },
      }),
      get(`${controllers}/rc-defaults`),
    ],
  },
  {
    name: 'replicationcontroller: its own selector and labels kept, zero replicas, the Table, field selectors on status.replicas, deletecollection',
    steps: [
      post(
        controllers,
        controller(
          'rc-explicit',
          { replicas: 0, selector: { b: '2', a: '1' }, template: template({ a: '1', b: '2', c: '3' }) },
          { case: 'rc' },
        ),
      ),
      post(controllers, controller('rc-plain', { template: template({ case: 'rc' }) })),
      get(`${controllers}/rc-explicit/scale`),
      get(`${controllers}?labelSelector=case%3Drc`, table),
      () => ({
        method: 'PATCH',
        path: `${controllers}/rc-plain/status`,
        headers: mergePatch,
        body: { status: { replicas: 1 } },
      }),
      get(`${controllers}?labelSelector=case%3Drc&fieldSelector=status.replicas%3D1`),
      get(`${controllers}?labelSelector=case%3Drc&fieldSelector=status.replicas!%3D1,metadata.namespace%3Ddefault`),
      get(`${controllers}?fieldSelector=spec.replicas%3D1`),
      () => ({
        method: 'DELETE',
        path: `${controllers}?labelSelector=case%3Drc&fieldSelector=status.replicas%3D0&propagationPolicy=Background`,
      }),
      get(`${controllers}?labelSelector=case%3Drc`),
      () => ({ method: 'DELETE', path: `${controllers}?labelSelector=case%3Drc&propagationPolicy=Background` }),
      get(`${controllers}?labelSelector=case%3Drc`),
    ],
  },
  {
    name: 'replicationcontroller: what kube-apiserver refuses of its spec (selector, template, replicas, restart policy)',
    steps: [
      post(controllers, controller('rc-bad-match', { selector: { app: 'other' }, template: template({ app: 'x' }) })),
      post(controllers, controller('rc-no-template', {})),
      post(
        controllers,
        controller('rc-negative', { replicas: -1, minReadySeconds: -5, template: template({ app: 'x' }) }),
      ),
      post(
        controllers,
        controller('rc-restart', {
          template: { metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'OnFailure', containers: [] } },
        }),
      ),
      post(
        controllers,
        controller('rc-deadline', {
          template: {
            metadata: { labels: { app: 'x' } },
            spec: { activeDeadlineSeconds: 30, containers: [{ name: 'c', image: 'busybox' }] },
          },
        }),
      ),
      post(controllers, controller('rc-ok', { template: template({ app: 'ok' }) })),
      (r) => {
        const body = structuredClone(r[5]?.json) as Json;
        (body.spec as Json).selector = { app: 'changed' };
        return { method: 'PUT', path: `${controllers}/rc-ok`, body };
      },
      () => ({ method: 'DELETE', path: `${controllers}/rc-ok?propagationPolicy=Background` }),
    ],
  },
  {
    name: 'node: a create keeps its status, defaults allocatable, adds the not-ready taint; the Table; a PUT keeps status; field selectors on spec.unschedulable in lists, watches and deletecollection',
    steps: [
      post(nodes, node('node-a', { 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/control-plane': '' })),
      post(
        nodes,
        node(
          'node-b',
          { 'node-role.kubernetes.io/gpu': 'any-value', 'kubernetes.io/role': '' },
          {
            spec: { taints: [{ key: 'node.kubernetes.io/not-ready', value: 'x', effect: 'NoSchedule' }] },
            status: {
              capacity: { cpu: '2', memory: '4Gi' },
              conditions: [
                { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'not yet' },
                { type: 'MemoryPressure', status: 'False' },
              ],
              addresses: [
                { type: 'ExternalIP', address: '203.0.113.7' },
                { type: 'InternalIP', address: '10.0.0.8' },
              ],
              nodeInfo: { kubeletVersion: 'v1.36.3', architecture: 'arm64' },
            },
          },
        ),
      ),
      post(
        nodes,
        node(
          'node-c',
          {},
          { status: { capacity: { cpu: '1' }, allocatable: { cpu: '900m' }, config: { error: 'x' } } },
        ),
      ),
      (r) => {
        const body = structuredClone(r[0]?.json) as Json;
        (body.status as Json).capacity = { cpu: '64' };
        (body.spec as Json).unschedulable = true;
        return { method: 'PUT', path: `${nodes}/node-a`, body };
      },
      get(`${nodes}?labelSelector=case%3Dnodes`, table),
      get(`${nodes}?labelSelector=case%3Dnodes&fieldSelector=spec.unschedulable%3Dtrue`),
      (r) => {
        const from = ((r[0]?.json as Json).metadata as Json).resourceVersion as string;
        const query = `labelSelector=case%3Dnodes&fieldSelector=spec.unschedulable%3Dtrue&resourceVersion=${from}`;
        return { method: 'GET', path: `${nodes}?watch=true&timeoutSeconds=1&${query}` };
      },
      get(`${nodes}?fieldSelector=metadata.namespace%3Ddefault`),
      () => ({
        method: 'DELETE',
        path: `${nodes}?labelSelector=case%3Dnodes&fieldSelector=spec.unschedulable%3Dfalse`,
      }),
      get(`${nodes}?labelSelector=case%3Dnodes`),
      () => ({ method: 'DELETE', path: `${nodes}?labelSelector=case%3Dnodes` }),
      get(`${nodes}?labelSelector=case%3Dnodes`),
    ],
  },
  {
    name: 'node: what kube-apiserver refuses of taints, of a changed pod CIDR, provider ID or externalID, of addresses listed twice',
    steps: [
      post(
        nodes,
        node(
          'node-bad-taints',
          {},
          {
            spec: {
              taints: [
                { key: 'bad key', value: 'bad value!', effect: 'NoSchedule' },
                { key: 'a', effect: '' },
                { key: 'b', effect: 'Sometimes' },
                { key: 'a', value: 'x', effect: 'NoExecute' },
                { key: 'a', value: 'y', effect: 'NoExecute' },
              ],
            },
          },
        ),
      ),
      post(
        nodes,
        node(
          'node-fixed',
          {},
          {
            spec: { podCIDRs: ['10.244.3.0/24'], providerID: 'cloud://one', externalID: 'ext-1' },
          },
        ),
      ),
      (r) => {
        const body = structuredClone(r[1]?.json) as Json;
        const spec = body.spec as Json;
        Object.assign(spec, {
          podCIDR: '10.244.4.0/24',
          podCIDRs: ['10.244.4.0/24'],
          providerID: 'cloud://two',
          externalID: 'ext-2',
        });
        spec.taints = [...(spec.taints as Json[]), { key: 'k', effect: 'Never' }];
        return { method: 'PUT', path: `${nodes}/node-fixed`, body };
      },
      () => ({
        method: 'PATCH',
        path: `${nodes}/node-fixed/status`,
        headers: mergePatch,
        body: {
          status: {
            addresses: [
              { type: 'InternalIP', address: '10.0.0.9' },
              { type: 'InternalIP', address: '10.0.0.9' },
            ],
          },
        },
      }),
      () => ({ method: 'DELETE', path: `${nodes}/node-fixed` }),
    ],
  },
];
