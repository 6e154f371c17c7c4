import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of an OpenAPI v3 schema object the generator reads. */
export interface OpenApiSchema {
  readonly type?: string;
  readonly format?: string;
  readonly $ref?: string;
  readonly allOf?: readonly OpenApiSchema[];
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly additionalProperties?: OpenApiSchema;
  readonly items?: OpenApiSchema;
  readonly default?: unknown;
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: 'atomic' | 'granular';
  readonly 'x-kubernetes-patch-strategy'?: string;
  readonly 'x-kubernetes-patch-merge-key'?: string;
  readonly 'x-kubernetes-group-version-kind'?: readonly GroupVersionKind[];
}

/** A kind a component is, as `x-kubernetes-group-version-kind` lists it. */
export interface GroupVersionKind {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
}

/**
 * The component schemas of the given OpenAPI v3 documents of kube-apiserver, merged by
 * name (a component shared by several documents is the same in each, but for the
 * group versions that list its kind: checked).
 */
export function loadComponents(specDir: string, documents: readonly string[]): Map<string, OpenApiSchema> {
  const components = new Map<string, OpenApiSchema>();
  for (const document of new Set(documents)) {
    const parsed = JSON.parse(readFileSync(join(specDir, document), 'utf8')) as {
      components?: { schemas?: Record<string, OpenApiSchema> };
    };
    for (const [name, schema] of Object.entries(parsed.components?.schemas ?? {})) {
      const known = components.get(name);
      if (known && JSON.stringify(withoutKinds(known)) !== JSON.stringify(withoutKinds(schema)))
        throw new Error(`schemas: component ${name} differs between documents (${document})`);
      components.set(name, schema);
    }
  }
  return components;
}

/** The component a schema names, through `$ref` or a one-element `allOf` (how v3 puts extensions beside a ref). */
export function refOf(schema: OpenApiSchema): string | undefined {
  const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0]?.$ref : undefined);
  return ref?.replace('#/components/schemas/', '');
}

function withoutKinds(schema: OpenApiSchema): OpenApiSchema {
  const { 'x-kubernetes-group-version-kind': _kinds, ...rest } = schema;
  return rest;
}
