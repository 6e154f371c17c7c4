import type { ResourceRegistry } from '../registry.ts';
import type { ResourceType } from '../resource-type.ts';
import { storageVersionHash, subresourcesOf, typesIn } from './discovery-resources.ts';

/** The Kubernetes version the embedded server answers as (the one it is checked against). */
export const emulatedVersion = { major: '1', minor: '36', gitVersion: 'v1.36.3' };

/**
 * Legacy discovery documents (plain application/json), which kubectl and client-node
 * fall back to when aggregated discovery is not offered; undefined for unknown paths.
 */
export function discoveryDocument(path: string, registry: ResourceRegistry, serverAddress: string): unknown {
  const trimmed = path.replace(/\/+$/, '') || '/';
  const types = registry.all();
  if (trimmed === '/version') {
    // In version.Info's field order: kube-apiserver writes it indented, as built.
    return {
      major: emulatedVersion.major,
      minor: emulatedVersion.minor,
      emulationMajor: emulatedVersion.major,
      emulationMinor: emulatedVersion.minor,
      minCompatibilityMajor: '1',
      minCompatibilityMinor: '35',
      gitVersion: emulatedVersion.gitVersion,
      gitCommit: 'kubeconflict-embedded',
      gitTreeState: 'clean',
      buildDate: '2026-01-01T00:00:00Z',
      goVersion: 'n/a (kubeconflict embedded server, Node.js)',
      compiler: 'n/a',
      platform: `${process.platform}/${process.arch}`,
    };
  }
  if (trimmed === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
  }
  if (trimmed === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups(types).map(([name, versions]) => groupDocument(name, versions)),
    };
  }
  const groupMatch = /^\/apis\/([^/]+)$/.exec(trimmed);
  if (groupMatch) {
    const entry = groups(types).find(([name]) => name === groupMatch[1]);
    return entry && { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(entry[0], entry[1]) };
  }
  const versionMatch = /^\/api\/(v1)$|^\/apis\/([^/]+)\/([^/]+)$/.exec(trimmed);
  if (versionMatch) {
    const group = versionMatch[1] ? '' : (versionMatch[2] ?? '');
    const version = versionMatch[1] ?? versionMatch[3] ?? '';
    const inVersion = typesIn(types, group, version);
    if (inVersion.length === 0) return undefined;
    return {
      kind: 'APIResourceList',
      // kube-apiserver leaves apiVersion out of the core group's list only.
      ...(group !== '' && { apiVersion: 'v1' }),
      groupVersion: group === '' ? version : `${group}/${version}`,
      resources: inVersion.flatMap(resourceDocuments),
    };
  }
  return undefined;
}

function groups(types: readonly ResourceType[]): [string, string[]][] {
  const byGroup = new Map<string, string[]>();
  for (const type of types) {
    if (type.group === '') continue;
    const versions = byGroup.get(type.group) ?? [];
    if (!versions.includes(type.version)) versions.push(type.version);
    byGroup.set(type.group, versions);
  }
  return [...byGroup.entries()];
}

function groupDocument(name: string, versions: string[]) {
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

function resourceDocuments(type: ResourceType) {
  const main = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: type.verbs,
    ...(type.shortNames.length > 0 && { shortNames: type.shortNames }),
    ...(type.categories !== undefined && type.categories.length > 0 && { categories: type.categories }),
    storageVersionHash: storageVersionHash(type),
  };
  const subresources = subresourcesOf(type).map((sub) => ({
    name: `${type.plural}/${sub.name}`,
    singularName: '',
    namespaced: type.namespaced,
    ...(sub.group !== undefined && { group: sub.group, version: sub.version }),
    kind: sub.kind,
    verbs: sub.verbs,
  }));
  return [main, ...subresources];
}
