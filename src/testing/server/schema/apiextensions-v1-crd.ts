// apiextensions.k8s.io/v1 CustomResourceDefinition.
// Transcribed from the Go types of k8s.io/apiextensions-apiserver v0.36.3 (json tags,
// pointers, list types); fields in Go declaration order. A version's openAPIV3Schema is
// kept as written (deduced): `versions` is an atomic list, so nobody owns inside it.
import { deduced } from './schema.ts';
import { always, atomicList, boolean, integer, mapList, ptr, string, struct, time } from './define.ts';
import { objectMeta } from './meta-v1.ts';

export const crdNames = struct({
  plural: always(string),
  singular: string,
  shortNames: atomicList(string),
  kind: always(string),
  listKind: string,
  categories: atomicList(string),
});

const printerColumn = struct({
  name: always(string),
  type: always(string),
  format: string,
  description: string,
  priority: integer,
  jsonPath: always(string),
});

const subresources = struct({
  status: ptr(struct({})),
  scale: ptr(
    struct({ specReplicasPath: always(string), statusReplicasPath: always(string), labelSelectorPath: ptr(string) }),
  ),
});

const crdVersion = struct({
  name: always(string),
  served: always(boolean),
  storage: always(boolean),
  deprecated: boolean,
  deprecationWarning: ptr(string),
  schema: ptr(struct({ openAPIV3Schema: ptr(deduced) })),
  subresources: ptr(subresources),
  additionalPrinterColumns: atomicList(printerColumn),
  selectableFields: atomicList(struct({ jsonPath: always(string) })),
});

const conversion = struct({
  strategy: always(string),
  webhook: ptr(deduced),
});

export const crdSpec = struct({
  group: always(string),
  names: always(crdNames),
  scope: always(string),
  versions: always(atomicList(crdVersion)),
  conversion: ptr(conversion),
  preserveUnknownFields: boolean,
});

const crdCondition = struct({
  type: always(string),
  status: always(string),
  lastTransitionTime: time,
  reason: string,
  message: string,
});

export const crdStatus = struct({
  conditions: always(mapList(crdCondition, ['type'], { type: '' })),
  acceptedNames: always(crdNames),
  storedVersions: always(atomicList(string)),
});

export const customResourceDefinition = struct({
  kind: string,
  apiVersion: string,
  metadata: objectMeta,
  spec: always(crdSpec),
  status: crdStatus,
});
