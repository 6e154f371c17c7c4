import type protobuf from 'protobufjs';
import { descriptors, nameOf } from './descriptors.ts';
import { type NestedDecoder, numberOf, ownJsonToJson, type WireObject } from './own-json.ts';
import { ownJsonMessageNames } from './own-json-messages.ts';

/**
 * The JSON Go writes for a message decoded from protobuf: what kube-apiserver would
 * answer in JSON for the same object. Go fills what the wire leaves out with zero values
 * and then writes them unless `omitempty`/`omitzero` leave them out, so each field
 * follows its Go declaration (pointer, omitempty, omitzero, inline) from the descriptors.
 */
export function messageToJson(type: protobuf.Type, value: WireObject, nested: NestedDecoder): Record<string, unknown> {
  const flags = descriptors().go[nameOf(type)] ?? {};
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const go = flags[field.name] ?? '';
    const wire = Object.hasOwn(value, field.name) ? value[field.name] : undefined;
    if (go.includes('i')) Object.assign(out, messageToJson(messageType(field), (wire ?? {}) as WireObject, nested));
    else {
      const json = fieldToJson(field, go, wire, nested);
      if (json !== undefined) out[field.name] = json;
    }
  }
  return out;
}

// A field's JSON, or undefined when Go leaves it out.
function fieldToJson(field: protobuf.Field, go: string, wire: unknown, nested: NestedDecoder): unknown {
  const omitEmpty = go.includes('e');
  if (field.map || field.repeated) {
    const empty = wire === undefined || Object.keys(wire as object).length === 0;
    if (empty) return omitEmpty ? undefined : null;
    if (Array.isArray(wire)) return wire.map((item) => valueToJson(field, item, nested));
    const entries = Object.entries(wire as WireObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, valueToJson(field, item, nested)]));
  }
  if (wire === undefined && (go.includes('p') || field.type === 'bytes')) return omitEmpty ? undefined : null;
  const json = valueToJson(field, wire ?? zeroOf(field), nested);
  if (go.includes('z') && json === null) return undefined;
  if (omitEmpty && !go.includes('p') && !field.resolvedType && (json === '' || json === 0 || json === false))
    return undefined;
  return json;
}

function zeroOf(field: protobuf.Field): unknown {
  if (field.resolvedType) return {};
  if (field.type === 'string') return '';
  return field.type === 'bool' ? false : 0;
}

function valueToJson(field: protobuf.Field, wire: unknown, nested: NestedDecoder): unknown {
  if (!field.resolvedType) {
    if (field.type === 'bytes') return Buffer.from(wire as Uint8Array).toString('base64');
    return typeof wire === 'string' || typeof wire === 'boolean' ? wire : numberOf(wire);
  }
  const type = messageType(field);
  if (ownJsonMessageNames.has(nameOf(type))) return ownJsonToJson(nameOf(type), wire as WireObject, nested);
  return messageToJson(type, wire as WireObject, nested);
}

export function messageType(field: protobuf.Field): protobuf.Type {
  return field.resolvedType as protobuf.Type;
}
