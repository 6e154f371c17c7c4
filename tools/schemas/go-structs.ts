import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One JSON-tagged field of a Go struct, as its declaration and `json` tag say. */
export interface GoJsonField {
  /** The JSON name; '' for an embedded struct written `json:",inline"`. */
  readonly jsonName: string;
  /** The Go type as written (`*metav1.Time`, `[]Container`, `EphemeralContainerCommon`). */
  readonly type: string;
  readonly pointer: boolean;
  readonly omitEmpty: boolean;
  readonly omitZero: boolean;
  readonly inline: boolean;
}

const structStart = /^type (\w+) struct \{$/;
// `Name Type `tags`` or an embedded `Type `tags``.
const fieldLine = /^\s*([\w.*]+)(?:\s+(\S+))?\s+`([^`]*)`/;

/**
 * The JSON-tagged fields of every struct declared in a Go package directory, by struct
 * name, in declaration order (the order encoding/json writes them). Fields tagged
 * `json:"-"` are left out.
 */
export function goJsonStructs(dir: string): Map<string, GoJsonField[]> {
  const structs = new Map<string, GoJsonField[]>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.go') || file.endsWith('_test.go')) continue;
    let current: GoJsonField[] | undefined;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const start = structStart.exec(line);
      if (start?.[1]) structs.set(start[1], (current = []));
      else if (line === '}') current = undefined;
      else if (current) {
        const field = parseField(line);
        if (field) current.push(field);
      }
    }
  }
  return structs;
}

function parseField(line: string): GoJsonField | undefined {
  const match = fieldLine.exec(line);
  if (!match) return undefined;
  const [, first, second, tags] = match as unknown as [string, string, string | undefined, string];
  const json = /json:"([^"]*)"/.exec(tags)?.[1];
  if (json === undefined || json === '-') return undefined;
  const type = second ?? first;
  const [jsonName = '', ...options] = json.split(',');
  return {
    jsonName,
    type,
    pointer: type.startsWith('*'),
    omitEmpty: options.includes('omitempty'),
    omitZero: options.includes('omitzero'),
    inline: options.includes('inline'),
  };
}
