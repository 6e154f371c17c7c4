import { goStructs, type TaggedField, tagValue } from '../go/struct-fields.ts';

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

/**
 * The JSON-tagged fields of every struct declared in a Go package directory, by struct
 * name, in declaration order (the order encoding/json writes them). Fields tagged
 * `json:"-"` are left out.
 */
export function goJsonStructs(dir: string): Map<string, GoJsonField[]> {
  const structs = new Map<string, GoJsonField[]>();
  for (const [name, fields] of goStructs(dir)) {
    structs.set(
      name,
      fields.flatMap((field) => jsonField(field) ?? []),
    );
  }
  return structs;
}

function jsonField({ type, tags }: TaggedField): GoJsonField | undefined {
  const json = tagValue(tags, 'json');
  if (json === undefined || json === '-') return undefined;
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
