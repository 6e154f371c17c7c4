import { ProtobufDecodeError, unexpectedEof } from './errors.ts';
import { protobufjs } from './load-protobufjs.ts';
import { goQuoteBytes } from '../go/go-quote-bytes.ts';
import { GoWireReader, wrongWireType } from './wire.ts';

/** The 4 bytes that start every Kubernetes protobuf object: `k8s` and a zero byte. */
export const envelopeMagic: Uint8Array = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** runtime.Unknown, the message after the magic: the object's type, then its own bytes. */
export interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
  /** apiVersion and kind as Go's %q quotes their bytes (which need not be UTF-8). */
  quoted: { apiVersion: string; kind: string };
}

/** The magic and a runtime.Unknown, field for field as Go's gogo code writes it. */
export function encodeEnvelope(apiVersion: string, kind: string, raw: Uint8Array): Uint8Array {
  const writer = protobufjs().Writer.create();
  writer.uint32((1 << 3) | 2).fork();
  writer.uint32((1 << 3) | 2).string(apiVersion);
  writer.uint32((2 << 3) | 2).string(kind);
  writer.ldelim();
  writer.uint32((2 << 3) | 2).bytes(raw);
  writer.uint32((3 << 3) | 2).string('');
  writer.uint32((4 << 3) | 2).string('');
  const message = writer.finish();
  const out = new Uint8Array(envelopeMagic.length + message.length);
  out.set(envelopeMagic);
  out.set(message, envelopeMagic.length);
  return out;
}

/**
 * The runtime.Unknown inside `data`, checked as apimachinery's protobuf serializer checks
 * it (its messages for an empty body, another prefix, and gogo's for bad wire data).
 */
export function decodeEnvelope(data: Uint8Array): Envelope {
  if (data.length === 0) throw new ProtobufDecodeError('empty data');
  if (!hasEnvelopeMagic(data))
    throw new ProtobufDecodeError(
      `provided data does not appear to be a protobuf message, expected prefix [${envelopeMagic.join(' ')}]`,
    );
  if (data.length === envelopeMagic.length) throw new ProtobufDecodeError('empty body');
  const reader = new GoWireReader(data.subarray(envelopeMagic.length));
  const fields: Envelope = {
    apiVersion: '',
    kind: '',
    raw: new Uint8Array(),
    contentEncoding: '',
    contentType: '',
    quoted: { apiVersion: '""', kind: '""' },
  };
  const names = ['TypeMeta', 'Raw', 'ContentEncoding', 'ContentType'];
  while (!reader.done) {
    const { fieldNumber, wireType } = reader.key('Unknown');
    const name = names[fieldNumber - 1];
    if (name === undefined) reader.skip(wireType);
    else if (wireType !== 2) throw wrongWireType(wireType, name);
    else if (fieldNumber === 1) decodeTypeMeta(reader.bytes(), fields);
    else if (fieldNumber === 2) fields.raw = reader.bytes();
    else if (fieldNumber === 3) fields.contentEncoding = utf8(reader.bytes());
    else fields.contentType = utf8(reader.bytes());
  }
  if (reader.offset > reader.data.length) throw new ProtobufDecodeError(unexpectedEof);
  return fields;
}

/** Whether `data` starts with the `k8s\0` magic. */
export function hasEnvelopeMagic(data: Uint8Array): boolean {
  return data.length >= envelopeMagic.length && envelopeMagic.every((byte, index) => data[index] === byte);
}

// Into `typeMeta`: Go merges a TypeMeta sent twice, keeping what the second leaves out.
function decodeTypeMeta(data: Uint8Array, typeMeta: Envelope): void {
  const reader = new GoWireReader(data);
  while (!reader.done) {
    const { fieldNumber, wireType } = reader.key('TypeMeta');
    if (fieldNumber > 2) reader.skip(wireType);
    else if (wireType !== 2) throw wrongWireType(wireType, fieldNumber === 1 ? 'APIVersion' : 'Kind');
    else {
      const field = fieldNumber === 1 ? 'apiVersion' : 'kind';
      const bytes = reader.bytes();
      typeMeta[field] = utf8(bytes);
      typeMeta.quoted[field] = goQuoteBytes(bytes);
    }
  }
}

const decoder = new TextDecoder();
function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
