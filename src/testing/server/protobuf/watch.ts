import type { KubeObject } from '../../../core/object.ts';
import { descriptors } from './descriptors.ts';
import { ProtobufDecodeError, unexpectedEof } from './errors.ts';
import { decodeMessage, decodeObject, encodeObject } from './object-codec.ts';

const watchEvent = 'k8s.io.apimachinery.pkg.apis.meta.v1.WatchEvent';

/** One decoded event of a protobuf watch stream. */
export interface ProtobufWatchEvent {
  readonly type: string;
  readonly object: KubeObject;
}

/**
 * One frame of an `application/vnd.kubernetes.protobuf;stream=watch` response, as
 * kube-apiserver writes it: a 4-byte big-endian length, then a meta/v1 WatchEvent without
 * envelope whose `object.raw` holds the enveloped object.
 */
export function encodeWatchEvent(type: string, object: KubeObject): Uint8Array {
  const message = descriptors().root.lookupType(watchEvent);
  const body = message.encode({ type, object: { raw: encodeObject(object) } }).finish();
  const frame = new Uint8Array(4 + body.length);
  new DataView(frame.buffer).setUint32(0, body.length);
  frame.set(body, 4);
  return frame;
}

/** The events of a whole protobuf watch stream (or of its complete frames so far). */
export function decodeWatchFrames(bytes: Uint8Array): ProtobufWatchEvent[] {
  const message = descriptors().root.lookupType(watchEvent);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const events: ProtobufWatchEvent[] = [];
  for (let offset = 0; offset < bytes.length;) {
    if (offset + 4 > bytes.length) throw new ProtobufDecodeError(unexpectedEof);
    const end = offset + 4 + view.getUint32(offset);
    if (end > bytes.length) throw new ProtobufDecodeError(unexpectedEof);
    const event = decodeMessage(message, bytes.subarray(offset + 4, end));
    const raw = (event.object as { raw?: Uint8Array } | undefined)?.raw ?? new Uint8Array();
    events.push({ type: typeof event.type === 'string' ? event.type : '', object: decodeObject(raw) });
    offset = end;
  }
  return events;
}
