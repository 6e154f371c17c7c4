import { Document } from 'yaml';
import type { KubeObject } from '../kube-object.ts';
import { goEscape, goJson } from './go-json.ts';
import { mediaTypeOf, type MediaFormat } from './negotiate.ts';

/** An answer's body as bytes on the wire, and the Content-Type that names them. */
export interface EncodedBody {
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

/** Encodes a protobuf body; given by the server once the protobuf codec is loaded. */
export type ProtobufEncoder = (object: KubeObject) => Uint8Array;

/**
 * `object` in `format`: JSON as Go's encoder writes it (one line and a newline, or
 * indented two spaces when pretty), YAML as sigs.k8s.io/yaml writes it (keys sorted), or
 * protobuf through `protobuf`.
 */
export function encodeBody(
  format: MediaFormat,
  object: KubeObject,
  options: { pretty?: boolean; protobuf?: ProtobufEncoder } = {},
): EncodedBody {
  const contentType = mediaTypeOf(format);
  if (format === 'protobuf' && options.protobuf) return { contentType, body: options.protobuf(object) };
  if (format === 'yaml') return { contentType, body: toYaml(object) };
  return { contentType: mediaTypeOf('json'), body: toJson(object, options.pretty ?? false) };
}

/** Go's json.Encoder ends a compact body with a newline; its MarshalIndent (pretty) does not. */
export const toJson = (value: unknown, pretty = false): string => (pretty ? goIndented(value) : goJson(value));

/** Go's json.MarshalIndent with two spaces: HTML-safe escapes, no final newline. */
export const goIndented = (value: unknown): string => goEscape(JSON.stringify(value, null, 2));

/** go-yaml's order of map keys: runs of digits compare as numbers, the rest by code point. */
export function naturalKeyOrder(a: string, b: string): number {
  const pattern = /(\d+|\D+)/g;
  const left = a.match(pattern) ?? [];
  const right = b.match(pattern) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

function toYaml(value: unknown): string {
  const document = new Document(value, {
    sortMapEntries: (a, b) => naturalKeyOrder(String(a.key), String(b.key)),
  });
  return document.toString({ lineWidth: 0, defaultStringType: 'PLAIN', singleQuote: true, indentSeq: false });
}
