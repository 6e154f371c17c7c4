import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtobufDecodeError } from './errors.ts';
import { decodeObject, encodeObject } from './object-codec.ts';
import { decodeWatchFrames, encodeWatchEvent } from './watch.ts';

const configMap = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'w' }, data: { k: 'v' } };

// The framing is kube-apiserver's (the integration test compares whole streams byte for byte).
describe('protobuf watch frames', () => {
  it('are a big-endian length, then a WatchEvent without envelope holding the enveloped object', () => {
    const frame = encodeWatchEvent('MODIFIED', configMap);
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    assert.equal(view.getUint32(0), frame.length - 4);
    const object = encodeObject(configMap);
    // type (field 1) "MODIFIED", then object (field 2): a RawExtension whose raw (field 1) is the enveloped object.
    const expected = Buffer.concat([
      Buffer.from('0a084d4f444946494544', 'hex'),
      Buffer.from([0x12, object.length + 2, 0x0a, object.length]),
      object,
    ]);
    assert.deepEqual(Buffer.from(frame.subarray(4)), expected);
  });

  it('decode back, frame after frame', () => {
    const deleted = { ...configMap, metadata: { name: 'gone' } };
    const stream = Buffer.concat([encodeWatchEvent('ADDED', configMap), encodeWatchEvent('DELETED', deleted)]);
    assert.deepEqual(decodeWatchFrames(stream), [
      { type: 'ADDED', object: configMap },
      { type: 'DELETED', object: decodeObject(encodeObject(deleted)) },
    ]);
    assert.deepEqual(decodeWatchFrames(new Uint8Array()), []);
  });

  it('refuse a cut frame', () => {
    const frame = encodeWatchEvent('ADDED', configMap);
    for (const cut of [frame.subarray(0, 2), frame.subarray(0, frame.length - 1)])
      assert.throws(
        () => decodeWatchFrames(cut),
        (error) => error instanceof ProtobufDecodeError && error.message === 'unexpected EOF',
      );
  });
});
