import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeEnvelope } from './envelope.ts';
import { ProtobufDecodeError } from './errors.ts';
import { decodeObject } from './object-codec.ts';

const configMap = (raw: string) =>
  encodeEnvelope('v1', 'ConfigMap', Uint8Array.from(Buffer.from(raw.replaceAll(' ', ''), 'hex')));
const refusesWith = (raw: string, message: string) => {
  assert.throws(
    () => decodeObject(configMap(raw)),
    (error) => error instanceof ProtobufDecodeError && error.message === message,
    raw,
  );
};

// The messages are gogo-generated Unmarshal code's, as kube-apiserver answers them (the
// integration test posts the same bodies).
describe('the object inside the envelope, checked as gogo checks it', () => {
  it('refuses a known field with another wire type, naming the Go field', () => {
    refusesWith('1001', 'proto: wrong wireType = 0 for field Data');
    refusesWith('0801', 'proto: wrong wireType = 0 for field ObjectMeta');
    refusesWith('0a02 4001', 'proto: wrong wireType = 0 for field CreationTimestamp');
    refusesWith('0a04 4202 0a00', 'proto: wrong wireType = 2 for field Seconds');
    refusesWith('0a02 2801', 'proto: wrong wireType = 0 for field UID');
  });

  it('refuses bad tags and truncated fields', () => {
    refusesWith('0c', 'proto: ConfigMap: wiretype end group for non-group');
    refusesWith('00', 'proto: ConfigMap: illegal tag 0 (wire type 0)');
    refusesWith('0a05 0a02 78', 'unexpected EOF');
    refusesWith('4b', 'unexpected EOF');
  });

  it('skips unknown fields of every wire type, groups included', () => {
    const data = '12060a01611201 62';
    assert.deepEqual(decodeObject(configMap(`${data} 4b 5001 4c 5801 610102030405060708 6504030201`)).data, { a: 'b' });
  });

  // Each checked against kube-apiserver v1.36.3 (the conformance cases post some of them).
  it('skips groups nested 100,000 deep, as Go does, and refuses them left open', () => {
    const data = '12060a01611201 62';
    const groups = (depth: number, closed: boolean) => '9306'.repeat(depth) + (closed ? '9406'.repeat(depth) : '');
    assert.deepEqual(decodeObject(configMap(`${data} ${groups(100_000, true)}`)).data, { a: 'b' });
    refusesWith(`${data} ${groups(100_000, false)}`, 'unexpected EOF');
  });

  it('calls lengths of 2^63 and more negative, as a Go int; shorter huge ones truncated', () => {
    refusesWith(`9a06 ${varint(2n ** 63n)} 7878`, 'proto: negative length found during unmarshaling');
    refusesWith(`0a0d 0a ${varint(2n ** 64n - 1n)} 7878`, 'proto: negative length found during unmarshaling');
    refusesWith(`0a08 0a ${varint(2n ** 32n + 5n)} 7878`, 'unexpected EOF');
  });

  it("reads field numbers as Go's int32: huge ones wrap to a known field or a negative tag", () => {
    refusesWith(`${varint((2n ** 32n + 1n) << 3n)} 01`, 'proto: wrong wireType = 0 for field ObjectMeta');
    refusesWith(`${varint((2n ** 31n) << 3n)} 01`, 'proto: ConfigMap: illegal tag -2147483648 (wire type 17179869184)');
    assert.deepEqual(decodeObject(configMap(`12060a01611201 62 ${varint((2n ** 29n) << 3n)} 01`)).data, { a: 'b' });
  });
});

/** `value` as a varint, in hex. */
function varint(value: bigint): string {
  let hex = '';
  for (let rest = value; ; rest >>= 7n) {
    if (rest < 0x80n) return hex + rest.toString(16).padStart(2, '0');
    hex += ((rest & 0x7fn) | 0x80n).toString(16);
  }
}
