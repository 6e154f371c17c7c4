// The OpenAPI component name of every struct the schema files declare, so the documents
// name types as kube-apiserver does (io.k8s.api.apps.v1.DeploymentSpec). The generated schema
// files export each Go struct under the Go name in lower camel case; packages.generated.ts
// says each module's package.
import { generatedPackages } from '../schema/packages.generated.ts';
import type { Schema, StructSchema } from '../schema/index.ts';
import { goTypeName } from './go-type-name.ts';

export { goTypeName } from './go-type-name.ts';

const isStruct = (value: unknown): value is StructSchema =>
  typeof value === 'object' && value !== null && (value as Schema).kind === 'struct';

const names = new Map<StructSchema, string>();
for (const [prefix, module] of generatedPackages) {
  for (const [exportName, value] of Object.entries(module)) {
    if (isStruct(value) && !names.has(value)) names.set(value, `${prefix}.${goTypeName(exportName)}`);
  }
}

/** The component name of a struct the schema files declare; undefined for anonymous ones. */
export const componentName = (schema: StructSchema): string | undefined => names.get(schema);
