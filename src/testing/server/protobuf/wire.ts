import { ProtobufDecodeError, unexpectedEof } from './errors.ts';

/** A field's key as gogo-generated Unmarshal code reads it. */
export interface FieldKey {
  readonly fieldNumber: number;
  readonly wireType: number;
  /** The whole key varint, which gogo prints in its "illegal tag" message. */
  readonly wire: number;
}

/**
 * Reads protobuf wire data the way gogo-generated Go code (what kube-apiserver runs)
 * does, failing with the same messages, so that errors read as kube-apiserver's.
 */
export class GoWireReader {
  offset = 0;
  readonly data: Uint8Array;
  constructor(data: Uint8Array) {
    this.data = data;
  }

  get done(): boolean {
    return this.offset >= this.data.length;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (shift >= 64) throw new ProtobufDecodeError('proto: integer overflow');
      if (this.offset >= this.data.length) throw new ProtobufDecodeError(unexpectedEof);
      const byte = this.data[this.offset++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  /** The key of the next field of `message` (the Go type name, for messages). */
  key(message: string): FieldKey {
    const wire = this.varint();
    const wireType = wire % 8;
    const fieldNumber = Math.floor(wire / 8);
    if (wireType === 4) throw new ProtobufDecodeError(`proto: ${message}: wiretype end group for non-group`);
    if (fieldNumber <= 0)
      throw new ProtobufDecodeError(`proto: ${message}: illegal tag ${fieldNumber} (wire type ${wire})`);
    return { fieldNumber, wireType, wire };
  }

  /** A length-delimited value (bytes, string, embedded message). */
  bytes(): Uint8Array {
    const length = this.varint();
    const end = this.offset + length;
    if (end > this.data.length) throw new ProtobufDecodeError(unexpectedEof);
    const value = this.data.subarray(this.offset, end);
    this.offset = end;
    return value;
  }

  /** Skips an unknown field's value, as gogo's skipGenerated does. */
  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.advance(8);
        return;
      case 2:
        this.bytes();
        return;
      case 5:
        this.advance(4);
        return;
      case 3:
        this.skipGroup();
        return;
      case 4:
        throw new ProtobufDecodeError('proto: unexpected end of group');
      default:
        throw new ProtobufDecodeError(`proto: illegal wireType ${wireType}`);
    }
  }

  private advance(count: number): void {
    if (this.offset + count > this.data.length) throw new ProtobufDecodeError(unexpectedEof);
    this.offset += count;
  }

  // A start-group: skipGenerated counts nesting until the matching end-group.
  private skipGroup(): void {
    for (let depth = 1; depth > 0;) {
      const wireType = this.varint() % 8;
      if (wireType === 3) depth++;
      else if (wireType === 4) depth--;
      else this.skip(wireType);
    }
  }
}

/** The error gogo code gives for a known field sent with another wire type. */
export function wrongWireType(wireType: number, goField: string): ProtobufDecodeError {
  return new ProtobufDecodeError(`proto: wrong wireType = ${wireType} for field ${goField}`);
}
