// core/v1 Container and EphemeralContainer, and the types of their fields.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import {
  always,
  atomicList,
  atomicStruct,
  boolean,
  integer,
  map,
  mapList,
  mergedBy,
  ptr,
  quantity,
  setList,
  string,
  struct,
} from './define.ts';
import {
  configMapKeySelector,
  objectFieldSelector,
  resourceFieldSelector,
  secretKeySelector,
} from './core-v1-references.ts';
import { lifecycle, probe } from './core-v1-probe.ts';
import { securityContext } from './core-v1-security-context.ts';

export const containerPort = struct({
  name: string,
  hostPort: integer,
  containerPort: always(integer),
  protocol: string,
  hostIP: string,
});

export const configMapEnvSource = struct({
  name: string,
  optional: ptr(boolean),
});

export const secretEnvSource = struct({
  name: string,
  optional: ptr(boolean),
});

export const envFromSource = struct({
  prefix: string,
  configMapRef: ptr(configMapEnvSource),
  secretRef: ptr(secretEnvSource),
});

export const fileKeySelector = atomicStruct({
  volumeName: always(string),
  path: always(string),
  key: always(string),
  optional: ptr(boolean),
});

export const envVarSource = struct({
  fieldRef: ptr(objectFieldSelector),
  resourceFieldRef: ptr(resourceFieldSelector),
  configMapKeyRef: ptr(configMapKeySelector),
  secretKeyRef: ptr(secretKeySelector),
  fileKeyRef: ptr(fileKeySelector),
});

export const envVar = struct({
  name: always(string),
  value: string,
  valueFrom: ptr(envVarSource),
});

export const resourceClaim = struct({
  name: always(string),
  request: string,
});

export const resourceRequirements = struct({
  limits: map(quantity),
  requests: map(quantity),
  claims: mapList(resourceClaim, ['name'], { name: '' }),
});

export const containerResizePolicy = struct({
  resourceName: always(string),
  restartPolicy: always(string),
});

export const containerRestartRuleOnExitCodes = struct({
  operator: string,
  values: setList(integer),
});

export const containerRestartRule = struct({
  action: string,
  exitCodes: ptr(containerRestartRuleOnExitCodes),
});

export const volumeMount = struct({
  name: always(string),
  readOnly: boolean,
  recursiveReadOnly: ptr(string),
  mountPath: always(string),
  subPath: string,
  mountPropagation: ptr(string),
  subPathExpr: string,
});

export const volumeDevice = struct({
  name: always(string),
  devicePath: always(string),
});

export const container = struct({
  name: always(string),
  image: string,
  command: atomicList(string),
  args: atomicList(string),
  workingDir: string,
  ports: mergedBy(
    'containerPort',
    mapList(containerPort, ['containerPort', 'protocol'], { containerPort: 0, protocol: 'TCP' }),
  ),
  envFrom: atomicList(envFromSource),
  env: mergedBy('name', mapList(envVar, ['name'], { name: '' })),
  resources: resourceRequirements,
  resizePolicy: atomicList(containerResizePolicy),
  restartPolicy: ptr(string),
  restartPolicyRules: atomicList(containerRestartRule),
  volumeMounts: mergedBy('mountPath', mapList(volumeMount, ['mountPath'], { mountPath: '' })),
  volumeDevices: mergedBy('devicePath', mapList(volumeDevice, ['devicePath'], { devicePath: '' })),
  livenessProbe: ptr(probe),
  readinessProbe: ptr(probe),
  startupProbe: ptr(probe),
  lifecycle: ptr(lifecycle),
  terminationMessagePath: string,
  terminationMessagePolicy: string,
  imagePullPolicy: string,
  securityContext: ptr(securityContext),
  stdin: boolean,
  stdinOnce: boolean,
  tty: boolean,
});

export const ephemeralContainer = struct({
  name: always(string),
  image: string,
  command: atomicList(string),
  args: atomicList(string),
  workingDir: string,
  ports: mergedBy(
    'containerPort',
    mapList(containerPort, ['containerPort', 'protocol'], { containerPort: 0, protocol: 'TCP' }),
  ),
  envFrom: atomicList(envFromSource),
  env: mergedBy('name', mapList(envVar, ['name'], { name: '' })),
  resources: resourceRequirements,
  resizePolicy: atomicList(containerResizePolicy),
  restartPolicy: ptr(string),
  restartPolicyRules: atomicList(containerRestartRule),
  volumeMounts: mergedBy('mountPath', mapList(volumeMount, ['mountPath'], { mountPath: '' })),
  volumeDevices: mergedBy('devicePath', mapList(volumeDevice, ['devicePath'], { devicePath: '' })),
  livenessProbe: ptr(probe),
  readinessProbe: ptr(probe),
  startupProbe: ptr(probe),
  lifecycle: ptr(lifecycle),
  terminationMessagePath: string,
  terminationMessagePolicy: string,
  imagePullPolicy: string,
  securityContext: ptr(securityContext),
  stdin: boolean,
  stdinOnce: boolean,
  tty: boolean,
  targetContainerName: string,
});
