import type { KubeObject } from '../../../core/object.ts';
import {
  badRequestMessage,
  decodeObject as decodeEnveloped,
  notRegistered,
  ProtobufDecodeError,
  readEnvelope,
  type TypeMeta,
} from '../protobuf/index.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { kindDecodeError, versionOf } from './kind-decoding.ts';
import { badRequest } from './status.ts';

/**
 * Decodes a protobuf body for a resource of `type` as kube-apiserver does: Go's message
 * for bytes it cannot read (400), and for an envelope naming another kind, the same
 * conversion error a JSON body naming it gets.
 */
export function decodeProtobufObject(bytes: Uint8Array, type: ResourceType): KubeObject {
  const object = decodeEnvelopedBody(bytes, type);
  const error = kindDecodeError(object, type);
  if (error !== undefined) {
    throw badRequest(
      `${object.kind ?? ''} in version "${versionOf(object.apiVersion ?? '')}" cannot be handled as a ${type.kind}: ${error}`,
    );
  }
  return { ...object, apiVersion: groupVersion(type), kind: type.kind };
}

/**
 * The scheme kube-apiserver decodes resources with knows meta.k8s.io/v1 only for its
 * unversioned kinds (Status): not WatchEvent or DeleteOptions, which the codec has.
 */
function refuseMetaKinds({ apiVersion, kind, quoted }: TypeMeta & { quoted: TypeMeta }): void {
  if (apiVersion === 'meta.k8s.io/v1' && kind !== 'Status')
    throw new ProtobufDecodeError(notRegistered({ apiVersion, kind }, quoted), { apiVersion, kind, quoted });
}

/** The JSON form of an enveloped protobuf body; 400 with kube-apiserver's message when unreadable. */
function decodeEnvelopedBody(bytes: Uint8Array, type: ResourceType): KubeObject {
  const defaults = { apiVersion: groupVersion(type), kind: type.kind };
  try {
    refuseMetaKinds(readEnvelope(bytes, defaults));
    return decodeEnveloped(bytes, defaults);
  } catch (error) {
    if (error instanceof ProtobufDecodeError) throw badRequest(badRequestMessage(error, type.kind, bytes));
    throw error;
  }
}
