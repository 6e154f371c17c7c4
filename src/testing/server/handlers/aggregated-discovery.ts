// Aggregated discovery (apidiscovery.k8s.io/v2): every group, version and resource in
// one document at /api (the core group) and /apis (the others), which kubectl v1.36
// asks for first; legacy documents answer clients that do not ask for it.
import type { ResourceRegistry } from '../registry.ts';
import { type ResourceType, isCustomResource } from '../resource-type.ts';
import { subresourcesOf, typesIn } from './discovery-resources.ts';

/** The Content-Type kube-apiserver answers aggregated discovery with. */
export const aggregatedContentType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/**
 * Whether `accept` offers aggregated discovery v2: kube-apiserver prefers it to any
 * plain type there, wherever it comes (a media range with parameters is more specific).
 * v2beta1 is no longer served.
 */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim());
    const params = new Map(parameters.map((p) => p.split('=').map((s) => s.trim()) as [string, string]));
    return (
      type === 'application/json' &&
      params.get('g') === 'apidiscovery.k8s.io' &&
      params.get('v') === 'v2' &&
      params.get('as') === 'APIGroupDiscoveryList' &&
      params.get('q') !== '0'
    );
  });
}

/** The APIGroupDiscoveryList of `/api` or `/apis`; undefined for any other path. */
export function aggregatedDiscovery(pathname: string, registry: ResourceRegistry): unknown {
  const path = pathname.replace(/\/+$/, '');
  if (path !== '/api' && path !== '/apis') return undefined;
  const types = registry.all();
  const groups: string[] = [];
  for (const type of types) if (!groups.includes(type.group)) groups.push(type.group);
  const served = path === '/api' ? groups.filter((g) => g === '') : groups.filter((g) => g !== '');
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: served.map((group) => groupDiscovery(types, group)),
  };
}

function groupDiscovery(types: readonly ResourceType[], group: string) {
  const versions: string[] = [];
  for (const type of types) if (type.group === group && !versions.includes(type.version)) versions.push(type.version);
  return {
    metadata: group === '' ? {} : { name: group },
    versions: versions.map((version) => ({
      version,
      resources: typesIn(types, group, version).map(resourceDiscovery),
      freshness: 'Current',
    })),
  };
}

function resourceDiscovery(type: ResourceType) {
  // Built-in kinds leave group and version to the group-version they are listed in.
  const ownKind = (kind: string) =>
    isCustomResource(type) ? { group: type.group, version: type.version, kind } : { group: '', version: '', kind };
  const subresources = subresourcesOf(type).map((sub) => ({
    subresource: sub.name,
    responseKind:
      sub.group === undefined ? ownKind(sub.kind) : { group: sub.group, version: sub.version, kind: sub.kind },
    verbs: sub.verbs,
  }));
  return {
    resource: type.plural,
    responseKind: ownKind(type.kind),
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: type.verbs,
    ...(type.shortNames.length > 0 && { shortNames: type.shortNames }),
    ...(type.categories !== undefined && type.categories.length > 0 && { categories: type.categories }),
    ...(subresources.length > 0 && { subresources }),
  };
}
