import type protobuf from 'protobufjs';
import { descriptors, nameOf } from './descriptors.ts';
import { ProtobufDecodeError, unexpectedEof } from './errors.ts';
import { ownJsonMessages as own } from './own-json-messages.ts';
import { GoWireReader, wrongWireType } from './wire.ts';

const varintTypes = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool', 'enum']);

/**
 * Checks `data` as the gogo-generated Unmarshal of `type` (what kube-apiserver runs) would,
 * throwing its error for what it refuses: a known field sent with another wire type,
 * truncated data, a bad tag. protobufjs would skip such fields; unknown field numbers are
 * skipped by both.
 */
export function checkLikeGogo(type: protobuf.Type, data: Uint8Array): void {
  const reader = new GoWireReader(data);
  const goMessage = type.name === 'Time' || type.name === 'MicroTime' ? 'Timestamp' : type.name;
  while (!reader.done) {
    const { fieldNumber, wireType } = reader.key(goMessage);
    const field = type.fieldsById[fieldNumber];
    if (field) checkField(reader, type, field, wireType);
    else reader.skip(wireType);
  }
}

function checkField(reader: GoWireReader, type: protobuf.Type, field: protobuf.Field, wireType: number): void {
  const goName = goFieldName(type, field);
  if (varintTypes.has(field.type)) {
    if (wireType === 0) reader.varint();
    else if (wireType === 2 && field.repeated) readPacked(reader.bytes());
    else throw wrongWireType(wireType, goName);
    return;
  }
  if (wireType !== 2) throw wrongWireType(wireType, goName);
  if (field.map) checkMapEntry(reader, field);
  else if (field.resolvedType) checkLikeGogo(field.resolvedType as protobuf.Type, reader.bytes());
  else reader.bytes();
}

function readPacked(data: Uint8Array): void {
  const packed = new GoWireReader(data);
  while (!packed.done) packed.varint();
}

/**
 * A map entry, read as gogo does: key (1) and value (2) by their field numbers whatever
 * their wire types, their lengths checked against the whole message, others skipped.
 */
function checkMapEntry(reader: GoWireReader, field: protobuf.Field): void {
  const length = reader.varint();
  const end = reader.offset + length;
  if (end > reader.data.length) throw new ProtobufDecodeError(unexpectedEof);
  while (reader.offset < end) {
    const start = reader.offset;
    const fieldNumber = Math.floor(reader.varint() / 8);
    if (fieldNumber === 1) reader.bytes();
    else if (fieldNumber === 2 && field.resolvedType)
      checkLikeGogo(field.resolvedType as protobuf.Type, reader.bytes());
    else if (fieldNumber === 2) reader.bytes();
    else {
      reader.offset = start;
      reader.skip(reader.varint() % 8);
      if (reader.offset > end) throw new ProtobufDecodeError(unexpectedEof);
    }
  }
  reader.offset = end;
}

function goFieldName(type: protobuf.Type, field: protobuf.Field): string {
  if (nameOf(type) === own.quantity) return 'String_';
  const named = descriptors().goNames[nameOf(type)]?.[field.name];
  return named ?? field.name.charAt(0).toUpperCase() + field.name.slice(1);
}
