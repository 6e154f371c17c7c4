// The OpenAPI component name of every struct the schema files declare, so the documents
// name types as kube-apiserver does (io.k8s.api.apps.v1.DeploymentSpec). The schema files
// export each Go struct under the Go name in lower camel case; packages.generated.ts says
// each generated module's package, and the CRD's own schema module is added here.
import * as apiextensionsV1Crd from '../schema/apiextensions-v1-crd.ts';
import { generatedPackages } from '../schema/packages.generated.ts';
import type { Schema, StructSchema } from '../schema/index.ts';
import { goTypeName } from './go-type-name.ts';

export { goTypeName } from './go-type-name.ts';

const packages: readonly (readonly [string, Readonly<Record<string, unknown>>])[] = [
  ['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1', apiextensionsV1Crd],
  ...generatedPackages,
];

const isStruct = (value: unknown): value is StructSchema =>
  typeof value === 'object' && value !== null && (value as Schema).kind === 'struct';

const names = new Map<StructSchema, string>();
for (const [prefix, module] of packages) {
  for (const [exportName, value] of Object.entries(module)) {
    if (isStruct(value) && !names.has(value)) names.set(value, `${prefix}.${goTypeName(exportName)}`);
  }
}

/** The component name of a struct the schema files declare; undefined for anonymous ones. */
export const componentName = (schema: StructSchema): string | undefined => names.get(schema);
