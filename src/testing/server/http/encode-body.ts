import type { KubeObject } from '../../../core/object.ts';
import { encodeObject } from '../protobuf/index.ts';
import { goJson, goJsonIndented } from '../go/go-json.ts';
import { GoYamlError, toGoYaml } from '../go/go-yaml.ts';
import { mediaTypeOf, type MediaFormat } from './negotiate.ts';
import { internalError } from './status.ts';

/** An answer's body as bytes on the wire, and the Content-Type that names them. */
export interface EncodedBody {
  readonly contentType: string;
  readonly body: string | Uint8Array;
  /** The status to answer instead: kube-apiserver's 500 when its YAML encoder failed. */
  readonly status?: number;
}

/**
 * `object` in `format`: JSON as Go's encoder writes it (one line and a newline, or
 * indented two spaces when pretty), YAML byte for byte as kube-apiserver writes it
 * (toGoYaml), or Kubernetes protobuf.
 */
export function encodeBody(format: MediaFormat, object: KubeObject, options: { pretty?: boolean } = {}): EncodedBody {
  const contentType = mediaTypeOf(format);
  if (format === 'protobuf') return { contentType, body: encodeObject(object) };
  if (format === 'yaml') return yamlBody(contentType, object);
  return { contentType: mediaTypeOf('json'), body: toJson(object, options.pretty ?? false) };
}

/** Go's json.Encoder ends a compact body with a newline; its MarshalIndent (pretty) does not. */
export const toJson = (value: unknown, pretty = false): string => (pretty ? goJsonIndented(value) : goJson(value));

/** A few strings have no YAML form; kube-apiserver answers a 500 Status (in YAML) instead. */
function yamlBody(contentType: string, object: KubeObject): EncodedBody {
  try {
    return { contentType, body: toGoYaml(object) };
  } catch (error) {
    if (!(error instanceof GoYamlError)) throw error;
    return { contentType, status: 500, body: toGoYaml(internalError(error.message).body) };
  }
}
