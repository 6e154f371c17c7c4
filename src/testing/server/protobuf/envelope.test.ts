import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEnvelope, encodeEnvelope, envelopeMagic } from './envelope.ts';
import { ProtobufDecodeError } from './errors.ts';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replaceAll(' ', ''), 'hex'));
const magic = '6b387300';

// The message each gets is the one apimachinery's serializer and gogo's code give (the
// integration test posts the same kinds of bytes to kube-apiserver).
const refusesWith = (bytes: Uint8Array, message: string) => {
  assert.throws(
    () => decodeEnvelope(bytes),
    (error) => error instanceof ProtobufDecodeError && error.message === message,
  );
};

describe('the k8s\\0 envelope', () => {
  it('is the magic then a runtime.Unknown with every field written, as Go writes it', () => {
    const bytes = encodeEnvelope('v1', 'Pod', hex('0a00'));
    // typeMeta{apiVersion "v1", kind "Pod"}, raw, contentEncoding "", contentType "".
    assert.deepEqual(bytes, hex(`${magic} 0a09 0a027631 1203506f64 1202 0a00 1a00 2200`));
    assert.deepEqual(bytes.subarray(0, 4), envelopeMagic);
  });

  it('decodes back, and skips field numbers runtime.Unknown does not have', () => {
    const unknownField = '2807'; // field 5, varint 7
    const bytes = hex(`${magic} 0a09 0a027631 1203506f64 ${unknownField} 1202 0a00 1a03677a70 2200`);
    assert.deepEqual(decodeEnvelope(bytes), {
      apiVersion: 'v1',
      kind: 'Pod',
      raw: hex('0a00'),
      contentEncoding: 'gzp',
      contentType: '',
      quoted: { apiVersion: '"v1"', kind: '"Pod"' },
    });
  });

  // As kube-apiserver v1.36.3 names them: no kind "De\x0fe\xf6eOptions" is registered ...
  it("quotes apiVersion and kind from their bytes as Go's %q does, bytes that are not UTF-8 as \\xNN", () => {
    const bytes = hex(`${magic} 0a0d 0a02c431 1207 4465 0f 65 f6 7f 73 1200`);
    assert.deepEqual(decodeEnvelope(bytes).quoted, { apiVersion: '"\\xc41"', kind: '"De\\x0fe\\xf6\\x7fs"' });
  });

  it('merges a TypeMeta sent twice, as Go does', () => {
    const bytes = hex(`${magic} 0a04 0a027631 0a05 1203506f64 1200`);
    assert.equal(decodeEnvelope(bytes).apiVersion, 'v1');
    assert.equal(decodeEnvelope(bytes).kind, 'Pod');
  });

  it('refuses an empty body, the magic alone, and another prefix', () => {
    refusesWith(new Uint8Array(), 'empty data');
    refusesWith(hex(magic), 'empty body');
    const notProtobuf = 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]';
    refusesWith(Buffer.from('{"kind":"Pod"}'), notProtobuf);
    refusesWith(hex('6b3873'), notProtobuf);
    refusesWith(hex('6b38730100'), notProtobuf);
  });

  it('refuses bad wire data with gogo-generated code messages', () => {
    refusesWith(hex(`${magic} 0a09 0a027631 1203506f`), 'unexpected EOF');
    refusesWith(hex(`${magic} 0a`), 'unexpected EOF');
    refusesWith(hex(`${magic} 80`), 'unexpected EOF');
    refusesWith(hex(`${magic} 0c`), 'proto: Unknown: wiretype end group for non-group');
    refusesWith(hex(`${magic} 0200`), 'proto: Unknown: illegal tag 0 (wire type 2)');
    refusesWith(hex(`${magic} 0801`), 'proto: wrong wireType = 0 for field TypeMeta');
    refusesWith(hex(`${magic} 0a02 0801`), 'proto: wrong wireType = 0 for field APIVersion');
    refusesWith(hex(`${magic} 0a02 1501`), 'proto: wrong wireType = 5 for field Kind');
    refusesWith(hex(`${magic} ffff0701`), 'proto: illegal wireType 7');
    refusesWith(hex(`${magic} ffffffffffffffffffff01`), 'proto: integer overflow');
  });
});
