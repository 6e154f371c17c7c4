import type { KubeObject } from '../../../core/object.ts';
import { goJsonKind } from '../patch/json-value.ts';
import { groupVersion, internalPackage, type ResourceType } from '../resource-type.ts';
import { goQuote } from '../go/go-quote.ts';
import { customResource, schemaFor } from '../schema/index.ts';
import { jsonTypeError } from './schema-type-errors.ts';

/**
 * Go's error decoding the apiVersion and kind of `object` into strings, kube-apiserver's
 * first pass over a body: `json: cannot unmarshal number into Go struct field .kind of type string`.
 */
export function kindFinderError(object: KubeObject): string | undefined {
  // In document order, as Go decodes.
  for (const [field, value] of Object.entries(object)) {
    if ((field === 'apiVersion' || field === 'kind') && value !== null && typeof value !== 'string') {
      return `json: cannot unmarshal ${goJsonKind(value)} into Go struct field .${field} of type string`;
    }
  }
  return undefined;
}

/** The kind an object names, as kube-apiserver reads it: its own, or (absent or "") the resource's. */
export function namedKind(object: KubeObject, type: ResourceType): { apiVersion: string; kind: string } {
  return { apiVersion: object.apiVersion || groupVersion(type), kind: object.kind || type.kind };
}

/** `v1` of `apps/v1`, as Go's messages name a version. */
export const versionOf = (apiVersion: string) => apiVersion.slice(apiVersion.indexOf('/') + 1);

/**
 * Go's error decoding `object` for a resource of `type`: kube-apiserver finds its apiVersion
 * and kind (see kindFinderError), decodes JSON into
 * the Go type the object names, refusing values of the wrong type (for the resource's own
 * kind, or another one served here), then converts it to the resource's, which fails for
 * any other kind. Undefined when it decodes.
 */
export function kindDecodeError(object: KubeObject, type: ResourceType): string | undefined {
  const finderError = kindFinderError(object);
  if (finderError !== undefined) return `couldn't get version/kind; json parse error: ${finderError}`;
  const expectedVersion = groupVersion(type);
  const { apiVersion, kind } = namedKind(object, type);
  const schema = schemaFor(expectedVersion, type.kind);
  const custom = schema === customResource;
  const sameKind = kind === type.kind && apiVersion === expectedVersion;
  const named = sameKind ? schema : schemaFor(apiVersion, kind);
  if (sameKind || (!custom && named !== customResource)) {
    const typeError = jsonTypeError(object, named, custom);
    if (typeError !== undefined || sameKind) return typeError;
  }
  return kind !== type.kind
    ? `converting (${versionOf(apiVersion)}.${kind}) to (${internalPackage(type)}.${type.kind}): unknown conversion`
    : `no kind ${goQuote(kind)} is registered for version ${goQuote(apiVersion)} in scheme "pkg/runtime/scheme.go:111"`;
}
