import type protobuf from 'protobufjs';
import { descriptors, nameOf } from './descriptors.ts';
import { ownJsonFromJson, type WireObject } from './own-json.ts';
import { ownJsonMessageNames } from './own-json-messages.ts';
import { messageType } from './to-json.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The message Go writes for a JSON object: what a Go client would send for it. Go
 * decodes the JSON into its struct and gogo writes every field that is not a nil pointer,
 * slice or map, so the zero values of plain fields are written too; map entries are
 * written sorted by key. Unknown JSON fields are dropped, as Go drops them.
 */
export function messageFromJson(type: protobuf.Type, json: Record<string, unknown>, path: string): WireObject {
  const flags = descriptors().go[nameOf(type)] ?? {};
  const out: WireObject = {};
  for (const field of type.fieldsArray) {
    const go = flags[field.name] ?? '';
    if (go.includes('i')) {
      out[field.name] = messageFromJson(messageType(field), json, path);
      continue;
    }
    const value = Object.hasOwn(json, field.name) ? (json[field.name] ?? null) : null;
    const fieldPath = `${path}.${field.name}`;
    if (field.map) {
      if (value !== null) out[field.name] = mapFromJson(field, value, fieldPath);
    } else if (field.repeated) {
      if (value !== null) out[field.name] = listFromJson(field, value, fieldPath);
    } else if (value !== null || !(go.includes('p') || field.type === 'bytes')) {
      out[field.name] = valueFromJson(field, value, fieldPath);
    }
  }
  return out;
}

function mapFromJson(field: protobuf.Field, value: unknown, path: string): WireObject {
  if (!isObject(value)) throw new TypeError(`${path}: expected an object, got ${JSON.stringify(value)}`);
  // fromEntries, not assignment: a "__proto__" key (a valid ConfigMap key) stays a key.
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, valueFromJson(field, value[key] ?? null, `${path}.${key}`)]));
}

function listFromJson(field: protobuf.Field, value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`${path}: expected an array, got ${JSON.stringify(value)}`);
  return value.map((item: unknown, index) => valueFromJson(field, item ?? null, `${path}[${index}]`));
}

// One value of the field's type; null is Go's zero value.
function valueFromJson(field: protobuf.Field, value: unknown, path: string): unknown {
  if (field.resolvedType) {
    const type = messageType(field);
    if (ownJsonMessageNames.has(nameOf(type))) return ownJsonFromJson(nameOf(type), value, path);
    if (value !== null && !isObject(value))
      throw new TypeError(`${path}: expected an object, got ${JSON.stringify(value)}`);
    return messageFromJson(type, value ?? {}, path);
  }
  return scalarFromJson(field.type, value, path);
}

function scalarFromJson(type: string, value: unknown, path: string): unknown {
  switch (type) {
    case 'string':
      if (value === null || typeof value === 'string') return value ?? '';
      break;
    case 'bool':
      if (value === null || typeof value === 'boolean') return value ?? false;
      break;
    case 'bytes':
      if (value === null) return new Uint8Array();
      if (typeof value === 'string' && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value))
        return new Uint8Array(Buffer.from(value, 'base64'));
      throw new TypeError(`${path}: ${JSON.stringify(value)} is not base64 (bytes are base64 in JSON)`);
    case 'int32':
      if (value === null || (Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 && value !== 2 ** 31))
        return value ?? 0;
      break;
    default:
      if (value === null || Number.isInteger(value)) return value ?? 0;
  }
  throw new TypeError(`${path}: expected ${type}, got ${JSON.stringify(value)}`);
}
