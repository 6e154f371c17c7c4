// core/v1 PodSpec and PodTemplateSpec, with scheduling types (affinity, tolerations...).
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import {
  always,
  atomicList,
  atomicStruct,
  boolean,
  field,
  integer,
  map,
  mapList,
  mergedBy,
  ptr,
  quantity,
  string,
  struct,
} from './define.ts';
import { labelSelector, objectMeta } from './meta-v1.ts';
import { volume } from './core-v1-volume.ts';
import { container, ephemeralContainer, resourceRequirements } from './core-v1-container.ts';
import { podSecurityContext } from './core-v1-security-context.ts';
import { localObjectReference } from './core-v1-references.ts';

export const nodeSelectorRequirement = struct({
  key: always(string),
  operator: always(string),
  values: atomicList(string),
});

export const nodeSelectorTerm = atomicStruct({
  matchExpressions: atomicList(nodeSelectorRequirement),
  matchFields: atomicList(nodeSelectorRequirement),
});

export const nodeSelector = atomicStruct({
  nodeSelectorTerms: always(atomicList(nodeSelectorTerm)),
});

export const preferredSchedulingTerm = struct({
  weight: always(integer),
  preference: always(nodeSelectorTerm),
});

export const nodeAffinity = struct({
  requiredDuringSchedulingIgnoredDuringExecution: ptr(nodeSelector),
  preferredDuringSchedulingIgnoredDuringExecution: atomicList(preferredSchedulingTerm),
});

export const podAffinityTerm = struct({
  labelSelector: ptr(labelSelector),
  namespaces: atomicList(string),
  topologyKey: always(string),
  namespaceSelector: ptr(labelSelector),
  matchLabelKeys: atomicList(string),
  mismatchLabelKeys: atomicList(string),
});

export const weightedPodAffinityTerm = struct({
  weight: always(integer),
  podAffinityTerm: always(podAffinityTerm),
});

export const podAffinity = struct({
  requiredDuringSchedulingIgnoredDuringExecution: atomicList(podAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: atomicList(weightedPodAffinityTerm),
});

export const podAntiAffinity = struct({
  requiredDuringSchedulingIgnoredDuringExecution: atomicList(podAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: atomicList(weightedPodAffinityTerm),
});

export const affinity = struct({
  nodeAffinity: ptr(nodeAffinity),
  podAffinity: ptr(podAffinity),
  podAntiAffinity: ptr(podAntiAffinity),
});

export const toleration = struct({
  key: string,
  operator: string,
  value: string,
  effect: string,
  tolerationSeconds: ptr(integer),
});

export const hostAlias = struct({
  ip: always(string),
  hostnames: atomicList(string),
});

export const podDNSConfigOption = struct({
  name: string,
  value: ptr(string),
});

export const podDNSConfig = struct({
  nameservers: atomicList(string),
  searches: atomicList(string),
  options: atomicList(podDNSConfigOption),
});

export const podReadinessGate = struct({
  conditionType: always(string),
});

export const topologySpreadConstraint = struct({
  maxSkew: always(integer),
  topologyKey: always(string),
  whenUnsatisfiable: always(string),
  labelSelector: ptr(labelSelector),
  minDomains: ptr(integer),
  nodeAffinityPolicy: ptr(string),
  nodeTaintsPolicy: ptr(string),
  matchLabelKeys: atomicList(string),
});

export const podOS = struct({
  name: always(string),
});

export const podSchedulingGate = struct({
  name: always(string),
});

export const podResourceClaim = struct({
  name: always(string),
  resourceClaimName: ptr(string),
  resourceClaimTemplateName: ptr(string),
});

export const podSchedulingGroup = struct({
  podGroupName: ptr(string),
});

export const podSpec = struct({
  volumes: field(mapList(volume, ['name'], { name: '' }), { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }),
  initContainers: mergedBy('name', mapList(container, ['name'], { name: '' })),
  containers: mergedBy('name', mapList(container, ['name'], { name: '' }), { omitEmpty: false }),
  ephemeralContainers: mergedBy('name', mapList(ephemeralContainer, ['name'], { name: '' })),
  restartPolicy: string,
  terminationGracePeriodSeconds: ptr(integer),
  activeDeadlineSeconds: ptr(integer),
  dnsPolicy: string,
  nodeSelector: map(string, { atomic: true }),
  serviceAccountName: string,
  serviceAccount: string,
  automountServiceAccountToken: ptr(boolean),
  nodeName: string,
  hostNetwork: boolean,
  hostPID: boolean,
  hostIPC: boolean,
  shareProcessNamespace: ptr(boolean),
  securityContext: ptr(podSecurityContext),
  imagePullSecrets: mergedBy('name', mapList(localObjectReference, ['name'], { name: '' })),
  hostname: string,
  subdomain: string,
  affinity: ptr(affinity),
  schedulerName: string,
  tolerations: atomicList(toleration),
  hostAliases: mergedBy('ip', mapList(hostAlias, ['ip'], { ip: '' })),
  priorityClassName: string,
  priority: ptr(integer),
  dnsConfig: ptr(podDNSConfig),
  readinessGates: atomicList(podReadinessGate),
  runtimeClassName: ptr(string),
  enableServiceLinks: ptr(boolean),
  preemptionPolicy: ptr(string),
  overhead: map(quantity),
  topologySpreadConstraints: mergedBy(
    'topologyKey',
    mapList(topologySpreadConstraint, ['topologyKey', 'whenUnsatisfiable'], { topologyKey: '', whenUnsatisfiable: '' }),
  ),
  setHostnameAsFQDN: ptr(boolean),
  os: ptr(podOS),
  hostUsers: ptr(boolean),
  schedulingGates: mergedBy('name', mapList(podSchedulingGate, ['name'], { name: '' })),
  resourceClaims: field(mapList(podResourceClaim, ['name'], { name: '' }), {
    patchStrategy: 'merge,retainKeys',
    patchMergeKey: 'name',
  }),
  resources: ptr(resourceRequirements),
  hostnameOverride: ptr(string),
  schedulingGroup: ptr(podSchedulingGroup),
});

export const podTemplateSpec = struct({
  metadata: objectMeta,
  spec: podSpec,
});
