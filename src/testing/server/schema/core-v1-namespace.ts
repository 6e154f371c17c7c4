// core/v1 Namespace.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { always, atomicList, mapList, mergedBy, string, struct, time } from './define.ts';
import { objectMeta } from './meta-v1.ts';

export const namespaceSpec = struct({
  finalizers: atomicList(string),
});

export const namespaceCondition = struct({
  type: always(string),
  status: always(string),
  lastTransitionTime: time,
  reason: string,
  message: string,
});

export const namespaceStatus = struct({
  phase: string,
  conditions: mergedBy('type', mapList(namespaceCondition, ['type'], { type: '' })),
});

export const namespace = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  spec: namespaceSpec,
  status: namespaceStatus,
});
