// apps/v1 Deployment, spec and status.
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import {
  always,
  boolean,
  field,
  integer,
  intOrString,
  mapList,
  mergedBy,
  ptr,
  string,
  struct,
  time,
} from './define.ts';
import { labelSelector, objectMeta } from './meta-v1.ts';
import { podTemplateSpec } from './core-v1-pod-spec.ts';

export const rollingUpdateDeployment = struct({
  maxUnavailable: ptr(intOrString),
  maxSurge: ptr(intOrString),
});

export const deploymentStrategy = struct({
  type: string,
  rollingUpdate: ptr(rollingUpdateDeployment),
});

export const deploymentSpec = struct({
  replicas: ptr(integer),
  selector: ptr(labelSelector, { omitEmpty: false }),
  template: always(podTemplateSpec),
  strategy: field(deploymentStrategy, { patchStrategy: 'retainKeys' }),
  minReadySeconds: integer,
  revisionHistoryLimit: ptr(integer),
  paused: boolean,
  progressDeadlineSeconds: ptr(integer),
});

export const deploymentCondition = struct({
  type: always(string),
  status: always(string),
  lastUpdateTime: time,
  lastTransitionTime: time,
  reason: string,
  message: string,
});

export const deploymentStatus = struct({
  observedGeneration: integer,
  replicas: integer,
  updatedReplicas: integer,
  readyReplicas: integer,
  availableReplicas: integer,
  unavailableReplicas: integer,
  terminatingReplicas: ptr(integer),
  conditions: mergedBy('type', mapList(deploymentCondition, ['type'], { type: '' })),
  collisionCount: ptr(integer),
});

export const deployment = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  spec: deploymentSpec,
  status: deploymentStatus,
});
