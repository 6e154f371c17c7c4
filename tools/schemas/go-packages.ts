import { join } from 'node:path';
import { type GoJsonField, goJsonStructs } from './go-structs.ts';

/** Where the Go types of an OpenAPI component live: `io.k8s.api.core.v1.Pod` → k8s.io/api, core/v1, Pod. */
export interface GoTypeName {
  /** The OpenAPI package, `io.k8s.api.core.v1`. */
  readonly openApiPackage: string;
  readonly module: (typeof goModulePaths)[number];
  /** The package's directory inside its module, `core/v1` or `pkg/apis/meta/v1`. */
  readonly packageDir: string;
  readonly name: string;
}

/** The Go modules holding the types of the served kinds (APIService is kube-aggregator's). */
export const goModulePaths = ['k8s.io/api', 'k8s.io/apimachinery', 'k8s.io/kube-aggregator'] as const;

export function goTypeOf(component: string): GoTypeName {
  const dot = component.lastIndexOf('.');
  const openApiPackage = component.slice(0, dot);
  const name = component.slice(dot + 1);
  for (const module of goModulePaths) {
    const prefix = `io.k8s.${module.slice('k8s.io/'.length)}.`;
    if (openApiPackage.startsWith(prefix))
      return { openApiPackage, module, packageDir: openApiPackage.slice(prefix.length).replaceAll('.', '/'), name };
  }
  throw new Error(`schemas: ${component} is in none of ${goModulePaths.join(', ')}`);
}

/** Go's import aliases for the packages kube types embed from elsewhere (`metav1.TypeMeta`). */
const aliases: Readonly<Record<string, string>> = { metav1: 'io.k8s.apimachinery.pkg.apis.meta.v1' };

/**
 * The JSON fields of Go structs, read from the module directories and cached by package,
 * with embedded `json:",inline"` structs expanded in place, as encoding/json writes them.
 */
export class GoPackages {
  private readonly packages = new Map<string, Map<string, GoJsonField[]>>();
  private readonly moduleDirs: ReadonlyMap<string, string>;
  constructor(moduleDirs: ReadonlyMap<string, string>) {
    this.moduleDirs = moduleDirs;
  }

  fieldsOf(component: string): GoJsonField[] {
    const type = goTypeOf(component);
    const structs = this.structsOf(type);
    const fields = structs.get(type.name);
    if (!fields) throw new Error(`schemas: no Go struct ${type.name} in ${type.module}/${type.packageDir}`);
    return fields.flatMap((field) => (field.inline ? this.fieldsOf(this.embedded(type, field.type)) : [field]));
  }

  private embedded(outer: GoTypeName, goType: string): string {
    const dot = goType.indexOf('.');
    if (dot < 0) return `${outer.openApiPackage}.${goType}`;
    const target = aliases[goType.slice(0, dot)];
    if (!target) throw new Error(`schemas: ${outer.name} embeds ${goType}, from a package the generator does not know`);
    return `${target}.${goType.slice(dot + 1)}`;
  }

  private structsOf(type: GoTypeName): Map<string, GoJsonField[]> {
    let structs = this.packages.get(type.openApiPackage);
    if (!structs) {
      const dir = this.moduleDirs.get(type.module);
      if (!dir) throw new Error(`schemas: no directory for ${type.module}`);
      structs = goJsonStructs(join(dir, type.packageDir));
      this.packages.set(type.openApiPackage, structs);
    }
    return structs;
  }
}
