// The schema of a CRD created through the API: its structural openAPIV3Schema, pruning,
// defaulting and validating as kube-apiserver does, its field errors made Status causes.
import type { KubeObject } from '../../../core/object.ts';
import {
  CustomResourceDecodeError,
  type FieldError,
  SchemaParseError,
  customResourceSchema,
  fieldErrorBody,
} from '../structural/index.ts';
import { managedFieldsSchema } from './managed-fields-schema.ts';
import {
  type CustomResourceSchemaFactory,
  type FieldCause,
  UndecodableCustomResource,
  openSchema,
} from './custom-resource-schema.ts';

const causes = (errors: readonly FieldError[]): FieldCause[] =>
  errors.map((error) => ({ reason: error.reason, message: fieldErrorBody(error), field: error.field }));

/** The factory for CRDs created through the API (types registered in code keep `openSchema`). */
export const structuralSchemas: CustomResourceSchemaFactory = (openAPIV3Schema) => {
  let schema: ReturnType<typeof customResourceSchema>;
  try {
    schema = customResourceSchema(openAPIV3Schema);
  } catch (error) {
    // A schema the CRD's validation let through but this module cannot read: served open
    // rather than not at all.
    if (error instanceof SchemaParseError) return openSchema(openAPIV3Schema);
    throw error;
  }
  return {
    managedFieldsSchema: managedFieldsSchema(schema.schema),
    prune: (object: KubeObject) => {
      try {
        return schema.prune(object);
      } catch (error) {
        if (error instanceof CustomResourceDecodeError) throw new UndecodableCustomResource(error.message);
        throw error;
      }
    },
    default: (object: KubeObject) => {
      schema.default(object);
    },
    validate: (object: KubeObject, old?: KubeObject) => causes(schema.validate(object, old)),
    validateStatus: (object: KubeObject, old?: KubeObject) => causes(schema.validateStatus(object, old)),
  };
};
