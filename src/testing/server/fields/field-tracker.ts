import type { FieldTracker } from '../handlers/field-tracker.ts';
import { groupVersion } from '../resource-type.ts';
import { resetFieldsFor, schemaFor } from '../schema/index.ts';
import { applyConfiguration } from './apply-configuration.ts';
import { updateManagedFields } from './update-managed-fields.ts';

/**
 * The embedded server's managedFields bookkeeping: {@link updateManagedFields} and
 * {@link applyConfiguration} with the schema and reset fields of each resource type,
 * for the main resource. `apply` throws an `ApplyError` for a configuration
 * kube-apiserver refuses before merging (400) and returns conflicts as
 * `ApplyConflict`s, ready for `applyConflictStatus`.
 */
export function createFieldTracker(): FieldTracker {
  return {
    update({ type, live, updated, manager, time }) {
      const apiVersion = groupVersion(type);
      return updateManagedFields({
        schema: schemaFor(apiVersion, type.kind),
        resetFields: resetFieldsFor(apiVersion, type.kind),
        apiVersion,
        manager,
        time,
        live,
        updated,
      });
    },
    apply({ type, live, config, manager, force, time }) {
      const apiVersion = groupVersion(type);
      return applyConfiguration({
        schema: schemaFor(apiVersion, type.kind),
        resetFields: resetFieldsFor(apiVersion, type.kind),
        apiVersion,
        kind: type.kind,
        manager,
        time,
        live,
        config,
        force,
      });
    },
  };
}
