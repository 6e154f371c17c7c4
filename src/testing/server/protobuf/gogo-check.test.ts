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
});
