import { invalidLength, ProtobufDecodeError, unexpectedEof } from './errors.ts';

/** A field's key as gogo-generated Unmarshal code reads it. */
export interface FieldKey {
  readonly fieldNumber: number;
  readonly wireType: number;
  /** The whole key varint, which gogo prints in its "illegal tag" message. */
  readonly wire: bigint;
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

  /** A varint as Go's uint64: bits past the 64th dropped, more than 10 bytes an overflow. */
  uint64(): bigint {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (shift >= 64n) throw new ProtobufDecodeError('proto: integer overflow');
      if (this.offset >= this.data.length) throw new ProtobufDecodeError(unexpectedEof);
      const byte = this.data[this.offset++] ?? 0;
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return BigInt.asUintN(64, value);
    }
  }

  /** A varint value, as a number (exact up to 2^53). */
  varint(): number {
    return Number(this.uint64());
  }

  /**
   * The key of the next field of `message` (the Go type name, for messages): the field
   * number is Go's `int32(wire >> 3)`, so huge ones wrap as they do in Go.
   */
  key(message: string): FieldKey {
    const wire = this.uint64();
    const wireType = Number(wire & 7n);
    const fieldNumber = Number(BigInt.asIntN(32, wire >> 3n));
    if (wireType === 4) throw new ProtobufDecodeError(`proto: ${message}: wiretype end group for non-group`);
    if (fieldNumber <= 0)
      throw new ProtobufDecodeError(`proto: ${message}: illegal tag ${fieldNumber} (wire type ${wire})`);
    return { fieldNumber, wireType, wire };
  }

  /**
   * The end of a length-delimited value starting here, checked as gogo code checks it: the
   * length is a Go int, so lengths of 2^63 and up, or an end past 2^63, are "negative".
   */
  end(): number {
    const length = BigInt.asIntN(64, this.uint64());
    if (length < 0n || BigInt(this.offset) + length > 2n ** 63n - 1n) throw new ProtobufDecodeError(invalidLength);
    if (BigInt(this.offset) + length > BigInt(this.data.length)) throw new ProtobufDecodeError(unexpectedEof);
    return this.offset + Number(length);
  }

  /** A length-delimited value (bytes, string, embedded message). */
  bytes(): Uint8Array {
    const end = this.end();
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
      const wireType = Number(this.uint64() & 7n);
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
