// The `/status` subresource of Deployments, Pods and Namespaces: what a status write
// keeps of the request (each kind's status strategy), what a main-resource write
// ignores, generation, preconditions, field ownership recorded with `subresource: status`.
import { demoDeployment } from '../../support/demo-deployment.ts';
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, applyPatch, jsonPatch, mergePatch, paths, strategicPatch } from '../conformance-case.ts';

interface Json {
  metadata: Record<string, unknown> & { resourceVersion: string };
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
}
const body = (response: RawResponse | undefined) => structuredClone(response?.json) as Json;

const createDeployment = (name: string) => () => ({
  method: 'POST' as const,
  path: `${paths.deployments}?fieldManager=creator`,
  body: demoDeployment(name, 'biz-version', 101),
});
const deploymentStatus = (name: string, query = '') => `${paths.deployments}/${name}/status${query}`;

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'demo' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
});

export const statusSubresourceCases: ConformanceCase[] = [
  {
    name: 'deployment /status: GET answers the whole Deployment',
    steps: [createDeployment('st-get'), () => ({ method: 'GET', path: deploymentStatus('st-get') })],
  },
  {
    name: 'deployment /status: a merge patch ignores spec and labels, keeps annotations and finalizers, not generation',
    steps: [
      createDeployment('st-merge'),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-merge', '?fieldManager=controller'),
        headers: mergePatch,
        body: {
          metadata: { labels: { x: 'y' }, annotations: { note: 'n' }, finalizers: ['example.com/keep'] },
          spec: { replicas: 9 },
          status: { replicas: 1, observedGeneration: 1 },
        },
      }),
      () => ({ method: 'GET', path: `${paths.deployments}/st-merge` }),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/st-merge`,
        headers: jsonPatch,
        body: [{ op: 'remove', path: '/metadata/finalizers' }],
      }),
    ],
  },
  {
    name: 'deployment main resource: a write ignores status, a status write is owned with subresource status',
    steps: [
      createDeployment('st-main'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/st-main?fieldManager=writer`,
        headers: mergePatch,
        body: { metadata: { labels: { w: '1' } }, status: { replicas: 4 } },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-main', '?fieldManager=writer'),
        headers: mergePatch,
        body: { status: { replicas: 4 } },
      }),
    ],
  },
  {
    name: 'deployment /status: PUT of the object read; a stale resourceVersion is 409; none is unconditional',
    steps: [
      createDeployment('st-put'),
      (r) => {
        const object = body(r[0]);
        object.status = { replicas: 1, updatedReplicas: 1 };
        object.spec.paused = true;
        return { method: 'PUT', path: deploymentStatus('st-put', '?fieldManager=putter'), body: object };
      },
      (r) => {
        const object = body(r[0]);
        object.status = { replicas: 2 };
        return { method: 'PUT', path: deploymentStatus('st-put'), body: object };
      },
      (r) => {
        const object = body(r[1]);
        Reflect.deleteProperty(object.metadata, 'resourceVersion');
        object.status = { replicas: 3 };
        return { method: 'PUT', path: deploymentStatus('st-put', '?fieldManager=putter'), body: object };
      },
    ],
  },
  {
    name: 'deployment /status: strategic merge patch of conditions, JSON patch with a stale resourceVersion',
    steps: [
      createDeployment('st-strategic'),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-strategic', '?fieldManager=ctl'),
        headers: strategicPatch,
        body: { status: { conditions: [{ type: 'Available', status: 'True', reason: 'Up' }] } },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-strategic', '?fieldManager=ctl'),
        headers: strategicPatch,
        body: { status: { conditions: [{ type: 'Progressing', status: 'True' }] } },
      }),
      (r) => ({
        method: 'PATCH',
        path: deploymentStatus('st-strategic'),
        headers: jsonPatch,
        body: [
          { op: 'replace', path: '/metadata/resourceVersion', value: body(r[0]).metadata.resourceVersion },
          { op: 'replace', path: '/status/replicas', value: 3 },
        ],
      }),
    ],
  },
  {
    name: 'deployment /status: server-side apply, a conflict with the Update owner, force',
    steps: [
      createDeployment('st-apply'),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-apply', '?fieldManager=updater'),
        headers: mergePatch,
        body: { status: { replicas: 1 } },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-apply', '?fieldManager=applier'),
        headers: applyPatch,
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'st-apply' },
          spec: { replicas: 7 },
          status: { replicas: 2, readyReplicas: 1 },
        },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-apply', '?fieldManager=applier&force=true'),
        headers: applyPatch,
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'st-apply' }, status: { replicas: 2 } },
      }),
    ],
  },
  {
    name: 'deployment /status: invalid replica counts are 422; unknown fields with fieldValidation=Strict are 400',
    steps: [
      createDeployment('st-invalid'),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-invalid'),
        headers: mergePatch,
        body: { status: { replicas: -1, updatedReplicas: 2, availableReplicas: 1 } },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-invalid'),
        headers: mergePatch,
        body: { status: { replicas: 2, readyReplicas: 1, availableReplicas: 2, collisionCount: 1 } },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-invalid'),
        headers: mergePatch,
        body: { status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, collisionCount: 2 } },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-invalid'),
        headers: mergePatch,
        body: { status: { collisionCount: 1 } },
      }),
      () => ({
        method: 'PUT',
        path: deploymentStatus('st-invalid', '?fieldValidation=Strict'),
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'st-invalid' }, status: { bogus: 1 } },
      }),
      () => ({
        method: 'PUT',
        path: `${paths.deployments}/st-invalid/scale?fieldValidation=Strict`,
        body: {
          apiVersion: 'autoscaling/v1',
          kind: 'Scale',
          metadata: { name: 'st-invalid' },
          spec: { replicas: 2, bogus: 1 },
        },
      }),
    ],
  },
  {
    name: 'deployment /status: writes to a missing object are 404, apply included',
    steps: [
      () => ({ method: 'GET', path: deploymentStatus('st-missing') }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-missing'),
        headers: mergePatch,
        body: { status: { replicas: 1 } },
      }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-missing', '?fieldManager=applier'),
        headers: applyPatch,
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'st-missing' }, status: { replicas: 1 } },
      }),
      () => ({
        method: 'PUT',
        path: deploymentStatus('st-missing'),
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'st-missing' } },
      }),
    ],
  },
  {
    name: 'subresources not served: unknown names, /scale and /status of a ConfigMap, other methods',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: { metadata: { name: 'no-sub' } } }),
      () => ({ method: 'GET', path: `${paths.configMaps}/no-sub/scale` }),
      () => ({ method: 'GET', path: `${paths.configMaps}/no-sub/status` }),
      () => ({ method: 'GET', path: `${paths.leases}/no-sub/status` }),
      createDeployment('st-methods'),
      () => ({ method: 'GET', path: `${paths.deployments}/st-methods/nope` }),
      () => ({ method: 'DELETE', path: deploymentStatus('st-methods') }),
      () => ({ method: 'POST', path: deploymentStatus('st-methods'), body: {} }),
      () => ({ method: 'DELETE', path: `${paths.deployments}/st-methods/scale` }),
      () => ({
        method: 'PATCH',
        path: deploymentStatus('st-methods'),
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      }),
      () => ({ method: 'GET', path: deploymentStatus('st-methods'), identity: 'anonymous' }),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/st-methods/scale`,
        headers: mergePatch,
        body: {},
        identity: 'anonymous',
      }),
      () => ({ method: 'GET', path: `${paths.configMaps}/no-sub/scale`, identity: 'anonymous' }),
    ],
  },
  {
    name: 'pod /status: spec and ownerReferences ignored, labels kept, qosClass kept when left out, generation unchanged',
    steps: [
      () => ({ method: 'POST', path: paths.pods, body: pod('st-pod') }),
      (r) => {
        const object = body(r[0]);
        object.metadata.labels = { app: 'demo', phase: 'running' };
        object.metadata.ownerReferences = [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '6f1f5b8e-6a57-4c44-9b2c-6b2f5b8e6a57' },
        ];
        object.spec.activeDeadlineSeconds = 30;
        object.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
        return { method: 'PUT', path: `${paths.pods}/st-pod/status?fieldManager=kubelet`, body: object };
      },
      () => ({
        method: 'PATCH',
        path: `${paths.pods}/st-pod/status?fieldManager=kubelet`,
        headers: strategicPatch,
        body: { status: { conditions: [{ type: 'Initialized', status: 'True' }], podIP: '10.0.0.1' } },
      }),
    ],
  },
  {
    name: 'namespace: the main resource ignores spec.finalizers (but records them) and status; /status ignores spec',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'st-namespace' } } }),
      () => ({
        method: 'PATCH',
        path: `${paths.namespaces}/st-namespace?fieldManager=m1`,
        headers: mergePatch,
        body: {
          metadata: { labels: { q: 'r' } },
          spec: { finalizers: ['example.com/x'] },
          status: { phase: 'Terminating' },
        },
      }),
      () => ({
        method: 'PATCH',
        path: `${paths.namespaces}/st-namespace/status?fieldManager=m2`,
        headers: mergePatch,
        body: {
          metadata: { labels: { s: 't' } },
          spec: { finalizers: [] },
          status: { conditions: [{ type: 'X', status: 'True' }] },
        },
      }),
      () => ({ method: 'GET', path: `${paths.namespaces}/st-namespace/status` }),
    ],
  },
  {
    name: 'namespace /finalize: a PUT changes spec.finalizers (and metadata), not status; other methods are 405',
    steps: [
      () => ({ method: 'POST', path: paths.namespaces, body: { metadata: { name: 'st-finalize' } } }),
      (r) => {
        const object = body(r[0]);
        object.metadata.labels = { ...(object.metadata.labels as object), f: 'g' };
        object.spec = { finalizers: ['kubernetes', 'example.com/keep'] };
        object.status = { phase: 'Terminating' };
        return { method: 'PUT', path: `${paths.namespaces}/st-finalize/finalize?fieldManager=finalizer`, body: object };
      },
      (r) => {
        const object = body(r[1]);
        object.spec = { finalizers: [] };
        return { method: 'PUT', path: `${paths.namespaces}/st-finalize/finalize`, body: object };
      },
      (r) => {
        const object = body(r[2]);
        object.spec = { finalizers: ['kubernetes'] };
        return { method: 'PUT', path: `${paths.namespaces}/st-finalize/finalize?fieldManager=finalizer`, body: object };
      },
      () => ({ method: 'GET', path: `${paths.namespaces}/st-finalize/finalize` }),
      () => ({
        method: 'PATCH',
        path: `${paths.namespaces}/st-finalize/finalize`,
        headers: mergePatch,
        body: { spec: { finalizers: [] } },
      }),
    ],
  },
];
