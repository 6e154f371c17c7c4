import { join } from 'node:path';
import type protobuf from 'protobufjs';
import { fullName } from './closure.ts';
import { ownJsonMessageNames } from '../../src/testing/server/protobuf/own-json-messages.ts';
import { type GoField, goStructFields } from './go-fields.ts';
import { rootMessages } from './roots.ts';

/**
 * Per message, per field, how Go writes the field as JSON, as letters: `p` a pointer,
 * `e` omitempty, `z` omitzero, `i` an embedded struct inlined into its parent's JSON.
 * Fields with none are left out. Messages whose Go type writes its own JSON (Time,
 * Quantity, IntOrString...; see own-json-messages.ts), and the envelope, have no entry.
 */
export function goJsonOf(
  types: readonly protobuf.Type[],
  dirs: ReadonlyMap<string, string>,
): Record<string, Record<string, string>> {
  const packages = new Map<string, Map<string, Map<string, GoField>>>();
  const out: Record<string, Record<string, string>> = {};
  for (const type of types) {
    if (ownJsonMessageNames.has(fullName(type)) || rootMessages.includes(fullName(type))) continue;
    const packageName = type.parent ? fullName(type.parent) : '';
    let structs = packages.get(packageName);
    if (!structs) packages.set(packageName, (structs = goStructFields(goPackageDir(packageName, dirs))));
    const fields = structs.get(type.name);
    if (!fields) throw new Error(`protobuf: no Go struct for ${fullName(type)}`);
    out[fullName(type)] = flagsOf(type, fields);
  }
  return out;
}

function flagsOf(type: protobuf.Type, fields: ReadonlyMap<string, GoField>): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const field of type.fieldsArray) {
    const go = fields.get(field.name);
    if (!go) throw new Error(`protobuf: no Go field tagged name=${field.name} in ${fullName(type)}`);
    if (!go.inline && go.jsonName !== field.name)
      throw new Error(
        `protobuf: ${fullName(type)}.${field.name} is "${go.jsonName}" in JSON; the codec assumes equal names`,
      );
    const letters =
      (go.pointer ? 'p' : '') + (go.omitEmpty ? 'e' : '') + (go.omitZero ? 'z' : '') + (go.inline ? 'i' : '');
    if (letters) flags[field.name] = letters;
  }
  return flags;
}

// k8s.io.api.core.v1 -> <k8s.io/api dir>/core/v1
function goPackageDir(packageName: string, dirs: ReadonlyMap<string, string>): string {
  const [first, second, ...rest] = packageName.split('.');
  const module = `${first}.${second}/${rest[0]}`;
  const dir = dirs.get(module);
  if (!dir) throw new Error(`protobuf: package ${packageName} is in none of ${[...dirs.keys()].join(', ')}`);
  return join(dir, ...rest.slice(1));
}
