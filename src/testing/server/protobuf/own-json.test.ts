import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { descriptors } from './descriptors.ts';
import { decodeObject, decodeMessage, encodeObject } from './object-codec.ts';
import { ownJsonFromJson, ownJsonToJson } from './own-json.ts';
import { ownJsonMessages as own } from './own-json-messages.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

/** The protobuf (as hex) the codec writes for `json` of `message`. */
function encode(message: string, json: unknown): string {
  const type = descriptors().root.lookupType(message);
  return hex(type.encode(ownJsonFromJson(message, json, 'field')).finish());
}

/** The JSON the codec reads from the protobuf `bytes` (hex) of `message`. */
function decode(message: string, bytes: string): unknown {
  const type = descriptors().root.lookupType(message);
  return ownJsonToJson(message, decodeMessage(type, fromHex(bytes)), decodeObject);
}

// The hex strings are what apimachinery v0.36.3's Marshal writes (and Unmarshal reads) in Go.
describe('types whose JSON and protobuf forms differ', () => {
  it('Time: seconds only, the zero time empty', () => {
    assert.equal(encode(own.time, '2023-11-14T22:13:20Z'), '0880e2cfaa061000');
    assert.equal(encode(own.time, '1969-12-31T23:59:59Z'), '08ffffffffffffffffff011000');
    assert.equal(encode(own.time, null), '');
    assert.equal(decode(own.time, '0880e2cfaa061005'), '2023-11-14T22:13:20Z');
    assert.equal(decode(own.time, ''), null);
    assert.equal(decode(own.time, '0800'), '1970-01-01T00:00:00Z');
  });

  it('MicroTime: seconds and nanos to the microsecond', () => {
    assert.equal(encode(own.microTime, '2023-11-14T22:13:20.123456Z'), '0880e2cfaa06108094ef3a');
    assert.equal(decode(own.microTime, '0880e2cfaa0610d50f'), '2023-11-14T22:13:20.000002Z');
    assert.equal(decode(own.microTime, ''), null);
  });

  it('IntOrString: a number (negative too) or a string, every field written', () => {
    assert.equal(encode(own.intOrString, -5), '080010fbffffffffffffffff011a00');
    assert.equal(encode(own.intOrString, '25%'), '080110001a03323525');
    assert.equal(decode(own.intOrString, '080010fbffffffffffffffff011a00'), -5);
    assert.equal(decode(own.intOrString, '080110001a03323525'), '25%');
    assert.equal(decode(own.intOrString, ''), 0);
    assert.throws(() => encode(own.intOrString, 2 ** 31), {
      message: 'field: 2147483648 is neither an int32 nor a string',
    });
  });

  it('Quantity: the string, "0" for the zero quantity', () => {
    assert.equal(encode(own.quantity, '100m'), '0a043130306d');
    assert.equal(decode(own.quantity, '0a043130306d'), '100m');
    assert.equal(decode(own.quantity, ''), '0');
    assert.throws(() => encode(own.quantity, {}), { message: 'field: {} is not a quantity such as "100m" or "1Gi"' });
  });

  it('RawExtension: embedded JSON bytes, or an enveloped protobuf object, nil for null', () => {
    const json = { a: [1, 'x', null], b: { c: true } };
    const text = JSON.stringify(json);
    assert.equal(encode(own.rawExtension, json), `0a${text.length.toString(16)}${hex(Buffer.from(text))}`);
    assert.deepEqual(decode(own.rawExtension, encode(own.rawExtension, json)), json);
    assert.equal(encode(own.rawExtension, null), '');
    assert.equal(decode(own.rawExtension, ''), null);
    const configMap = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'nested' }, data: { k: 'v' } };
    const enveloped = encodeObject(configMap);
    const raw = `0a${enveloped.length.toString(16)}${hex(enveloped)}`;
    assert.deepEqual(decode(own.rawExtension, raw), configMap);
  });

  it('FieldsV1: the JSON object as its Raw bytes', () => {
    const fields = { 'f:data': { '.': {}, 'f:k': {} } };
    assert.deepEqual(decode(own.fieldsV1, encode(own.fieldsV1, fields)), fields);
    assert.equal(decode(own.fieldsV1, ''), null);
  });

  // No root kind holds a Duration yet, so its message is not in the descriptors.
  it('Duration: nanoseconds', () => {
    assert.deepEqual(ownJsonFromJson(own.duration, '1m30s', 'f'), { duration: 90e9 });
    assert.equal(ownJsonToJson(own.duration, { duration: 3723.5e9 }, decodeObject), '1h2m3.5s');
    assert.equal(ownJsonToJson(own.duration, {}, decodeObject), '0s');
  });
});
