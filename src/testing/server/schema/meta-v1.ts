// ObjectMeta and the meta/v1 types it and label selectors use (k8s.io/apimachinery meta/v1).
// Transcribed from the Go types of k8s.io/api v0.36.3 (reflection for pointers and json
// options, kube-apiserver v1.36.3's OpenAPI for list, map and struct types and patch
// tags); fields in Go declaration order.
import {
  always,
  atomicList,
  atomicStruct,
  boolean,
  field,
  integer,
  map,
  mapList,
  mergedBy,
  ptr,
  setList,
  string,
  struct,
  time,
} from './define.ts';
import { deduced } from './schema.ts';

export const ownerReference = atomicStruct({
  apiVersion: always(string),
  kind: always(string),
  name: always(string),
  uid: always(string),
  controller: ptr(boolean),
  blockOwnerDeletion: ptr(boolean),
});

export const managedFieldsEntry = struct({
  manager: string,
  operation: string,
  apiVersion: string,
  time: ptr(time),
  fieldsType: string,
  fieldsV1: ptr(deduced),
  subresource: string,
});

export const objectMeta = struct({
  name: string,
  generateName: string,
  namespace: string,
  selfLink: string,
  uid: string,
  resourceVersion: string,
  generation: integer,
  creationTimestamp: field(time, { omitZero: true }),
  deletionTimestamp: ptr(time),
  deletionGracePeriodSeconds: ptr(integer),
  labels: map(string),
  annotations: map(string),
  ownerReferences: mergedBy('uid', mapList(ownerReference, ['uid'], { uid: '' })),
  finalizers: field(setList(string), { patchStrategy: 'merge' }),
  managedFields: atomicList(managedFieldsEntry),
});

export const labelSelectorRequirement = struct({
  key: always(string),
  operator: always(string),
  values: atomicList(string),
});

export const labelSelector = atomicStruct({
  matchLabels: map(string),
  matchExpressions: atomicList(labelSelectorRequirement),
});
