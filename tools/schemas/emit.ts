import { goTypeName, initialisms } from '../../src/testing/server/openapi/go-type-name.ts';
import { goTypeOf } from './go-packages.ts';
import type { FieldDef, StructDef } from './model.ts';
import type { GroupVersionKind } from './openapi.ts';

/** `io.k8s.api.core.v1` → `core-v1`: the generated file of a package is `<this>.generated.ts`. */
export const fileOf = (component: string): string => {
  const parts = goTypeOf(component).openApiPackage.split('.');
  return parts.slice(-2).join('-');
};

/**
 * The schema files' export name of a struct: its Go name in lower camel case, from which
 * component-names.ts gets the Go name back (checked, so the OpenAPI it serves names types right).
 */
export function exportNameOf(component: string): string {
  const { name } = goTypeOf(component);
  // A Go initialism is lowered as a whole (HTTPGetAction → httpGetAction).
  const initialism = initialisms.find(
    ([, spelled]) => name.startsWith(spelled) && /^[A-Z]/.test(name.slice(spelled.length)),
  );
  const exported = initialism
    ? initialism[0] + name.slice(initialism[1].length)
    : name.charAt(0).toLowerCase() + name.slice(1);
  if (goTypeName(exported) !== name)
    throw new Error(
      `schemas: ${exported} reads back as ${goTypeName(exported)}, not ${name}; add its initialism to go-type-name.ts`,
    );
  return exported;
}

/** The field as define.ts's constructors write it, shortest first. */
function fieldExpression(field: FieldDef): string {
  const options: string[] = [];
  let call: string;
  let args: string;
  if (field.pointer) {
    [call, args] = ['ptr', field.schema];
    if (!field.omitEmpty) options.push('omitEmpty: false');
  } else if (field.patchStrategy === 'merge' && field.patchMergeKey !== undefined) {
    [call, args] = ['mergedBy', `'${field.patchMergeKey}', ${field.schema}`];
    if (!field.omitEmpty) options.push('omitEmpty: false');
  } else {
    [call, args] = [field.omitEmpty ? 'field' : 'always', field.schema];
  }
  if (field.omitZero) options.push('omitZero: true');
  if (call !== 'mergedBy') {
    if (field.patchStrategy !== undefined) options.push(`patchStrategy: '${field.patchStrategy}'`);
    if (field.patchMergeKey !== undefined) options.push(`patchMergeKey: '${field.patchMergeKey}'`);
  }
  if (call === 'field' && options.length === 0) return field.schema;
  return options.length === 0 ? `${call}(${args})` : `${call}(${args}, { ${options.join(', ')} })`;
}

function structText(def: StructDef): string {
  const fields = def.fields.map((field) => `  ${field.jsonName}: ${fieldExpression(field)},`);
  const constructor = def.atomic ? 'atomicStruct' : 'struct';
  return `export const ${exportNameOf(def.component)} = ${constructor}({\n${fields.join('\n')}\n});\n`;
}

const defineNames = [
  'always',
  'atomicBytes',
  'atomicList',
  'atomicStruct',
  'boolean',
  'bytes',
  'field',
  'fieldsV1',
  'intOrString',
  'integer',
  'map',
  'mapList',
  'mergedBy',
  'number',
  'ptr',
  'quantity',
  'setList',
  'string',
  'struct',
  'time',
];

/** One generated file: the structs of one Go package, each after those it uses. */
export function fileText(file: string, defs: readonly StructDef[], header: readonly string[]): string {
  const body = defs.map(structText).join('\n');
  // The identifiers the definitions use: quoted strings and object keys left out.
  const words = new Set(body.replace(/'[^']*'|"[^"]*"|[\w$]+:/g, ' ').match(/[\w$]+/g));
  const imports = [`import { ${defineNames.filter((name) => words.has(name)).join(', ')} } from './define.ts';`];
  if (words.has('deduced')) imports.push(`import { deduced } from './schema.ts';`);
  const others = new Map<string, Set<string>>();
  for (const def of defs)
    for (const use of def.uses) {
      if (fileOf(use) === file) continue;
      const names = others.get(fileOf(use)) ?? new Set<string>();
      others.set(fileOf(use), names.add(exportNameOf(use)));
    }
  for (const [other, names] of [...others].sort(([a], [b]) => a.localeCompare(b)))
    imports.push(`import { ${[...names].sort().join(', ')} } from './${other}.generated.ts';`);
  return [...header.map((line) => `// ${line}`), ...imports, '', body].join('\n');
}

/** The index of the generated files: each module with the OpenAPI package its structs are named in. */
export function packagesText(
  files: ReadonlyMap<string, string>,
  kinds: ReadonlyMap<string, readonly GroupVersionKind[]>,
  header: readonly string[],
): string {
  const sorted = [...files].sort(([a], [b]) => a.localeCompare(b));
  const alias = (file: string): string => file.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  return [
    ...header.map((line) => `// ${line}`),
    "import type { GroupVersionKind } from './schema.ts';",
    ...sorted.map(([file]) => `import * as ${alias(file)} from './${file}.generated.ts';`),
    '',
    '/** Every generated module, with the OpenAPI package (`io.k8s.api.core.v1`) of the structs it exports. */',
    'export const generatedPackages: readonly (readonly [string, Readonly<Record<string, unknown>>])[] = [',
    ...sorted.map(([file, openApiPackage]) => `  ['${openApiPackage}', ${alias(file)}],`),
    '];',
    '',
    '/** The structs that are kinds, by component name, with their `x-kubernetes-group-version-kind`. */',
    'export const componentKinds: Readonly<Record<string, readonly GroupVersionKind[]>> = {',
    ...[...kinds].map(([component, list]) => `  '${component}': ${JSON.stringify(list)},`),
    '};',
    '',
  ].join('\n');
}
