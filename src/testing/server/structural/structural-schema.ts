// A CRD version's `openAPIV3Schema` in the structural form kube-apiserver works with
// (apiextensions-apiserver's schema.Structural): the type, the nested schemas, the
// value validations and the `x-kubernetes-*` extensions, each read once and checked for
// its JSON type so that the algorithms beside this file never meet a malformed schema.

/** One node of a structural schema. */
export interface StructuralSchema {
  /** `object`, `array`, `string`, `integer`, `number`, `boolean`, or '' (int-or-string, preserved). */
  readonly type: string;
  readonly nullable: boolean;
  /** The `default`, when the schema has one (a JSON null default counts as none, as in Go). */
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, StructuralSchema>>;
  /** A schema for every other key, or `true` (any value, kept unpruned of nothing). */
  readonly additionalProperties?: StructuralSchema | boolean;
  readonly items?: StructuralSchema;
  readonly required: readonly string[];
  readonly enum?: readonly unknown[];
  readonly maximum?: number;
  readonly exclusiveMaximum: boolean;
  readonly minimum?: number;
  readonly exclusiveMinimum: boolean;
  readonly multipleOf?: number;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly uniqueItems: boolean;
  readonly maxProperties?: number;
  readonly minProperties?: number;
  readonly format?: string;
  readonly allOf?: readonly StructuralSchema[];
  readonly anyOf?: readonly StructuralSchema[];
  readonly oneOf?: readonly StructuralSchema[];
  readonly not?: StructuralSchema;
  readonly preserveUnknownFields: boolean;
  readonly embeddedResource: boolean;
  readonly intOrString: boolean;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  readonly mapType?: string;
}

/** A schema that cannot be read, naming where (`properties.spec.maximum`) and why. */
export class SchemaParseError extends Error {
  override readonly name = 'SchemaParseError';
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reader of one schema node's keywords, each checked for its JSON type. */
class Keywords {
  private readonly node: Json;
  private readonly path: string;

  constructor(node: Json, path: string) {
    this.node = node;
    this.path = path;
  }

  private fail(key: string, expected: string): never {
    const where = this.path === '' ? key : `${this.path}.${key}`;
    throw new SchemaParseError(`openAPIV3Schema.${where}: must be ${expected}`);
  }

  string(key: string): string | undefined {
    const value = this.node[key];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : this.fail(key, 'a string');
  }

  number(key: string): number | undefined {
    const value = this.node[key];
    if (value === undefined) return undefined;
    return typeof value === 'number' ? value : this.fail(key, 'a number');
  }

  boolean(key: string): boolean {
    const value = this.node[key];
    if (value === undefined) return false;
    return typeof value === 'boolean' ? value : this.fail(key, 'a boolean');
  }

  strings(key: string): string[] | undefined {
    const value = this.node[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    return this.fail(key, 'a list of strings');
  }

  list(key: string): unknown[] | undefined {
    const value = this.node[key];
    if (value === undefined) return undefined;
    return Array.isArray(value) ? (value as unknown[]) : this.fail(key, 'a list');
  }

  object(key: string): Json | undefined {
    const value = this.node[key];
    if (value === undefined) return undefined;
    return isObject(value) ? value : this.fail(key, 'an object');
  }
}

/** Drops the keys whose value is undefined, so optional fields stay absent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function nested(node: Json, path: string, read: Keywords) {
  const child = (key: string) => `${path === '' ? '' : `${path}.`}${key}`;
  const schemaAt = (key: string) => {
    const value = read.object(key);
    return value === undefined ? undefined : parseNode(value, child(key));
  };
  const listAt = (key: string) =>
    read.list(key)?.map((item, index) => {
      if (!isObject(item))
        throw new SchemaParseError(`openAPIV3Schema.${child(key)}[${String(index)}]: must be an object`);
      return parseNode(item, `${child(key)}[${String(index)}]`);
    });
  const properties = read.object('properties');
  const additional = node.additionalProperties;
  return {
    properties:
      properties &&
      Object.fromEntries(
        Object.entries(properties).map(([key, value]) => {
          if (!isObject(value))
            throw new SchemaParseError(`openAPIV3Schema.${child(`properties.${key}`)}: must be an object`);
          return [key, parseNode(value, child(`properties.${key}`))];
        }),
      ),
    additionalProperties: typeof additional === 'boolean' ? additional : schemaAt('additionalProperties'),
    items: schemaAt('items'),
    allOf: listAt('allOf'),
    anyOf: listAt('anyOf'),
    oneOf: listAt('oneOf'),
    not: schemaAt('not'),
  };
}

function parseNode(node: Json, path: string): StructuralSchema {
  const read = new Keywords(node, path);
  return defined<StructuralSchema>({
    type: read.string('type') ?? '',
    nullable: read.boolean('nullable'),
    default: node.default === null ? undefined : node.default,
    ...nested(node, path, read),
    required: read.strings('required') ?? [],
    enum: read.list('enum'),
    maximum: read.number('maximum'),
    exclusiveMaximum: read.boolean('exclusiveMaximum'),
    minimum: read.number('minimum'),
    exclusiveMinimum: read.boolean('exclusiveMinimum'),
    multipleOf: read.number('multipleOf'),
    maxLength: read.number('maxLength'),
    minLength: read.number('minLength'),
    pattern: read.string('pattern'),
    maxItems: read.number('maxItems'),
    minItems: read.number('minItems'),
    uniqueItems: read.boolean('uniqueItems'),
    maxProperties: read.number('maxProperties'),
    minProperties: read.number('minProperties'),
    format: read.string('format'),
    preserveUnknownFields: read.boolean('x-kubernetes-preserve-unknown-fields'),
    embeddedResource: read.boolean('x-kubernetes-embedded-resource'),
    intOrString: read.boolean('x-kubernetes-int-or-string'),
    listType: read.string('x-kubernetes-list-type'),
    listMapKeys: read.strings('x-kubernetes-list-map-keys'),
    mapType: read.string('x-kubernetes-map-type'),
  });
}

/**
 * Reads a CRD version's `schema.openAPIV3Schema` into its structural form. Throws a
 * {@link SchemaParseError} naming the keyword whose value has the wrong JSON type.
 */
export function structuralSchema(openAPIV3Schema: unknown): StructuralSchema {
  if (!isObject(openAPIV3Schema)) throw new SchemaParseError('openAPIV3Schema: must be an object');
  return parseNode(openAPIV3Schema, '');
}
