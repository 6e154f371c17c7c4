import fc from 'fast-check';
import type protobuf from 'protobufjs';
import { descriptors, nameOf } from '../descriptors.ts';
import { ownJsonMessages as own } from '../own-json-messages.ts';

type Json = Record<string, unknown>;

/**
 * Objects of a message's type in the JSON form Go writes: from the descriptors' fields
 * and their Go declarations (a nil pointer, slice or map is left out with omitempty and
 * `null` without; an empty omitempty value is left out; plain structs are always there;
 * inlined structs' fields sit in the parent), and the special types in their canonical
 * JSON (times in UTC to the second or microsecond, quantities as Go prints them).
 */
export function arbitraryGoJson(type: protobuf.Type): fc.Arbitrary<Json> {
  const cached = cache.get(type);
  if (cached) return cached;
  const flags = descriptors().go[nameOf(type)] ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of type.fieldsArray) fields[field.name] = fieldArbitrary(field, flags[field.name] ?? '');
  const arbitrary = fc.record(fields).map((record) => {
    const out: Json = {};
    for (const field of type.fieldsArray) {
      const value = record[field.name];
      if ((flags[field.name] ?? '').includes('i')) Object.assign(out, value);
      else if (value !== undefined) out[field.name] = value;
    }
    return out;
  });
  cache.set(type, arbitrary);
  return arbitrary;
}

const cache = new Map<protobuf.Type, fc.Arbitrary<Json>>();

// `undefined` stands for a field Go leaves out.
function fieldArbitrary(field: protobuf.Field, go: string): fc.Arbitrary<unknown> {
  const nil = fc.constant(go.includes('e') ? undefined : null);
  const value = valueArbitrary(field, go.includes('p'));
  if (field.map) return fc.oneof(nil, fc.dictionary(mapKey, value, { minKeys: 1, maxKeys: 2, noNullPrototype: true }));
  if (field.repeated) return fc.oneof(nil, fc.array(value, { minLength: 1, maxLength: 2 }));
  if (go.includes('p') || field.type === 'bytes')
    return fc.oneof(
      nil,
      value.map((v) => omitEmpty(go, field, v)),
    );
  return value.map((v) => omitEmpty(go, field, v));
}

function omitEmpty(go: string, field: protobuf.Field, value: unknown): unknown {
  if (go.includes('z') && value === null) return undefined;
  if (!go.includes('e') || go.includes('p') || field.resolvedType) return value;
  return value === '' || value === 0 || value === false ? undefined : value;
}

const mapKey = fc.stringMatching(/^[a-z][a-z0-9.\-/]{0,8}$/);

function valueArbitrary(field: protobuf.Field, pointer: boolean): fc.Arbitrary<unknown> {
  const type = field.resolvedType as protobuf.Type | null;
  if (type) return ownJsonArbitrary(nameOf(type), pointer) ?? fc.constant(null).chain(() => arbitraryGoJson(type));
  switch (field.type) {
    case 'string':
      return fc.string({ maxLength: 6 });
    case 'bool':
      return fc.boolean();
    case 'bytes':
      return fc.uint8Array({ maxLength: 4 }).map((bytes) => Buffer.from(bytes).toString('base64'));
    case 'int32':
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    default:
      return fc.oneof(fc.integer(), fc.maxSafeInteger());
  }
}

const dates = fc.date({
  min: new Date('0001-01-01T00:00:01Z'),
  max: new Date('9999-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const jsonValue = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);

// A Go pointer to a zero Time would be written `null` and read back as a nil pointer.
function ownJsonArbitrary(message: string, pointer: boolean): fc.Arbitrary<unknown> | undefined {
  const zeroTime = fc.constant(null);
  switch (message) {
    case own.time:
      return fc.oneof(
        ...(pointer ? [] : [zeroTime]),
        dates.map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')),
      );
    case own.microTime: {
      const micro = fc.tuple(dates, fc.integer({ min: 0, max: 999 }));
      const text = micro.map(([d, us]) => `${d.toISOString().slice(0, 23)}${String(us).padStart(3, '0')}Z`);
      return fc.oneof(...(pointer ? [] : [zeroTime]), text);
    }
    case own.quantity:
      return fc.constantFrom('0', '100m', '1', '1Gi', '512Mi', '2k', '1500m');
    case own.intOrString:
      return fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.string({ maxLength: 4 }));
    case own.rawExtension:
      return jsonValue;
    case own.fieldsV1:
      return fc.dictionary(fc.string({ maxLength: 6 }), fc.constant({}), { maxKeys: 3, noNullPrototype: true });
    case own.duration:
      return fc.constantFrom('0s', '1m30s', '1h0m0s', '1.5s');
  }
  return undefined;
}
