import type protobuf from 'protobufjs';
import type { KubeObject } from '../kube-object.ts';
import { messageOf } from './descriptors.ts';
import { decodeEnvelope, encodeEnvelope } from './envelope.ts';
import { ProtobufDecodeError, unexpectedEof } from './errors.ts';
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

/**
 * The JSON form of an enveloped protobuf object, as kube-apiserver would write it in JSON,
 * with apiVersion and kind from the envelope. Throws a ProtobufDecodeError with Go's
 * message for what kube-apiserver would refuse.
 */
export function decodeObject(bytes: Uint8Array): KubeObject {
  const { apiVersion, kind, raw } = decodeEnvelope(bytes);
  const typeMeta = `runtime.TypeMeta{APIVersion:"${apiVersion}", Kind:"${kind}"}`;
  if (kind === '') throw new ProtobufDecodeError(`Object 'Kind' is missing in '${typeMeta}'`);
  if (apiVersion === '') throw new ProtobufDecodeError(`Object 'apiVersion' is missing in '${typeMeta}'`);
  const type = messageOf(apiVersion, kind);
  if (!type) throw new ProtobufDecodeError(notRegistered(apiVersion, kind), { apiVersion, kind });
  return { kind, apiVersion, ...messageToJson(type, decodeMessage(type, raw), decodeObject) };
}

/** Go's runtime.NewNotRegisteredErrForKind message, naming the scheme as kube-apiserver v1.36.3 does. */
function notRegistered(apiVersion: string, kind: string): string {
  return `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/runtime/scheme.go:111"`;
}

/** The fields on the wire, int64s as numbers; protobufjs's errors worded as gogo's. */
export function decodeMessage(type: protobuf.Type, raw: Uint8Array): WireObject {
  try {
    return type.toObject(type.decode(raw), { longs: Number });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError || message.startsWith('index out of range'))
      throw new ProtobufDecodeError(unexpectedEof);
    const wireType = /invalid wire type (\d+)/.exec(message)?.[1];
    if (wireType !== undefined) throw new ProtobufDecodeError(`proto: illegal wireType ${wireType}`);
    throw new ProtobufDecodeError(`proto: ${message}`);
  }
}
