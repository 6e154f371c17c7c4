/**
 * Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`) for the embedded
 * server: the `k8s\0` envelope, the messages of the kinds in tools/protobuf/roots.ts
 * (generated from k8s.io/api v0.36.3), and watch stream frames. Objects go in and come
 * out in their JSON form, exactly as kube-apiserver writes that JSON. The descriptors
 * are parsed on first use.
 * @packageDocumentation
 */
import { protobufKinds } from './descriptors.generated.ts';

export { badRequestMessage, ProtobufDecodeError } from './errors.ts';
export { decodeObject, decodeRaw, encodeObject, notRegistered, readEnvelope, type TypeMeta } from './object-codec.ts';
export { decodeWatchFrames, encodeWatchEvent, type ProtobufWatchEvent } from './watch.ts';

/** The media type of Kubernetes protobuf bodies. */
export const protobufMediaType = 'application/vnd.kubernetes.protobuf';

let kinds: ReadonlySet<string> | undefined;

/**
 * Whether objects of `kind` in `apiVersion` have a protobuf form here (custom resources do
 * not). Cheap: it loads neither protobufjs nor the descriptors.
 */
export function hasProtobufMessage(apiVersion: string, kind: string): boolean {
  kinds ??= new Set(protobufKinds);
  return kinds.has(`${apiVersion}/${kind}`);
}
