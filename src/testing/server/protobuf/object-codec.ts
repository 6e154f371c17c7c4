import type protobuf from 'protobufjs';
import type { KubeObject } from '../../../core/object.ts';
import { messageOf } from './descriptors.ts';
import { goQuote } from '../go/go-quote.ts';
import { decodeEnvelope, encodeEnvelope } from './envelope.ts';
import { ProtobufDecodeError } from './errors.ts';
import { checkLikeGogo } from './gogo-check.ts';
import { messageFromJson } from './from-json.ts';
import type { WireObject } from './own-json.ts';
import { messageToJson } from './to-json.ts';

/** The `k8s\0` envelope and message Go writes for `object`, typed by its apiVersion and kind. */
export function encodeObject(object: KubeObject): Uint8Array {
  const { apiVersion = '', kind = '' } = object;
  const type = messageOf(apiVersion, kind);
  if (!type) throw new TypeError(`protobuf: no protobuf message for kind "${kind}" in "${apiVersion}"`);
  const raw = type.encode(messageFromJson(type, object, kind)).finish();
  return encodeEnvelope(apiVersion, kind, raw);
}

/** The apiVersion and kind of an object. */
export interface TypeMeta {
  readonly apiVersion: string;
  readonly kind: string;
}

/**
 * The JSON form of an enveloped protobuf object, as kube-apiserver would write it in JSON,
 * with apiVersion and kind from the envelope; an empty kind or version there is taken
 * from `defaults` (kube-apiserver passes the URL's). Throws a ProtobufDecodeError with
 * Go's message for what kube-apiserver would refuse.
 */
export function decodeObject(bytes: Uint8Array, defaults?: TypeMeta): KubeObject {
  const { apiVersion, kind, raw, quoted } = readEnvelope(bytes, defaults);
  return decodeRaw(raw, { apiVersion, kind }, quoted);
}

/**
 * The envelope in `bytes`: its apiVersion and kind after Go's defaulting from `defaults`
 * (refused when still missing), and the object's own bytes.
 */
export function readEnvelope(bytes: Uint8Array, defaults?: TypeMeta): TypeMeta & { raw: Uint8Array; quoted: TypeMeta } {
  const envelope = decodeEnvelope(bytes);
  const { apiVersion, kind } = withDefaults(envelope, defaults);
  const { quoted } = envelope;
  const typeMeta = `runtime.TypeMeta{APIVersion:${quoted.apiVersion}, Kind:${quoted.kind}}`;
  if (kind === '') throw new ProtobufDecodeError(`Object 'Kind' is missing in '${typeMeta}'`);
  if (apiVersion === '' || apiVersion.endsWith('/'))
    throw new ProtobufDecodeError(`Object 'apiVersion' is missing in '${typeMeta}'`);
  // Quoted from the envelope's own bytes where defaulting kept them.
  const quote = (value: string, sent: string, sentQuoted: string) => (value === sent ? sentQuoted : goQuote(value));
  return {
    apiVersion,
    kind,
    raw: envelope.raw,
    quoted: {
      apiVersion: quote(apiVersion, envelope.apiVersion, quoted.apiVersion),
      kind: quote(kind, envelope.kind, quoted.kind),
    },
  };
}

/** The JSON form of `raw`, the bytes of an object of `typeMeta`'s kind; Go's errors as for decodeObject. */
export function decodeRaw(raw: Uint8Array, typeMeta: TypeMeta, quoted?: TypeMeta): KubeObject {
  const { apiVersion, kind } = typeMeta;
  const type = messageOf(apiVersion, kind);
  if (!type) throw new ProtobufDecodeError(notRegistered(typeMeta, quoted), { apiVersion, kind, quoted });
  try {
    return { kind, apiVersion, ...messageToJson(type, decodeMessage(type, raw), decodeObject) };
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw new ProtobufDecodeError(error.message, { apiVersion, kind });
    throw error;
  }
}

// apimachinery's FromAPIVersionAndKind, then copyKindDefaults: an apiVersion that does not
// parse counts as none, and an empty version takes the defaults' group and version.
function withDefaults(envelope: TypeMeta, defaults: TypeMeta | undefined): TypeMeta {
  const parsed = parseGroupVersion(envelope.apiVersion);
  if (!defaults) return { apiVersion: groupVersionString(parsed), kind: envelope.kind };
  const kind = envelope.kind || defaults.kind;
  const fallback = parseGroupVersion(defaults.apiVersion);
  const chosen = parsed.version === '' && fallback.version !== '' ? fallback : parsed;
  return { apiVersion: groupVersionString(chosen), kind };
}

interface GroupVersion {
  readonly group: string;
  readonly version: string;
}

// apimachinery's ParseGroupVersion, with "no version" for what it refuses.
function parseGroupVersion(apiVersion: string): GroupVersion {
  const parts = apiVersion === '/' ? [''] : apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] ?? '' };
  if (parts.length === 2) return { group: parts[0] ?? '', version: parts[1] ?? '' };
  return { group: '', version: '' };
}

const groupVersionString = ({ group, version }: GroupVersion) => (group === '' ? version : `${group}/${version}`);

/**
 * Go's runtime.NewNotRegisteredErrForKind message, naming the scheme as kube-apiserver
 * v1.36.3 does; `quoted` when the values came as bytes (see goQuoteBytes).
 */
export function notRegistered(typeMeta: TypeMeta, quoted?: TypeMeta): string {
  const { apiVersion, kind } = quoted ?? { apiVersion: goQuote(typeMeta.apiVersion), kind: goQuote(typeMeta.kind) };
  return `no kind ${kind} is registered for version ${apiVersion} in scheme "pkg/runtime/scheme.go:111"`;
}

/**
 * The message decoded by protobufjs (only the fields on the wire are own properties),
 * after checking the bytes as gogo's code would, so that errors are kube-apiserver's.
 */
export function decodeMessage(type: protobuf.Type, raw: Uint8Array): WireObject {
  const kept = checkLikeGogo(type, raw);
  try {
    return type.decode(kept);
  } catch (error) {
    // gogo's check passed: only limits of protobufjs's own (its nesting depth) are left.
    throw new ProtobufDecodeError(`proto: ${error instanceof Error ? error.message : String(error)}`);
  }
}
