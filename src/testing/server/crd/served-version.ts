// A CRD's versions share one store; with `conversion: None` kube-apiserver converts an
// object between them by its apiVersion alone. So every answer of a custom resource
// carries the apiVersion of the version it was asked through (an object, or a list's items).
import type { KubeObject } from '../../../core/object.ts';
import { groupVersion, isCustomResource, type ResourceType } from '../resource-type.ts';

export function inServedVersion(type: ResourceType, object: KubeObject): KubeObject {
  if (!isCustomResource(type)) return object;
  const apiVersion = groupVersion(type);
  const convert = (item: KubeObject): KubeObject =>
    item.kind === type.kind && item.apiVersion !== apiVersion ? { ...item, apiVersion } : item;
  if (object.kind === `${type.kind}List` && Array.isArray(object.items)) {
    return { ...object, items: (object.items as KubeObject[]).map(convert) };
  }
  return convert(object);
}
