import { join } from 'node:path';
import type protobuf from 'protobufjs';
import { fullName } from './closure.ts';
import { ownJsonMessageNames } from '../../src/testing/server/protobuf/own-json-messages.ts';
import { type GoField, goStructFields } from './go-fields.ts';
import { moduleOfPackage } from './go-modules.ts';
import { rootMessages } from './roots.ts';

/** What the codec needs to know of the Go struct of each message. */
export interface GoDetails {
  /**
   * Per message, per field, how Go writes the field as JSON, as letters: `p` a pointer,
   * `e` omitempty, `z` omitzero, `i` an embedded struct inlined into its parent's JSON.
   * Fields with none are left out.
   */
  readonly go: Record<string, Record<string, string>>;
  /**
   * Per message, the Go field names that are not the protobuf name capitalized (`uid` is
   * `UID`), which gogo's "wrong wireType" errors name.
   */
  readonly goNames: Record<string, Record<string, string>>;
}

/**
 * The Go details of `types`. Messages whose Go type writes its own JSON (Time, Quantity,
 * IntOrString...; see own-json-messages.ts), and the envelope, have none.
 */
export function goDetailsOf(types: readonly protobuf.Type[], dirs: ReadonlyMap<string, string>): GoDetails {
  const packages = new Map<string, Map<string, Map<string, GoField>>>();
  const out: GoDetails = { go: {}, goNames: {} };
  for (const type of types) {
    if (ownJsonMessageNames.has(fullName(type)) || rootMessages.includes(fullName(type))) continue;
    const packageName = type.parent ? fullName(type.parent) : '';
    let structs = packages.get(packageName);
    if (!structs) packages.set(packageName, (structs = goStructFields(goPackageDir(packageName, dirs))));
    const fields = structs.get(type.name);
    if (!fields) throw new Error(`protobuf: no Go struct for ${fullName(type)}`);
    out.go[fullName(type)] = flagsOf(type, fields);
    const names = goNamesOf(type, fields);
    if (Object.keys(names).length > 0) out.goNames[fullName(type)] = names;
  }
  return out;
}

function goNamesOf(type: protobuf.Type, fields: ReadonlyMap<string, GoField>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const field of type.fieldsArray) {
    const goName = fields.get(field.name)?.goName ?? '';
    if (goName !== field.name.charAt(0).toUpperCase() + field.name.slice(1)) names[field.name] = goName;
  }
  return names;
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
  const { module, rest } = moduleOfPackage(packageName);
  const dir = dirs.get(module);
  if (!dir) throw new Error(`protobuf: package ${packageName} is in none of ${[...dirs.keys()].join(', ')}`);
  return join(dir, ...rest);
}
