// Updates and patches: optimistic concurrency, no-op writes, generation, field managers.
import { demoDeployment } from '../../support/demo-deployment.ts';
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, configMap, jsonPatch, mergePatch, paths, strategicPatch } from '../conformance-case.ts';

const latest = (responses: readonly RawResponse[]) =>
  structuredClone(responses.at(-1)?.json) as Record<string, never> & {
    metadata: { labels?: Record<string, string>; annotations?: Record<string, string>; resourceVersion: string };
    spec: { replicas: number; template: { spec: { containers: { image: string }[] } } };
  };

const createDeployment = (name: string) => () => ({
  method: 'POST' as const,
  path: paths.deployments,
  body: demoDeployment(name, 'biz-version', 101),
});

export const writeCases: ConformanceCase[] = [
  {
    name: 'PUT of a label keeps generation; the resourceVersion moves',
    steps: [
      createDeployment('label-put'),
      (r) => {
        const body = latest(r);
        body.metadata.labels = { ...body.metadata.labels, 'biz-version': '102' };
        return { method: 'PUT', path: `${paths.deployments}/label-put`, body };
      },
    ],
  },
  {
    name: 'PUT of an annotation raises a Deployment generation',
    steps: [
      createDeployment('annotation-put'),
      (r) => {
        const body = latest(r);
        body.metadata.annotations = { note: 'x' };
        return { method: 'PUT', path: `${paths.deployments}/annotation-put`, body };
      },
    ],
  },
  {
    name: 'PUT of the spec raises generation',
    steps: [
      createDeployment('spec-put'),
      (r) => {
        const body = latest(r);
        body.spec.replicas = 3;
        return { method: 'PUT', path: `${paths.deployments}/spec-put`, body };
      },
    ],
  },
  {
    name: 'a PUT that changes nothing keeps the resourceVersion',
    steps: [
      createDeployment('noop-put'),
      (r) => ({ method: 'PUT', path: `${paths.deployments}/noop-put`, body: latest(r) }),
    ],
  },
  {
    name: 'a merge patch that changes nothing keeps the resourceVersion',
    steps: [
      createDeployment('noop-merge'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/noop-merge`,
        headers: mergePatch,
        body: { metadata: { labels: { 'biz-version': '101' } } },
      }),
    ],
  },
  {
    name: 'a second manager takes ownership of the label it changes',
    steps: [
      createDeployment('two-managers'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/two-managers?fieldManager=kubectl-label`,
        headers: mergePatch,
        body: { metadata: { labels: { 'biz-version': '102', team: 'a' } } },
      }),
    ],
  },
  {
    name: 'a merge patch with null removes a label',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('remove-label', {}, { a: '1', b: '2' }) }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/remove-label`,
        headers: mergePatch,
        body: { metadata: { labels: { a: null } } },
      }),
    ],
  },
  {
    name: 'a merge patch with the current resourceVersion succeeds',
    steps: [
      createDeployment('merge-current'),
      (r) => ({
        method: 'PATCH',
        path: `${paths.deployments}/merge-current`,
        headers: mergePatch,
        body: { metadata: { resourceVersion: latest(r).metadata.resourceVersion, labels: { 'biz-version': '102' } } },
      }),
    ],
  },
  {
    name: 'a JSON patch whose test passes',
    steps: [
      createDeployment('json-pass'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/json-pass`,
        headers: jsonPatch,
        body: [
          { op: 'test', path: '/metadata/labels/biz-version', value: '101' },
          { op: 'replace', path: '/metadata/labels/biz-version', value: '102' },
        ],
      }),
    ],
  },
  {
    name: 'a JSON patch of a path that does not exist',
    steps: [
      createDeployment('json-missing'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/json-missing`,
        headers: jsonPatch,
        body: [{ op: 'remove', path: '/metadata/annotations/nope' }],
      }),
    ],
  },
  {
    name: 'a strategic merge patch merges containers by name',
    steps: [
      createDeployment('strategic'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/strategic`,
        headers: strategicPatch,
        body: { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.13' }] } } } },
      }),
    ],
  },
  {
    name: 'a strategic merge patch adds a container',
    steps: [
      createDeployment('strategic-add'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/strategic-add`,
        headers: strategicPatch,
        body: { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } } } },
      }),
    ],
  },
  {
    name: 'PUT of a missing object',
    steps: [() => ({ method: 'PUT', path: `${paths.configMaps}/not-there`, body: configMap('not-there') })],
  },
  {
    name: 'PUT of a Lease with its resourceVersion',
    steps: [
      () => ({
        method: 'POST',
        path: paths.leases,
        body: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: 'renewed' },
          spec: { holderIdentity: 'a' },
        },
      }),
      (r) => {
        const body = structuredClone(r[0]?.json) as { spec: { holderIdentity: string } };
        body.spec.holderIdentity = 'b';
        return { method: 'PUT', path: `${paths.leases}/renewed`, body };
      },
    ],
  },
  {
    name: 'dry-run PUT writes nothing',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('dry-put', { k: '1' }) }),
      (r) => {
        const body = structuredClone(r[0]?.json) as { data: Record<string, string> };
        body.data.k = '2';
        return { method: 'PUT', path: `${paths.configMaps}/dry-put?dryRun=All`, body };
      },
      () => ({ method: 'GET', path: `${paths.configMaps}/dry-put` }),
    ],
  },
];
