// core/v1 Pod.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { string, struct } from './define.ts';
import { objectMeta } from './meta-v1.ts';
import { podSpec } from './core-v1-pod-spec.ts';
import { podStatus } from './core-v1-pod-status.ts';

export const pod = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  spec: podSpec,
  status: podStatus,
});
