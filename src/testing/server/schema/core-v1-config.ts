// core/v1 ConfigMap and Secret.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { boolean, bytes, map, ptr, string, struct } from './define.ts';
import { objectMeta } from './meta-v1.ts';

export const configMap = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  immutable: ptr(boolean),
  data: map(string),
  binaryData: map(bytes),
});

export const secret = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  immutable: ptr(boolean),
  data: map(bytes),
  stringData: map(string),
  type: string,
});
