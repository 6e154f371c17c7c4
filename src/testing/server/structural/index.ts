// The seam the embedded server's custom resource handling calls: one compiled schema per
// served CRD version, applied as kube-apiserver applies it when it decodes (prune, then
// default) and when it validates a create or update.
import { applyDefaults } from './defaulting.ts';
import { validateEmbeddedResources } from './embedded-resource.ts';
import type { FieldError } from './field-error.ts';
import { validateListTypes } from './list-type.ts';
import { pruneCustomResource } from './pruning.ts';
import { type StructuralSchema, structuralSchema } from './structural-schema.ts';
import { validateValue } from './validation.ts';

export { type FieldError, type FieldErrorReason, fieldErrorBody, fieldErrorText } from './field-error.ts';
export { SchemaParseError, type StructuralSchema, structuralSchema } from './structural-schema.ts';
export { CustomResourceDecodeError } from './pruning.ts';

/** A CRD version's schema, ready to apply to its custom resources. */
export interface CustomResourceSchema {
  readonly schema: StructuralSchema;
  /** Sets the schema's defaults into `object` (a whole custom resource), in place. */
  default(object: Record<string, unknown>): void;
  /**
   * Removes unknown fields from `object` in place (metadata kept to ObjectMeta, nulls the
   * schema neither allows nor defaults dropped); returns the removed fields' paths, in
   * the order kube-apiserver lists them in `unknown field "spec.foo"` errors and warnings.
   * Throws a CustomResourceDecodeError (kube-apiserver's 400) for metadata of the wrong
   * JSON types or an embedded resource's apiVersion or kind that is not a string.
   */
  prune(object: Record<string, unknown>): string[];
  /**
   * The schema's field errors for `object`, already pruned and defaulted; [] when valid.
   * On an update, give the `old` object: errors of values unchanged since it are dropped
   * (kube-apiserver's validation ratcheting), and duplicate items of list sets and maps
   * are reported only if the old object had none.
   */
  validate(object: Record<string, unknown>, old?: Record<string, unknown>): FieldError[];
  /**
   * The field errors of a write to the `/status` subresource: `object.status` against the
   * schema of `status` alone (fields `status.x`, messages naming `x`), as kube-apiserver
   * validates it, then the list-type duplicates of the whole object (ratcheted as in
   * `validate`); [] when valid. With `old`, errors of status values unchanged since the
   * old object are dropped.
   */
  validateStatus(object: Record<string, unknown>, old?: Record<string, unknown>): FieldError[];
}

/** Duplicates in list sets and maps, reported only if the old object (if any) had none. */
function listTypeErrors(object: Record<string, unknown>, schema: StructuralSchema, old?: Record<string, unknown>) {
  if (old !== undefined && validateListTypes(old, schema).length > 0) return [];
  return validateListTypes(object, schema);
}

/**
 * Compiles a CRD version's `schema.openAPIV3Schema`. Throws a SchemaParseError naming the
 * keyword when the schema cannot be read.
 */
export function customResourceSchema(openAPIV3Schema: unknown): CustomResourceSchema {
  const schema = structuralSchema(openAPIV3Schema);
  return {
    schema,
    default: (object) => {
      applyDefaults(object, schema);
    },
    prune: (object) => pruneCustomResource(object, schema),
    validate: (object, old) => {
      const embedded = validateEmbeddedResources(object, schema);
      const schemaErrors = validateValue(object, schema, '', old && { old });
      return [...schemaErrors, ...embedded, ...listTypeErrors(object, schema, old)];
    },
    validateStatus: (object, old) => {
      const statusSchema = schema.properties?.status;
      const oldStatus = old && Object.hasOwn(old, 'status') ? { old: old.status } : undefined;
      const statusErrors =
        statusSchema !== undefined && Object.hasOwn(object, 'status')
          ? validateValue(object.status, statusSchema, 'status', oldStatus)
          : [];
      // kube-apiserver checks the list types of the whole object on a status write too.
      return [...statusErrors, ...listTypeErrors(object, schema, old)];
    },
  };
}
