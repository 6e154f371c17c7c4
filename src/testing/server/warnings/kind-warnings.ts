// What kube-apiserver's strategies warn of when an object of some kinds is written
// (WarningsOnCreate and WarningsOnUpdate): deprecated fields and annotations, and fields
// the object's other fields make meaningless. Only the messages listed here are sent.
import type { KubeObject } from '../../../core/object.ts';

type Json = Record<string, unknown>;
const at = (value: unknown, key: string): Json => {
  const found = (value as Json | undefined)?.[key];
  return typeof found === 'object' && found !== null ? (found as Json) : {};
};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const topologyHints = 'service.kubernetes.io/topology-aware-hints';

/** GetWarningsForService, without the warnings about IP address and CIDR formats. */
export function serviceWarnings(service: KubeObject): string[] {
  const spec = at(service, 'spec');
  const type = text(spec.type);
  const headless = type === 'ClusterIP' && spec.clusterIP === 'None';
  const externalIPs = list(spec.externalIPs);
  const warnings: string[] = [];
  if (service.metadata?.annotations?.[topologyHints] !== undefined) {
    warnings.push(`annotation ${topologyHints} is deprecated, please use service.kubernetes.io/topology-mode instead`);
  }
  if (headless) {
    if (text(spec.loadBalancerIP) !== '') warnings.push('spec.loadBalancerIP is ignored for headless services');
    if (externalIPs.length > 0) warnings.push('spec.externalIPs is ignored for headless services');
    if (text(spec.sessionAffinity) !== 'None') warnings.push('spec.SessionAffinity is ignored for headless services');
  }
  if (externalIPs.length > 0 && !headless && type !== 'ExternalName') {
    warnings.push('spec.externalIPs is deprecated and may no longer be implemented in some clusters');
  }
  if (type === 'ExternalName' && externalIPs.length > 0) {
    warnings.push('spec.externalIPs is ignored when spec.type is "ExternalName"');
  }
  if (type !== 'ExternalName' && text(spec.externalName) !== '') {
    warnings.push('spec.externalName is ignored when spec.type is not "ExternalName"');
  }
  if (spec.trafficDistribution === 'PreferClose') {
    warnings.push('spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"');
  }
  return warnings;
}

const betaStorageClass = 'volume.beta.kubernetes.io/storage-class';

/** GetWarningsForPersistentVolumeClaim: the beta storage-class annotation. */
export function claimWarnings(claim: KubeObject): string[] {
  if (claim.metadata?.annotations?.[betaStorageClass] === undefined) return [];
  return [`metadata.annotations[${betaStorageClass}]: deprecated since v1.8; use "storageClassName" attribute instead`];
}

/** nodeWarnings, without the CIDR format warnings (spec.configSource is dropped before it is read). */
export function nodeWarnings(node: KubeObject): string[] {
  const externalID = text(at(node, 'spec').externalID);
  return externalID === '' ? [] : ['spec.externalID: this field is deprecated, and is unused by Kubernetes'];
}
