// autoscaling/v1 Scale, what the scale subresource of a Deployment reads and writes.
// Transcribed from the Go types of k8s.io/api v0.36.3; fields in Go declaration order.
import { always, integer, string, struct } from './define.ts';
import { objectMeta } from './meta-v1.ts';

export const scaleSpec = struct({
  replicas: integer,
});

export const scaleStatus = struct({
  replicas: always(integer),
  selector: string,
});

export const scale = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  spec: scaleSpec,
  status: scaleStatus,
});
