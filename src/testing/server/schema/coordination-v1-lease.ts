// coordination.k8s.io/v1 Lease.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import { integer, ptr, string, struct, time } from './define.ts';
import { objectMeta } from './meta-v1.ts';

export const leaseSpec = struct({
  holderIdentity: ptr(string),
  leaseDurationSeconds: ptr(integer),
  acquireTime: ptr(time),
  renewTime: ptr(time),
  leaseTransitions: ptr(integer),
  strategy: ptr(string),
  preferredHolder: ptr(string),
});

export const lease = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  spec: leaseSpec,
});
