import type protobuf from 'protobufjs';
import { descriptors, nameOf } from './descriptors.ts';
import { ProtobufDecodeError, unexpectedEof } from './errors.ts';
import { ownJsonMessages as own } from './own-json-messages.ts';
import { GoWireReader, wrongWireType } from './wire.ts';

const varintTypes = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool', 'enum']);

/**
 * Reads `data` as the gogo-generated Unmarshal of `type` (what kube-apiserver runs) would,
 * throwing its error for what it refuses: a known field sent with another wire type,
 * truncated data, a bad tag, a negative length. Returns the fields Go keeps, written
 * plainly, for protobufjs to decode: without the unknown fields Go skips (protobufjs
 * recurses into groups up to a depth limit, and reads keys and bools in 32 bits only, so
 * it would refuse or misread some that Go skips), and with each varint as Go reads it.
 */
export function checkLikeGogo(type: protobuf.Type, data: Uint8Array): Uint8Array {
  const reader = new GoWireReader(data);
  const kept: Uint8Array[] = [];
  const goMessage = type.name === 'Time' || type.name === 'MicroTime' ? 'Timestamp' : type.name;
  while (!reader.done) {
    const { fieldNumber, wireType } = reader.key(goMessage);
    const field = type.fieldsById[fieldNumber];
    if (field) kept.push(...checkField(reader, type, field, wireType));
    else reader.skip(wireType);
  }
  return Buffer.concat(kept);
}

// The field as Go reads it: its key and value, written plainly.
function checkField(reader: GoWireReader, type: protobuf.Type, field: protobuf.Field, wireType: number): Uint8Array[] {
  const goName = goFieldName(type, field);
  const bool = field.type === 'bool';
  if (varintTypes.has(field.type)) {
    if (wireType === 0) return [key(field.id, 0), varint(goVarint(reader.uint64(), bool))];
    if (wireType === 2 && field.repeated) return delimited(field.id, readPacked(reader.bytes(), bool));
    throw wrongWireType(wireType, goName);
  }
  if (wireType !== 2) throw wrongWireType(wireType, goName);
  if (field.map) return delimited(field.id, checkMapEntry(reader, field));
  if (field.resolvedType)
    return delimited(field.id, checkLikeGogo(field.resolvedType as protobuf.Type, reader.bytes()));
  return delimited(field.id, reader.bytes());
}

// Go keeps the low 64 bits (bools: whether any is set).
const goVarint = (value: bigint, bool: boolean) => (bool ? BigInt(value !== 0n) : value);

function readPacked(data: Uint8Array, bool: boolean): Uint8Array {
  const packed = new GoWireReader(data);
  const values: Uint8Array[] = [];
  while (!packed.done) values.push(varint(goVarint(packed.uint64(), bool)));
  return Buffer.concat(values);
}

/**
 * A map entry, read as gogo does: key (1) and value (2) by their field numbers whatever
 * their wire types, their lengths checked against the whole message, others skipped.
 */
function checkMapEntry(reader: GoWireReader, field: protobuf.Field): Uint8Array {
  const end = reader.end();
  const kept: Uint8Array[] = [];
  while (reader.offset < end) {
    const start = reader.offset;
    const fieldNumber = Number(BigInt.asIntN(32, reader.uint64() >> 3n));
    if (fieldNumber === 1) kept.push(...delimited(1, reader.bytes()));
    else if (fieldNumber === 2 && field.resolvedType)
      kept.push(...delimited(2, checkLikeGogo(field.resolvedType as protobuf.Type, reader.bytes())));
    else if (fieldNumber === 2) kept.push(...delimited(2, reader.bytes()));
    else {
      reader.offset = start;
      reader.skip(Number(reader.uint64() & 7n));
      if (reader.offset > end) throw new ProtobufDecodeError(unexpectedEof);
    }
  }
  reader.offset = end;
  return Buffer.concat(kept);
}

function varint(value: bigint): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return Uint8Array.from(bytes);
}

const key = (fieldNumber: number, wireType: number) => varint(BigInt(fieldNumber * 8 + wireType));

function delimited(fieldNumber: number, content: Uint8Array): Uint8Array[] {
  return [key(fieldNumber, 2), varint(BigInt(content.length)), content];
}

function goFieldName(type: protobuf.Type, field: protobuf.Field): string {
  if (nameOf(type) === own.quantity) return 'String_';
  const named = descriptors().goNames[nameOf(type)]?.[field.name];
  return named ?? field.name.charAt(0).toUpperCase() + field.name.slice(1);
}
