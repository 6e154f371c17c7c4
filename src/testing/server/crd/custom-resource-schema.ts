// The seam between a CRD's per-version openAPIV3Schema and the writes of its custom
// resources. The server calls these three on every write of a custom resource (status
// and scale included), in kube-apiserver's order: default, prune, then validate with the
// other rules. Not yet on reads (kube-apiserver also defaults what it reads from etcd);
// the pruned paths are for fieldValidation (Strict refuses them, Warn warns). Today only the open behaviour is
// plugged in (every field kept, nothing defaulted or refused); a structural-schema
// module implements the interface to make the schema count.
import type { KubeObject } from '../../../core/object.ts';

/** A field cause of a 422 (the server's `Cause`), declared here so this seam imports nothing of the server. */
export interface FieldCause {
  readonly reason: string;
  readonly message: string;
  readonly field: string;
}

export interface CustomResourceSchema {
  /** Fills in the schema's `default`s. Mutates `object`. */
  default(object: KubeObject): void;
  /** Drops fields the schema does not declare. Mutates `object`; answers the paths dropped (`spec.extra`). */
  prune(object: KubeObject): readonly string[];
  /** What the schema refuses, as kube-apiserver's field causes (empty when valid). */
  validate(object: KubeObject): readonly FieldCause[];
}

/** A version's schema as the CRD declares it: the input of a `CustomResourceSchema`. */
export type OpenApiV3Schema = Readonly<Record<string, unknown>>;

/** Makes the schema of one served version; replace it to plug in structural validation. */
export type CustomResourceSchemaFactory = (openAPIV3Schema: OpenApiV3Schema) => CustomResourceSchema;

/** Everything kept, nothing defaulted or refused: `x-kubernetes-preserve-unknown-fields` everywhere. */
export const openSchema: CustomResourceSchemaFactory = () => ({
  default: () => {},
  prune: () => [],
  validate: () => [],
});
