/**
 * Orders two resourceVersions of objects of one resource, as Kubernetes 1.35 lets clients
 * (KEP-5504, client-go's `resourceversion.CompareResourceVersion`): decimal integers without
 * leading zeros, a later write's always greater. Undefined when either is not such a number
 * (an older or another server): then only equality means anything.
 */
export function compareResourceVersions(a: string, b: string): number | undefined {
  if (!isComparableResourceVersion(a) || !isComparableResourceVersion(b)) return undefined;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `resourceVersion` is one Kubernetes 1.35+ lets clients compare: a positive integer. */
export const isComparableResourceVersion = (resourceVersion: string): boolean => /^[1-9][0-9]*$/.test(resourceVersion);
