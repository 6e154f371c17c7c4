// The seam between a CRD's per-version openAPIV3Schema and the writes of its custom
// resources. The server calls these on every write of a custom resource (status and
// scale included), in kube-apiserver's order: prune and default as the body is decoded,
// then validate with the other rules. Not on reads (kube-apiserver also prunes and
// defaults what it reads from etcd; here stored objects were already). The pruned paths
// are for fieldValidation=Strict. CRDs created through the API get the structural schema
// (structural-schemas.ts); types registered in code keep `openSchema`.
import type { KubeObject } from '../../../core/object.ts';
import type { Schema } from '../schema/schema.ts';

/** A field cause of a 422 (the server's `Cause`), declared here so this seam imports nothing of the server. */
export interface FieldCause {
  readonly reason: string;
  readonly message: string;
  readonly field: string;
}

/** A body the schema cannot decode (metadata of the wrong JSON type): kube-apiserver's 400. */
export class UndecodableCustomResource extends Error {
  override readonly name = 'UndecodableCustomResource';
}

export interface CustomResourceSchema {
  /** Drops fields the schema does not declare. Mutates `object`; answers the paths dropped (`spec.extra`). Throws UndecodableCustomResource. */
  prune(object: KubeObject): readonly string[];
  /** Fills in the schema's `default`s. Mutates `object`. */
  default(object: KubeObject): void;
  /** What the schema refuses, as kube-apiserver's field causes (empty when valid); `old` on updates. */
  validate(object: KubeObject, old?: KubeObject): readonly FieldCause[];
  /** What the schema of `status` refuses on a write through `/status`. */
  validateStatus(object: KubeObject, old?: KubeObject): readonly FieldCause[];
  /** How managedFields (updates, server-side apply) type the object; absent: deduced, as for an open schema. */
  readonly managedFieldsSchema?: Schema;
}

/** A version's schema as the CRD declares it: the input of a `CustomResourceSchema`. */
export type OpenApiV3Schema = Readonly<Record<string, unknown>>;

/** Makes the schema of one served version; replace it to plug in structural validation. */
export type CustomResourceSchemaFactory = (openAPIV3Schema: OpenApiV3Schema) => CustomResourceSchema;

/** Everything kept, nothing defaulted or refused: `x-kubernetes-preserve-unknown-fields` everywhere. */
export const openSchema: CustomResourceSchemaFactory = () => ({
  prune: () => [],
  default: () => {},
  validate: () => [],
  validateStatus: () => [],
});
