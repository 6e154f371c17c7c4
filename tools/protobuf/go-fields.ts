import { goStructs, type TaggedField, tagValue } from '../go/struct-fields.ts';

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

/** The protobuf-tagged fields of every struct in a Go package directory, by struct name. */
export function goStructFields(dir: string): Map<string, Map<string, GoField>> {
  const structs = new Map<string, Map<string, GoField>>();
  for (const [name, fields] of goStructs(dir)) {
    const byProtoName = new Map<string, GoField>();
    for (const field of fields) {
      const parsed = protobufField(field);
      if (parsed) byProtoName.set(parsed.protoName, parsed);
    }
    structs.set(name, byProtoName);
  }
  return structs;
}

function protobufField({ name, type, tags }: TaggedField): GoField | undefined {
  const protobuf = tagValue(tags, 'protobuf');
  const json = tagValue(tags, 'json');
  if (protobuf === undefined || json === undefined) return undefined;
  // Without name=, go-to-protobuf names the field after the Go field, first letter lowered.
  const goName = name.slice(name.lastIndexOf('.') + 1);
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
