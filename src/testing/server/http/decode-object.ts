import type { KubeObject } from '../../../core/object.ts';
import { groupVersion, type ResourceType, isCustomResource } from '../resource-type.ts';
import { decodeJson } from './decode-json.ts';
import { protobufMediaType } from '../protobuf/index.ts';
import { decodeProtobufObject } from './decode-protobuf.ts';
import { decodeYaml } from './decode-yaml.ts';
import { quoteBody } from '../go/go-json-error.ts';
import { kindDecodeError, kindFinderError, namedKind, versionOf } from './kind-decoding.ts';
import { mediaTypes } from './negotiate.ts';
import { badRequest, unknownBodyFormat } from './status.ts';

/** CBOR and anything else unknown is refused with 415, naming what is accepted. */
const unknownFormat = () => unknownBodyFormat(mediaTypes);

/** The struct kube-apiserver first decodes a body into, to find its apiVersion and kind. */
export const typeOfKindFinder =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * Decodes the body of a create or update as kube-apiserver does: JSON with an optional
 * apiVersion and kind that, when given, must be the resource's own, and values of the
 * types Go expects.
 */
export function decodeObject(
  body: string,
  type: ResourceType,
  contentType = 'application/json',
  bytes: Uint8Array = Buffer.from(body),
): KubeObject {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/yaml') return decodeYamlObject(body, type);
  if (mediaType === protobufMediaType && !isCustomResource(type)) {
    return decodeProtobufObject(bytes, type);
  }
  if (mediaType !== 'application/json' && mediaType !== '' && mediaType !== '*/*') throw unknownFormat();
  const unrecognized = (detail: string) =>
    badRequest(
      `the object provided is unrecognized (must be of type ${type.kind}): couldn't get version/kind; json parse error: ${detail} (${quoteBody(body)})`,
    );
  const decoded = decodeJson(body);
  if ('error' in decoded) throw unrecognized(decoded.error);
  const parsed = decoded.value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const goType = Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed;
    if (parsed === null) return {};
    throw unrecognized(
      `json: cannot unmarshal ${goType === 'boolean' ? 'bool' : goType} into Go value of type ${typeOfKindFinder}`,
    );
  }
  const object = parsed as KubeObject;
  const finderError = kindFinderError(object);
  if (finderError !== undefined) throw unrecognized(finderError);
  const { apiVersion, kind } = namedKind(object, type);
  const error = kindDecodeError(object, type);
  if (error !== undefined) {
    throw badRequest(`${kind} in version "${versionOf(apiVersion)}" cannot be handled as a ${type.kind}: ${error}`);
  }
  return { ...object, apiVersion: groupVersion(type), kind: type.kind };
}

function decodeYamlObject(body: string, type: ResourceType): KubeObject {
  const unrecognized = (detail: string) =>
    badRequest(`the object provided is unrecognized (must be of type ${type.kind}): ${detail}`);
  const decoded = decodeYaml(body);
  if ('goError' in decoded) throw unrecognized(`${decoded.goError} (${quoteBody(body)})`);
  if ('parseError' in decoded) throw unrecognized(decoded.parseError.message.split('\n')[0] ?? '');
  return decodeObject(JSON.stringify(decoded.value ?? null), type);
}
