// Small core/v1 reference and selector types shared by containers, volumes and pods.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { always, atomicStruct, boolean, integer, ptr, quantity, string, struct } from './define.ts';

export const localObjectReference = atomicStruct({
  name: string,
});

export const keyToPath = struct({
  key: always(string),
  path: always(string),
  mode: ptr(integer),
});

export const objectFieldSelector = atomicStruct({
  apiVersion: string,
  fieldPath: always(string),
});

export const resourceFieldSelector = atomicStruct({
  containerName: string,
  resource: always(string),
  divisor: quantity,
});

export const configMapKeySelector = atomicStruct({
  name: string,
  key: always(string),
  optional: ptr(boolean),
});

export const secretKeySelector = atomicStruct({
  name: string,
  key: always(string),
  optional: ptr(boolean),
});

export const typedLocalObjectReference = atomicStruct({
  apiGroup: ptr(string, { omitEmpty: false }),
  kind: always(string),
  name: always(string),
});

export const typedObjectReference = struct({
  apiGroup: ptr(string, { omitEmpty: false }),
  kind: always(string),
  name: always(string),
  namespace: ptr(string),
});
