// Discovery, legacy (APIVersions, APIGroupList, APIResourceList) and aggregated
// (apidiscovery.k8s.io/v2, as kubectl v1.36 asks for it), compared for what the embedded
// server serves: its resources, their status and scale subresources. The real server
// lists every built-in resource and more subresources (pods/log, pods/exec...), which the
// embedded server does not serve: those are left out of both answers before comparing.
import type { ConformanceCase } from '../conformance-case.ts';

/** Resources the embedded server serves, by group-version (the conformance suite's CRDs included). */
const served: Readonly<Record<string, readonly string[]>> = {
  v1: [
    'configmaps',
    'endpoints',
    'events',
    'namespaces',
    'nodes',
    'persistentvolumeclaims',
    'pods',
    'replicationcontrollers',
    'secrets',
    'serviceaccounts',
    'services',
  ],
  'apiregistration.k8s.io/v1': ['apiservices'],
  'apps/v1': ['daemonsets', 'deployments', 'replicasets', 'statefulsets'],
  'events.k8s.io/v1': ['events'],
  'batch/v1': ['cronjobs', 'jobs'],
  'networking.k8s.io/v1': ['ingresses', 'networkpolicies'],
  'policy/v1': ['poddisruptionbudgets'],
  'rbac.authorization.k8s.io/v1': ['clusterrolebindings', 'clusterroles', 'rolebindings', 'roles'],
  'coordination.k8s.io/v1': ['leases'],
  'discovery.k8s.io/v1': ['endpointslices'],
  'example.kubeconflict.dev/v1': ['gadgets', 'widgets'],
  'apiextensions.k8s.io/v1': ['customresourcedefinitions'],
  // The CRD that test/conformance/cases/crd.ts defines through the API and keeps.
  'discovery.kubeconflict.dev/v1': ['parts'],
  'versions.kubeconflict.dev/v1': ['dials'],
  'versions.kubeconflict.dev/v2': ['dials'],
};
const servedSubresources = ['finalize', 'scale', 'status'];

/** kubectl v1.36's Accept for /api and /apis. */
export const aggregatedAccept =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const groupName = (group: Json): string => {
  const name = (group.metadata as Json).name;
  return typeof name === 'string' ? name : '';
};
const servedGroup = (name: string) =>
  Object.keys(served).some((gv) => (gv.includes('/') ? gv.split('/')[0] : '') === name);

function servedResource(groupVersion: string, name: string): boolean {
  const [resource = '', subresource, ...rest] = name.split('/');
  if (rest.length > 0 || !(served[groupVersion] ?? []).includes(resource)) return false;
  return subresource === undefined || servedSubresources.includes(subresource);
}

function selectResourceList(list: Json): Json {
  const groupVersion = String(list.groupVersion);
  const resources = (list.resources as Json[]).filter((resource) =>
    servedResource(groupVersion, String(resource.name)),
  );
  // apiextensions-apiserver lists custom resources in its cache's order, which varies.
  if (groupVersion.includes('.kubeconflict.')) resources.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  return { ...list, resources };
}

function selectAggregated(list: Json): Json {
  const items = (list.items as Json[])
    .filter((group) => servedGroup(groupName(group)))
    .map((group) => {
      const name = groupName(group);
      const versions = (group.versions as Json[]).map((version) => {
        const groupVersion = name === '' ? String(version.version) : `${name}/${String(version.version)}`;
        const resources = (version.resources as Json[])
          .filter((resource) => servedResource(groupVersion, String(resource.resource)))
          .map((resource) => {
            const subresources = ((resource.subresources as Json[] | undefined) ?? []).filter((sub) =>
              servedSubresources.includes(String(sub.subresource)),
            );
            const { subresources: _all, ...rest } = resource;
            return { ...rest, ...(subresources.length > 0 && { subresources }) };
          });
        return { ...version, resources };
      });
      return { ...group, versions };
    });
  return { ...list, items };
}

/** The served part of a discovery document; addresses are the servers' own. */
export function selectServed(body: unknown): unknown {
  if (!isObject(body)) return body;
  switch (body.kind) {
    case 'APIResourceList':
      return selectResourceList(body);
    case 'APIGroupList':
      return { ...body, groups: (body.groups as Json[]).filter((group) => servedGroup(String(group.name))) };
    case 'APIGroupDiscoveryList':
      return selectAggregated(body);
    case 'APIVersions':
      return { ...body, serverAddressByClientCIDRs: '<addresses>' };
    default:
      return body;
  }
}

export const get =
  (path: string, accept = 'application/json') =>
  () => ({
    method: 'GET' as const,
    path,
    headers: { accept },
  });

export const discoveryCases: ConformanceCase[] = [
  {
    name: 'discovery: legacy documents list the resources, categories, status and scale subresources',
    select: selectServed,
    steps: [
      get('/api'),
      get('/api/v1'),
      get('/apis'),
      get('/apis/apps'),
      get('/apis/apps/v1'),
      get('/apis/coordination.k8s.io/v1'),
      get('/apis/example.kubeconflict.dev/v1'),
      get('/apis/apiextensions.k8s.io/v1'),
    ],
  },
  {
    name: 'discovery: aggregated apidiscovery.k8s.io/v2 for /api and /apis, as kubectl asks for it',
    select: selectServed,
    steps: [get('/api', aggregatedAccept), get('/apis', aggregatedAccept)],
  },
  {
    name: 'discovery: aggregated wherever the Accept offers it, on /api and /apis only',
    select: selectServed,
    steps: [
      get('/api', 'application/json,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'),
      get('/apis/apps/v1', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'),
    ],
  },
];
