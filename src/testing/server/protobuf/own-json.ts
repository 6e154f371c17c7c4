import { durationFromJson, durationToJson } from './duration-json.ts';
import { ownJsonMessages as own } from './own-json-messages.ts';
import { type Timestamp, timeFromJson, timeToJson } from './time-json.ts';

/**
 * A message as protobufjs decodes it (only the fields on the wire are own properties;
 * int64s may be Longs), or as the codec builds it to encode.
 */
export type WireObject = Record<string, unknown>;

interface LongLike {
  toNumber(): number;
}
const isLong = (value: unknown): value is LongLike =>
  typeof value === 'object' && value !== null && typeof (value as Partial<LongLike>).toNumber === 'function';

/** A decoded integer as a JS number: protobufjs gives int64s as Longs. */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  return isLong(value) ? value.toNumber() : 0;
}

/** A field of a decoded message if it was on the wire (protobufjs puts defaults on the prototype). */
function wire(value: WireObject, field: string): unknown {
  return Object.hasOwn(value, field) ? value[field] : undefined;
}

/** Whether the message had no field on the wire (Go's `len(data) == 0`). */
function isEmptyMessage(value: WireObject): boolean {
  return Object.keys(value).length === 0;
}

/** Decodes the embedded object of a RawExtension that holds protobuf (a watch event's). */
export type NestedDecoder = (bytes: Uint8Array) => unknown;

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The raw JSON of a RawExtension or FieldsV1; `null` for a nil Raw (what Go writes then).
 * Go's protobuf decoding takes any bytes there; ones that are not JSON come out as their
 * text in a string, a value no client sends there, which what reads them then refuses
 * (kube-apiserver's field manager drops managedFields it cannot read, for one).
 */
function rawJson(raw: unknown, decodeNested: NestedDecoder): unknown {
  if (!(raw instanceof Uint8Array) || raw.length === 0) return null;
  if (raw[0] === 0x6b && raw[1] === 0x38 && raw[2] === 0x73 && raw[3] === 0) return decodeNested(raw);
  const text = utf8.decode(raw);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The JSON Go writes for a message with its own JSON form (`value` is `{}` when absent). */
export function ownJsonToJson(message: string, value: WireObject, decodeNested: NestedDecoder): unknown {
  switch (message) {
    case own.time:
    case own.microTime:
      return timeToJson(isEmptyMessage(value) ? undefined : timestampOf(value), message === own.microTime);
    case own.duration:
      return durationToJson(numberOf(wire(value, 'duration')));
    case own.quantity:
      return wire(value, 'string') ?? '0';
    case own.intOrString:
      return numberOf(wire(value, 'type')) === 1 ? (wire(value, 'strVal') ?? '') : numberOf(wire(value, 'intVal'));
    case own.rawExtension:
      return rawJson(wire(value, 'raw'), decodeNested);
    case own.fieldsV1:
      return rawJson(wire(value, 'Raw'), decodeNested);
  }
  throw new Error(`protobuf: ${message} has no JSON mapping`);
}

function timestampOf(value: WireObject): Timestamp {
  return { seconds: numberOf(wire(value, 'seconds')), nanos: numberOf(wire(value, 'nanos')) };
}

/** The message gogo writes for the JSON value of a message with its own JSON form. */
export function ownJsonFromJson(message: string, value: unknown, field: string): WireObject {
  switch (message) {
    case own.time:
    case own.microTime:
      return { ...timeFromJson(value, message === own.microTime, field) };
    case own.duration:
      return { duration: value === null ? 0 : durationFromJson(value, field) };
    case own.quantity:
      return { string: quantityFromJson(value, field) };
    case own.intOrString:
      return intOrStringFromJson(value, field);
    case own.rawExtension:
      return value === null ? {} : { raw: encoder.encode(JSON.stringify(value)) };
    case own.fieldsV1:
      return value === null ? {} : { Raw: encoder.encode(JSON.stringify(value)) };
  }
  throw new Error(`protobuf: ${message} has no JSON mapping`);
}

function quantityFromJson(value: unknown, field: string): string {
  if (value === null) return '0';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new TypeError(`${field}: ${JSON.stringify(value)} is not a quantity such as "100m" or "1Gi"`);
}

function intOrStringFromJson(value: unknown, field: string): WireObject {
  if (typeof value === 'string') return { type: 1, intVal: 0, strVal: value };
  if (value === null) return { type: 0, intVal: 0, strVal: '' };
  if (typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31)
    return { type: 0, intVal: value, strVal: '' };
  throw new TypeError(`${field}: ${JSON.stringify(value)} is neither an int32 nor a string`);
}
