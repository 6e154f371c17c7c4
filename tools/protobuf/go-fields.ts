import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How Go declares one protobuf-tagged struct field: what decides its JSON form. */
export interface GoField {
  readonly goName: string;
  /** The JSON name; '' for an embedded struct written `json:",inline"`. */
  readonly jsonName: string;
  readonly protoName: string;
  readonly pointer: boolean;
  readonly omitEmpty: boolean;
  readonly omitZero: boolean;
  readonly inline: boolean;
}

const structStart = /^type (\w+) struct \{$/;
const fieldLine = /^\s*([\w.*]+)(?:\s+(\S+))?\s+`([^`]*)`/;

/** The protobuf-tagged fields of every struct in a Go package directory, by struct name. */
export function goStructFields(dir: string): Map<string, Map<string, GoField>> {
  const structs = new Map<string, Map<string, GoField>>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.go') || file.endsWith('_test.go')) continue;
    let current: Map<string, GoField> | undefined;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const start = structStart.exec(line);
      if (start?.[1]) structs.set(start[1], (current = new Map<string, GoField>()));
      else if (line === '}') current = undefined;
      else if (current) {
        const field = parseField(line);
        if (field) current.set(field.protoName, field);
      }
    }
  }
  return structs;
}

function parseField(line: string): GoField | undefined {
  const match = fieldLine.exec(line);
  if (!match) return undefined;
  const [, first, second, tags] = match as unknown as [string, string, string | undefined, string];
  const protobuf = /protobuf:"([^"]*)"/.exec(tags)?.[1];
  const json = /json:"([^"]*)"/.exec(tags)?.[1];
  if (protobuf === undefined || json === undefined) return undefined;
  const type = second ?? first;
  // Without name=, go-to-protobuf names the field after the Go field, first letter lowered.
  const goName = first.slice(first.lastIndexOf('.') + 1);
  const protoName = /(?:^|,)name=(\w+)/.exec(protobuf)?.[1] ?? goName.charAt(0).toLowerCase() + goName.slice(1);
  const [jsonName = '', ...options] = json.split(',');
  return {
    goName,
    jsonName,
    protoName,
    pointer: type.startsWith('*'),
    omitEmpty: options.includes('omitempty'),
    omitZero: options.includes('omitzero'),
    inline: options.includes('inline'),
  };
}
