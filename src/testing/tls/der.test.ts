import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as der from './der.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// Expected encodings are the worked examples of X.690 and the bytes found in every CA
// certificate's KeyUsage (03 02 01 06), decoded by hand.
describe('DER writer', () => {
  it('writes short and long lengths', () => {
    assert.equal(hex(der.octetString(Buffer.alloc(3))), '0403000000');
    assert.equal(hex(der.octetString(Buffer.alloc(127))).slice(0, 4), '047f');
    assert.equal(hex(der.octetString(Buffer.alloc(200))).slice(0, 6), '0481c8');
    assert.equal(hex(der.octetString(Buffer.alloc(300))).slice(0, 8), '0482012c');
  });

  it('writes object identifiers with base-128 arcs', () => {
    assert.equal(hex(der.objectIdentifier('2.5.4.3')), '0603550403');
    assert.equal(hex(der.objectIdentifier('1.2.840.113549')), '06062a864886f70d');
    assert.equal(hex(der.objectIdentifier('1.2.840.10045.4.3.2')), '06082a8648ce3d040302');
    assert.throws(() => der.objectIdentifier('1'), /not an object identifier: 1/);
  });

  it('writes integers minimally, with a sign byte when the top bit is set', () => {
    assert.equal(hex(der.unsignedInteger(Buffer.from('000001', 'hex'))), '020101');
    assert.equal(hex(der.unsignedInteger(Buffer.from('0080', 'hex'))), '02020080');
    assert.equal(hex(der.unsignedInteger(Buffer.from('00', 'hex'))), '020100');
    assert.equal(hex(der.smallInteger(2)), '020102');
    assert.equal(hex(der.smallInteger(256)), '02020100');
  });

  it('writes named bits without trailing zero bits', () => {
    assert.equal(hex(der.namedBits(0x06)), '03020106');
    assert.equal(hex(der.namedBits(0x80)), '03020780');
    assert.equal(hex(der.namedBits(0)), '030100');
  });

  it('writes UTCTime before 2050 and GeneralizedTime after', () => {
    assert.equal(
      Buffer.from(der.time(new Date('2026-12-05T14:30:59.999Z'))).toString('latin1'),
      '\x17\x0d261205143059Z',
    );
    assert.equal(Buffer.from(der.time(new Date('2050-01-01T00:00:00Z'))).toString('latin1'), '\x18\x0f20500101000000Z');
  });

  it('writes booleans, tagged elements and sets in DER order', () => {
    assert.equal(hex(der.boolean(true)), '0101ff');
    assert.equal(hex(der.explicit(0, der.smallInteger(2))), 'a003020102');
    assert.equal(hex(der.implicit(7, Buffer.of(127, 0, 0, 1))), '87047f000001');
    assert.equal(hex(der.set(der.smallInteger(2), der.smallInteger(1))), '3106020101020102');
    assert.equal(hex(der.sequence()), '3000');
  });
});
