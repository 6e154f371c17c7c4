// The structs a Go package declares, read from its sources as text: enough for the generators,
// which need each field's declaration and struct tags, not a Go parser.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One field of a Go struct that carries struct tags. */
export interface TaggedField {
  /** The field's name; for an embedded field, its type as written (`metav1.TypeMeta`). */
  readonly name: string;
  /** The Go type as written (`*metav1.Time`, `[]Container`, `EphemeralContainerCommon`). */
  readonly type: string;
  /** The text between the backquotes. */
  readonly tags: string;
}

const structStart = /^type (\w+) struct \{$/;
// `Name Type `tags`` or an embedded `Type `tags``.
const fieldLine = /^\s*([\w.*]+)(?:\s+(\S+))?\s+`([^`]*)`/;

/**
 * The tagged fields of every struct declared in a Go package directory, by struct name, in
 * declaration order (the order encoding/json writes them). Files are read in name order.
 */
export function goStructs(dir: string): Map<string, TaggedField[]> {
  const structs = new Map<string, TaggedField[]>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.go') || file.endsWith('_test.go')) continue;
    let current: TaggedField[] | undefined;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const start = structStart.exec(line);
      if (start?.[1]) structs.set(start[1], (current = []));
      else if (line === '}') current = undefined;
      else if (current) {
        const match = fieldLine.exec(line);
        if (!match) continue;
        const [, name, type, tags] = match as unknown as [string, string, string | undefined, string];
        current.push({ name, type: type ?? name, tags });
      }
    }
  }
  return structs;
}

/** The value of one tag (`json:"name,omitempty"` gives `name,omitempty`), undefined without it. */
export const tagValue = (tags: string, key: string): string | undefined =>
  new RegExp(`${key}:"([^"]*)"`).exec(tags)?.[1];
