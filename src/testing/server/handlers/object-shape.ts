import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../../core/object.ts';
import { isJsonObject, setOwn } from '../patch/json-value.ts';
import type { ResourceType } from '../resource-type.ts';

const metadataOrder = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** The object with keys in the order kube-apiserver writes them (readers see the same JSON). */
export function inServerOrder(object: KubeObject): KubeObject {
  const { kind, apiVersion, metadata, spec, status, ...rest } = object;
  const orderedMetadata: Record<string, unknown> = {};
  if (metadata) {
    for (const key of metadataOrder) if (metadata[key] !== undefined) orderedMetadata[key] = metadata[key];
    for (const [key, value] of Object.entries(metadata)) if (!(key in orderedMetadata)) orderedMetadata[key] = value;
  }
  return {
    kind,
    apiVersion,
    metadata: orderedMetadata,
    ...rest,
    ...(spec !== undefined && { spec }),
    ...(status !== undefined && { status }),
  };
}

/**
 * Puts the keys of `object.metadata` in the order Go writes them, in place: callers that
 * tell parts of an object apart by identity (which parts a patch touched) keep working.
 */
export function orderMetadataInPlace(object: KubeObject): void {
  const metadata: unknown = object.metadata;
  if (!isJsonObject(metadata)) return;
  const rank = (key: string) => (metadataOrder.includes(key) ? metadataOrder.indexOf(key) : metadataOrder.length);
  const entries = Object.entries(metadata).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key] of entries) Reflect.deleteProperty(metadata, key);
  for (const [key, value] of entries) setOwn(metadata, key, value);
}

/** Whether a write must raise metadata.generation, by the resource's rule. */
export function generationChanged(type: ResourceType, before: KubeObject, after: KubeObject): boolean {
  switch (type.generation) {
    case 'none':
      return false;
    case 'spec':
      return !isDeepStrictEqual(before.spec, after.spec);
    case 'spec-and-annotations':
      return (
        !isDeepStrictEqual(before.spec, after.spec) ||
        !isDeepStrictEqual(before.metadata?.annotations, after.metadata?.annotations)
      );
    case 'all-but-metadata': {
      // Status too, unless it is a subresource (then the write kept the stored one).
      const { metadata: _m1, ...restBefore } = before;
      const { metadata: _m2, ...restAfter } = after;
      return !isDeepStrictEqual(restBefore, restAfter);
    }
    case 'all-but-metadata-or-labels': {
      // EndpointSlice: anything outside metadata, and its labels (they name the Service).
      const { metadata: before1, ...restBefore } = before;
      const { metadata: after1, ...restAfter } = after;
      const labels = (metadata: KubeObject['metadata']) =>
        metadata?.labels !== undefined && Object.keys(metadata.labels).length > 0 ? metadata.labels : undefined;
      return !isDeepStrictEqual(restBefore, restAfter) || !isDeepStrictEqual(labels(before1), labels(after1));
    }
  }
}

/**
 * Equal but for resourceVersion: such a write changes nothing. managedFields count (a
 * write may change only them, as kubectl does before its first server-side apply); a
 * true no-op leaves them as they were, time included.
 */
export function sameContent(a: KubeObject, b: KubeObject): boolean {
  return isDeepStrictEqual(withoutResourceVersion(a), withoutResourceVersion(b));
}

function withoutResourceVersion(object: KubeObject): KubeObject {
  const { resourceVersion: _rv, ...metadata } = object.metadata ?? {};
  return { ...object, metadata };
}
