// Formats as kube-apiserver reported them (test/integration/structural-schema-apiserver.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorText } from './field-error.ts';
import { supportedFormat } from './formats.ts';
import { structuralSchema } from './structural-schema.ts';
import { validateValue } from './validation.ts';

const check = (format: string, type: string, value: unknown) =>
  validateValue({ v: value }, structuralSchema({ type: 'object', properties: { v: { type, format } } })).map(
    fieldErrorText,
  );

describe('string formats', () => {
  it('refuses a value not of its format as a type error', () => {
    assert.deepEqual(check('uuid', 'string', 'not-a-uuid'), [
      'v: Invalid value: "not-a-uuid": v in body must be of type uuid: "not-a-uuid"',
    ]);
    assert.deepEqual(check('date', 'string', '2024-02-30'), [
      'v: Invalid value: "2024-02-30": v in body must be of type date: "2024-02-30"',
    ]);
    assert.deepEqual(check('ipv4', 'string', '1.2.3.256'), [
      'v: Invalid value: "1.2.3.256": v in body must be of type ipv4: "1.2.3.256"',
    ]);
    assert.deepEqual(check('hexcolor', 'string', 'blue'), [
      'v: Invalid value: "blue": v in body must be of type hexcolor: "blue"',
    ]);
  });

  it('checks date-time and hostname as strfmt does', () => {
    assert.deepEqual(check('date-time', 'string', '2024-02-01T24:00:00Z'), [
      'v: Invalid value: "2024-02-01T24:00:00Z": v in body must be of type date-time: "2024-02-01T24:00:00Z"',
    ]);
    assert.equal(check('date-time', 'string', '2024-02-01T10:00:00').length, 1);
    assert.deepEqual(check('date-time', 'string', '2024-02-29T23:59:59.123+02:00'), []);
    assert.deepEqual(check('hostname', 'string', '-bad-.example'), [
      'v: Invalid value: "-bad-.example": v in body must be of type hostname: "-bad-.example"',
    ]);
    assert.deepEqual(check('hostname', 'string', 'web-1.example.com'), []);
  });

  it('checks ipv6, cidr and mac as Go parses them', () => {
    assert.equal(check('ipv6', 'string', 'fe80::1%eth0').length, 1);
    assert.equal(check('ipv6', 'string', '10.0.0.1').length, 1);
    assert.deepEqual(check('ipv6', 'string', '::ffff:1.2.3.4'), []);
    assert.equal(check('cidr', 'string', '10.0.0.0/33').length, 1);
    assert.deepEqual(check('cidr', 'string', 'fd00::/8'), []);
    assert.equal(check('mac', 'string', '00:11:22:33:44').length, 1);
    assert.deepEqual(check('mac', 'string', '00-11-22-33-44-55'), []);
  });

  it('accepts values of the format', () => {
    assert.deepEqual(check('uuid', 'string', '0F8FAD5B-D9CB-469F-A165-70867728950E'), []);
    assert.deepEqual(check('date', 'string', '2024-02-29'), []);
    assert.deepEqual(check('ipv4', 'string', '10.0.0.1'), []);
    assert.deepEqual(check('byte', 'string', 'aGk='), []);
  });

  it('ignores formats a CRD may not declare, as kube-apiserver strips them', () => {
    assert.equal(supportedFormat(structuralSchema({ type: 'string', format: 'no-such-format' })), '');
    assert.equal(supportedFormat(structuralSchema({ type: 'string', format: 'date-time' })), 'date-time');
    assert.equal(supportedFormat(structuralSchema({ type: 'integer', format: 'uuid' })), '');
    assert.deepEqual(check('no-such-format', 'string', 'anything'), []);
  });

  it('checks int32 numbers against its range, and a non-number against the format', () => {
    assert.deepEqual(check('int32', 'integer', 2147483648), [
      '<nil>: Invalid value: "": Checked value must be of type integer with format int32 in v',
    ]);
    assert.deepEqual(check('int32', 'integer', true), ['v: Invalid value: "": v in body must be of type int32: ""']);
  });
});
