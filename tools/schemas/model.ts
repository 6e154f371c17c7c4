/**
 * Turns OpenAPI components into struct definitions for the schema files: what a field
 * holds, its list, map and struct types and its patch tags come from kube-apiserver's
 * OpenAPI; its order, pointer-ness and `omitempty`/`omitzero` from the Go struct.
 */
import type { GoPackages } from './go-packages.ts';
import { type GroupVersionKind, type OpenApiSchema, refOf } from './openapi.ts';

/** A struct field as the schema files declare it. */
export interface FieldDef {
  readonly jsonName: string;
  /** The schema as a TypeScript expression over define.ts and the structs' names. */
  readonly schema: string;
  readonly pointer: boolean;
  readonly omitEmpty: boolean;
  readonly omitZero: boolean;
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
}

export interface StructDef {
  readonly component: string;
  readonly atomic: boolean;
  readonly fields: readonly FieldDef[];
  /** The components its fields refer to. */
  readonly uses: ReadonlySet<string>;
  /** The kinds it is, when it is one (`x-kubernetes-group-version-kind`). */
  readonly kinds?: readonly GroupVersionKind[];
}

/**
 * Components whose Go types write their own JSON, so the schema files hold them as
 * scalars of define.ts (and managedFields' free-form fieldsV1 as define.ts's own deduced schema).
 */
const ownJson: Readonly<Record<string, string>> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'intOrString',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'fieldsV1',
};

export class StructModel {
  /** Every struct reached, each after the structs it uses. */
  readonly structs = new Map<string, StructDef>();
  private readonly building = new Set<string>();

  private readonly components: ReadonlyMap<string, OpenApiSchema>;
  private readonly go: GoPackages;
  private readonly exportName: (component: string) => string;

  constructor(
    components: ReadonlyMap<string, OpenApiSchema>,
    go: GoPackages,
    exportName: (component: string) => string,
  ) {
    this.components = components;
    this.go = go;
    this.exportName = exportName;
  }

  add(component: string): void {
    if (this.structs.has(component)) return;
    if (this.building.has(component)) throw new Error(`schemas: ${component} refers to itself; not supported`);
    this.building.add(component);
    const schema = this.component(component);
    const properties = schema.properties ?? {};
    const uses = new Set<string>();
    const seen = new Set<string>();
    const fields = this.go.fieldsOf(component).map((goField): FieldDef => {
      const property = properties[goField.jsonName];
      if (!property) throw new Error(`schemas: Go field ${component}.${goField.jsonName} is not in the OpenAPI`);
      seen.add(goField.jsonName);
      return {
        jsonName: goField.jsonName,
        schema: this.expression(property, uses, `${component}.${goField.jsonName}`),
        pointer: goField.pointer,
        omitEmpty: goField.omitEmpty,
        omitZero: goField.omitZero,
        ...optional('patchStrategy', property['x-kubernetes-patch-strategy']),
        ...optional('patchMergeKey', property['x-kubernetes-patch-merge-key']),
      };
    });
    const unmatched = Object.keys(properties).filter((name) => !seen.has(name));
    if (unmatched.length > 0)
      throw new Error(`schemas: ${component} has OpenAPI fields Go lacks: ${unmatched.join(', ')}`);
    this.building.delete(component);
    const kinds = schema['x-kubernetes-group-version-kind'];
    const atomic = schema['x-kubernetes-map-type'] === 'atomic';
    this.structs.set(component, { component, atomic, fields, uses, ...(kinds && { kinds }) });
  }

  private component(name: string): OpenApiSchema {
    const schema = this.components.get(name);
    if (!schema) throw new Error(`schemas: no OpenAPI component ${name}`);
    return schema;
  }

  private expression(schema: OpenApiSchema, uses: Set<string>, where: string): string {
    const ref = refOf(schema);
    if (ref !== undefined) {
      if (ownJson[ref]) return ownJson[ref];
      this.add(ref);
      uses.add(ref);
      return this.exportName(ref);
    }
    switch (schema.type) {
      case 'string':
        if (schema.format !== 'byte') return 'string';
        return schema['x-kubernetes-list-type'] === 'atomic' ? 'atomicBytes' : 'bytes';
      case 'integer':
      case 'number':
      case 'boolean':
        return schema.type;
      case 'array':
        return this.list(schema, uses, where);
      case 'object':
        if (schema.additionalProperties) {
          const values = this.expression(schema.additionalProperties, uses, `${where}[*]`);
          const mapType = schema['x-kubernetes-map-type'];
          return mapType === undefined ? `map(${values})` : `map(${values}, { ${mapType}: true })`;
        }
        if (!schema.properties) return 'deduced';
    }
    throw new Error(`schemas: ${where} has an OpenAPI schema the generator does not map: ${JSON.stringify(schema)}`);
  }

  // structured-merge-diff takes a list without x-kubernetes-list-type for atomic.
  private list(schema: OpenApiSchema, uses: Set<string>, where: string): string {
    if (!schema.items) throw new Error(`schemas: ${where} is an array without items`);
    const items = this.expression(schema.items, uses, `${where}[]`);
    const listType = schema['x-kubernetes-list-type'] ?? 'atomic';
    if (listType === 'atomic') return `atomicList(${items})`;
    if (listType === 'set') return `setList(${items})`;
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    const itemRef = refOf(schema.items);
    const itemProperties = itemRef ? (this.component(itemRef).properties ?? {}) : {};
    // A key field's OpenAPI default is the value it takes in an item's key when missing.
    const defaults = keys.flatMap((key) => {
      const value = itemProperties[key]?.default;
      return value === undefined ? [] : [`${safeKey(key)}: ${JSON.stringify(value)}`];
    });
    const keyList = `[${keys.map((key) => `'${key}'`).join(', ')}]`;
    return `mapList(${items}, ${keyList}, { ${defaults.join(', ')} })`;
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

const safeKey = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));
