import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../kube-object.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { goJsonSyntaxError, quoteBody } from './go-json-error.ts';
import { badRequest, StatusError } from './status.ts';

/**
 * The embedded server reads JSON and YAML. Kubernetes protobuf (which kubectl's typed
 * commands such as `create deployment` send) and CBOR are refused with 415, naming what
 * is accepted; kube-apiserver itself also accepts protobuf.
 */
const unknownFormat = () =>
  new StatusError(
    415,
    'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
    'UnsupportedMediaType',
  );

const typeOfKindFinder =
  'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * Decodes the body of a create or update as kube-apiserver does: JSON with an optional
 * apiVersion and kind that, when given, must be the resource's own.
 */
export function decodeObject(body: string, type: ResourceType, contentType = 'application/json'): KubeObject {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/yaml') return decodeYaml(body, type);
  if (mediaType !== 'application/json' && mediaType !== '' && mediaType !== '*/*') throw unknownFormat();
  const unrecognized = (detail: string) =>
    badRequest(
      `the object provided is unrecognized (must be of type ${type.kind}): couldn't get version/kind; json parse error: ${detail} (${quoteBody(body)})`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw unrecognized(goJsonSyntaxError(body) ?? 'invalid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const goType = Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed;
    if (parsed === null) return {};
    throw unrecognized(
      `json: cannot unmarshal ${goType === 'boolean' ? 'bool' : goType} into Go value of type ${typeOfKindFinder}`,
    );
  }
  const object = parsed as KubeObject;
  const expectedVersion = groupVersion(type);
  const kind = object.kind ?? type.kind;
  const apiVersion = object.apiVersion ?? expectedVersion;
  if (kind !== type.kind || apiVersion !== expectedVersion) {
    const reason =
      kind !== type.kind
        ? `converting (${versionOf(apiVersion)}.${kind}) to (${internalGroup(type)}.${type.kind}): unknown conversion`
        : `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/runtime/scheme.go:111"`;
    throw badRequest(`${kind} in version "${versionOf(apiVersion)}" cannot be handled as a ${type.kind}: ${reason}`);
  }
  return { ...object, apiVersion: expectedVersion, kind: type.kind };
}

const versionOf = (apiVersion: string) => apiVersion.slice(apiVersion.indexOf('/') + 1);
const internalGroup = (type: ResourceType) => (type.group === '' ? 'core' : (type.group.split('.')[0] ?? type.group));

function decodeYaml(body: string, type: ResourceType): KubeObject {
  let parsed: unknown;
  try {
    parsed = parseYaml(body);
  } catch (error) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${type.kind}): ${(error as Error).message.split('\n')[0] ?? ''}`,
    );
  }
  return decodeObject(JSON.stringify(parsed ?? null), type);
}
