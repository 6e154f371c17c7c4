// What discovery says of each served resource and its subresources, shared by the
// legacy documents (APIResourceList) and aggregated discovery (APIGroupDiscoveryList).
import { createHash } from 'node:crypto';
import { kindGroup, type ResourceType } from '../resource-type.ts';

/** A subresource as discovery lists it; `group`/`version` only when its kind lives elsewhere. */
export interface SubresourceInfo {
  readonly name: 'finalize' | 'scale' | 'status';
  readonly kind: string;
  readonly group?: string;
  readonly version?: string;
  readonly verbs: readonly string[];
}

const subresourceVerbs = ['get', 'patch', 'update'];

/** The subresources the embedded server serves for `type`, sorted by name as kube-apiserver lists them. */
export function subresourcesOf(type: ResourceType): SubresourceInfo[] {
  const served: SubresourceInfo[] = [];
  if (type.finalizeSubresource === true) served.push({ name: 'finalize', kind: type.kind, verbs: ['update'] });
  if (type.scaleSubresource === true) {
    served.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: subresourceVerbs });
  }
  if (type.statusSubresource) served.push({ name: 'status', kind: type.kind, verbs: subresourceVerbs });
  return served;
}

/**
 * kube-apiserver's storageVersionHash: the first 8 bytes of the SHA-256 of
 * `<group>/<storage version>/<kind>`, base64.
 */
export function storageVersionHash(type: ResourceType): string {
  const digest = createHash('sha256')
    .update(`${kindGroup(type)}/${type.storageVersion ?? type.version}/${type.kind}`)
    .digest();
  return digest.subarray(0, 8).toString('base64');
}

/** Served types of one group-version, sorted by resource name as kube-apiserver lists them. */
export function typesIn(types: readonly ResourceType[], group: string, version: string): ResourceType[] {
  return types
    .filter((type) => type.group === group && type.version === version)
    .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
}
