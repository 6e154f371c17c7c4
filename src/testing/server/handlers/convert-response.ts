import type { Conversion } from '../http/negotiate.ts';
import { StatusError } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import { internalPackage, isCustomResource, type ResourceType } from '../resource-type.ts';
import { asTableIfAsked } from '../table/table.ts';

/**
 * `body` (an object or a list of `type`) in the form the client negotiated: itself, a
 * Table, or only its metadata (`PartialObjectMetadata[List]`, what metadata-only
 * informers ask for).
 */
export function convertResponse(
  type: ResourceType,
  conversion: Conversion | undefined,
  query: URLSearchParams,
  body: KubeObject,
): KubeObject {
  if (conversion === undefined) return body;
  if (conversion.kind === 'Table') return asTableIfAsked(type, conversion, query, body);
  const apiVersion = `meta.k8s.io/${conversion.version}`;
  const partial = (object: KubeObject): KubeObject => ({
    kind: 'PartialObjectMetadata',
    apiVersion,
    metadata: object.metadata ?? {},
  });
  const isList = Array.isArray(body.items);
  if (conversion.kind === 'PartialObjectMetadata') {
    if (isList) {
      throw notAcceptable(
        `you requested PartialObjectMetadata, but the requested object is a list (${goListType(type)})`,
      );
    }
    return partial(body);
  }
  if (!isList) {
    throw notAcceptable(
      `you requested PartialObjectMetadataList, but the requested object is not a list (${goType(type)})`,
    );
  }
  const { resourceVersion, continue: next, remainingItemCount } = body.metadata ?? {};
  return {
    kind: 'PartialObjectMetadataList',
    apiVersion,
    metadata: {
      ...(resourceVersion !== undefined && { resourceVersion }),
      ...(typeof next === 'string' && next !== '' && { continue: next }),
      ...(remainingItemCount !== undefined && { remainingItemCount }),
    },
    items: (body.items as KubeObject[]).map(partial),
  };
}

const notAcceptable = (message: string) => new StatusError(406, message, 'NotAcceptable');

/** How Go's `%T` names the server's internal type: `*apps.Deployment`, `*core.Pod`. */
function goType(type: ResourceType): string {
  if (isCustomResource(type)) return '*unstructured.Unstructured';
  return `*${internalPackage(type)}.${type.kind}`;
}

const goListType = (type: ResourceType): string =>
  isCustomResource(type) ? '*unstructured.UnstructuredList' : `${goType(type)}List`;
