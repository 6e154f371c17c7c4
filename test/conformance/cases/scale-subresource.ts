// The `/scale` subresource of a Deployment: the autoscaling/v1 Scale, writes of its
// replicas (PUT, merge, JSON, strategic, apply), how ownership of the replicas moves
// between the Scale and the Deployment, preconditions, validation, missing objects.
import { demoDeployment } from '../../support/demo-deployment.ts';
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, applyPatch, jsonPatch, mergePatch, paths, strategicPatch } from '../conformance-case.ts';

const createDeployment = (name: string) => () => ({
  method: 'POST' as const,
  path: `${paths.deployments}?fieldManager=creator`,
  body: demoDeployment(name, 'biz-version', 101),
});
const scalePath = (name: string, query = '') => `${paths.deployments}/${name}/scale${query}`;
const getDeployment = (name: string) => () => ({ method: 'GET' as const, path: `${paths.deployments}/${name}` });
const scale = (name: string, replicas: number, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'autoscaling/v1',
  kind: 'Scale',
  metadata: { name, ...metadata },
  spec: { replicas },
});
const resourceVersion = (response: RawResponse | undefined) =>
  (response?.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion;

export const scaleSubresourceCases: ConformanceCase[] = [
  {
    name: 'deployment /scale: GET answers a Scale with the selector as a string',
    steps: [createDeployment('sc-get'), () => ({ method: 'GET', path: scalePath('sc-get') })],
  },
  {
    name: 'deployment /scale: a merge patch moves replicas, raises generation, and takes their ownership',
    steps: [
      createDeployment('sc-merge'),
      () => ({
        method: 'PATCH',
        path: scalePath('sc-merge', '?fieldManager=scaler'),
        headers: mergePatch,
        body: { spec: { replicas: 5 } },
      }),
      getDeployment('sc-merge'),
    ],
  },
  {
    name: 'deployment /scale: a write of the same replicas splits the owner entry in two',
    steps: [
      createDeployment('sc-same'),
      () => ({
        method: 'PATCH',
        path: scalePath('sc-same', '?fieldManager=scaler'),
        headers: mergePatch,
        body: { spec: { replicas: 1 } },
      }),
      getDeployment('sc-same'),
    ],
  },
  {
    name: 'deployment /scale: PUT of a Scale; a stale resourceVersion is 409; none is unconditional',
    steps: [
      createDeployment('sc-put'),
      (r) => ({
        method: 'PUT',
        path: scalePath('sc-put', '?fieldManager=hpa'),
        body: scale('sc-put', 3, { resourceVersion: resourceVersion(r[0]) }),
      }),
      (r) => ({
        method: 'PUT',
        path: scalePath('sc-put'),
        body: scale('sc-put', 4, { resourceVersion: resourceVersion(r[0]) }),
      }),
      () => ({ method: 'PUT', path: scalePath('sc-put', '?fieldManager=hpa'), body: scale('sc-put', 0) }),
      getDeployment('sc-put'),
    ],
  },
  {
    name: 'deployment /scale: JSON and strategic merge patches, scale to zero and back',
    steps: [
      createDeployment('sc-patches'),
      () => ({
        method: 'PATCH',
        path: scalePath('sc-patches', '?fieldManager=json'),
        headers: jsonPatch,
        body: [{ op: 'replace', path: '/spec/replicas', value: 0 }],
      }),
      () => ({
        method: 'PATCH',
        path: scalePath('sc-patches', '?fieldManager=strategic'),
        headers: strategicPatch,
        body: { spec: { replicas: 2 } },
      }),
      getDeployment('sc-patches'),
    ],
  },
  {
    name: 'deployment /scale: bad writes: negative replicas 422, another uid 409, another name 400, missing object 404',
    steps: [
      createDeployment('sc-bad'),
      () => ({ method: 'PATCH', path: scalePath('sc-bad'), headers: mergePatch, body: { spec: { replicas: -1 } } }),
      () => ({ method: 'PATCH', path: scalePath('sc-bad'), headers: mergePatch, body: { metadata: { uid: 'abc' } } }),
      () => ({ method: 'PUT', path: scalePath('sc-bad'), body: scale('other', 2) }),
      () => ({ method: 'PUT', path: scalePath('sc-bad'), body: { apiVersion: 'apps/v1', kind: 'Deployment' } }),
      () => ({ method: 'GET', path: scalePath('sc-missing') }),
      () => ({ method: 'PUT', path: scalePath('sc-missing'), body: scale('sc-missing', 2) }),
      () => ({ method: 'PATCH', path: scalePath('sc-missing'), headers: mergePatch, body: { spec: { replicas: 2 } } }),
    ],
  },
  {
    name: 'deployment /scale: server-side apply of a Scale, then a Deployment apply of replicas conflicts with it',
    steps: [
      createDeployment('sc-apply'),
      () => ({
        method: 'PATCH',
        path: scalePath('sc-apply', '?fieldManager=autoscaler'),
        headers: applyPatch,
        body: scale('sc-apply', 3),
      }),
      getDeployment('sc-apply'),
      () => ({
        method: 'PATCH',
        path: `${paths.deployments}/sc-apply?fieldManager=deployer`,
        headers: applyPatch,
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'sc-apply' }, spec: { replicas: 6 } },
      }),
      () => ({
        method: 'PATCH',
        path: scalePath('sc-apply', '?fieldManager=autoscaler'),
        headers: applyPatch,
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'sc-apply' } },
      }),
      () => ({
        method: 'PATCH',
        path: scalePath('sc-apply', '?fieldManager=other&force=true'),
        headers: applyPatch,
        body: scale('sc-apply', 4),
      }),
      getDeployment('sc-apply'),
    ],
  },
];
