// core/v1 PodStatus and container statuses.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import {
  always,
  atomicList,
  boolean,
  field,
  integer,
  map,
  mapList,
  mergedBy,
  ptr,
  quantity,
  setList,
  string,
  struct,
  time,
} from './define.ts';
import { resourceRequirements } from './core-v1-container.ts';

export const containerExtendedResourceRequest = struct({
  containerName: always(string),
  resourceName: always(string),
  requestName: always(string),
});

export const containerStateWaiting = struct({
  reason: string,
  message: string,
});

export const containerStateRunning = struct({
  startedAt: time,
});

export const containerStateTerminated = struct({
  exitCode: always(integer),
  signal: integer,
  reason: string,
  message: string,
  startedAt: time,
  finishedAt: time,
  containerID: string,
});

export const containerState = struct({
  waiting: ptr(containerStateWaiting),
  running: ptr(containerStateRunning),
  terminated: ptr(containerStateTerminated),
});

export const imageVolumeStatus = struct({
  imageRef: string,
});

export const volumeStatus = struct({
  image: ptr(imageVolumeStatus),
});

export const volumeMountStatus = struct({
  name: always(string),
  mountPath: always(string),
  readOnly: boolean,
  recursiveReadOnly: ptr(string),
  volumeStatus: ptr(volumeStatus),
});

export const linuxContainerUser = struct({
  uid: always(integer),
  gid: always(integer),
  supplementalGroups: atomicList(integer),
});

export const containerUser = struct({
  linux: ptr(linuxContainerUser),
});

export const resourceHealth = struct({
  resourceID: always(string),
  health: string,
  message: ptr(string),
});

export const resourceStatus = struct({
  name: always(string),
  resources: mapList(resourceHealth, ['resourceID'], { resourceID: '' }),
});

export const containerStatus = struct({
  name: always(string),
  state: containerState,
  lastState: containerState,
  ready: always(boolean),
  restartCount: always(integer),
  image: always(string),
  imageID: always(string),
  containerID: string,
  started: ptr(boolean),
  allocatedResources: map(quantity),
  resources: ptr(resourceRequirements),
  volumeMounts: mergedBy('mountPath', mapList(volumeMountStatus, ['mountPath'], { mountPath: '' })),
  user: ptr(containerUser),
  allocatedResourcesStatus: mergedBy('name', mapList(resourceStatus, ['name'], { name: '' })),
  stopSignal: ptr(string),
});

export const hostIP = struct({
  ip: always(string),
});

export const nodeAllocatableResourceClaimStatus = struct({
  resourceClaimName: always(string),
  containers: setList(string),
  resources: always(map(quantity)),
});

export const podCondition = struct({
  type: always(string),
  observedGeneration: integer,
  status: always(string),
  lastProbeTime: time,
  lastTransitionTime: time,
  reason: string,
  message: string,
});

export const podExtendedResourceClaimStatus = struct({
  requestMappings: always(atomicList(containerExtendedResourceRequest)),
  resourceClaimName: always(string),
});

export const podIP = struct({
  ip: always(string),
});

export const podResourceClaimStatus = struct({
  name: always(string),
  resourceClaimName: ptr(string),
});

export const podStatus = struct({
  observedGeneration: integer,
  phase: string,
  conditions: mergedBy('type', mapList(podCondition, ['type'], { type: '' })),
  message: string,
  reason: string,
  nominatedNodeName: string,
  hostIP: string,
  hostIPs: mergedBy('ip', atomicList(hostIP)),
  podIP: string,
  podIPs: mergedBy('ip', mapList(podIP, ['ip'], { ip: '' })),
  startTime: ptr(time),
  initContainerStatuses: atomicList(containerStatus),
  containerStatuses: atomicList(containerStatus),
  qosClass: string,
  ephemeralContainerStatuses: atomicList(containerStatus),
  resize: string,
  resourceClaimStatuses: field(mapList(podResourceClaimStatus, ['name'], { name: '' }), {
    patchStrategy: 'merge,retainKeys',
    patchMergeKey: 'name',
  }),
  extendedResourceClaimStatus: ptr(podExtendedResourceClaimStatus),
  allocatedResources: map(quantity),
  resources: ptr(resourceRequirements),
  nodeAllocatableResourceClaimStatuses: atomicList(nodeAllocatableResourceClaimStatus),
});
