// core/v1 security contexts of containers and pods.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { always, atomicList, boolean, integer, ptr, string, struct } from './define.ts';

export const capabilities = struct({
  add: atomicList(string),
  drop: atomicList(string),
});

export const seLinuxOptions = struct({
  user: string,
  role: string,
  type: string,
  level: string,
});

export const windowsSecurityContextOptions = struct({
  gmsaCredentialSpecName: ptr(string),
  gmsaCredentialSpec: ptr(string),
  runAsUserName: ptr(string),
  hostProcess: ptr(boolean),
});

export const seccompProfile = struct({
  type: always(string),
  localhostProfile: ptr(string),
});

export const appArmorProfile = struct({
  type: always(string),
  localhostProfile: ptr(string),
});

export const securityContext = struct({
  capabilities: ptr(capabilities),
  privileged: ptr(boolean),
  seLinuxOptions: ptr(seLinuxOptions),
  windowsOptions: ptr(windowsSecurityContextOptions),
  runAsUser: ptr(integer),
  runAsGroup: ptr(integer),
  runAsNonRoot: ptr(boolean),
  readOnlyRootFilesystem: ptr(boolean),
  allowPrivilegeEscalation: ptr(boolean),
  procMount: ptr(string),
  seccompProfile: ptr(seccompProfile),
  appArmorProfile: ptr(appArmorProfile),
});

export const sysctl = struct({
  name: always(string),
  value: always(string),
});

export const podSecurityContext = struct({
  seLinuxOptions: ptr(seLinuxOptions),
  windowsOptions: ptr(windowsSecurityContextOptions),
  runAsUser: ptr(integer),
  runAsGroup: ptr(integer),
  runAsNonRoot: ptr(boolean),
  supplementalGroups: atomicList(integer),
  supplementalGroupsPolicy: ptr(string),
  fsGroup: ptr(integer),
  sysctls: atomicList(sysctl),
  fsGroupChangePolicy: ptr(string),
  seccompProfile: ptr(seccompProfile),
  appArmorProfile: ptr(appArmorProfile),
  seLinuxChangePolicy: ptr(string),
});
