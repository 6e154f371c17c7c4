import type { FieldTracker } from '../handlers/field-tracker.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { customResource, resetFieldsFor, schemaFor } from '../schema/index.ts';
import { applyConfiguration } from './apply-configuration.ts';
import { updateManagedFields } from './update-managed-fields.ts';

/**
 * The embedded server's managedFields bookkeeping: {@link updateManagedFields} and
 * {@link applyConfiguration} with the schema and reset fields of each resource type and
 * subresource. `apply` throws an `ApplyError` for a configuration kube-apiserver refuses
 * before merging (400) and returns conflicts as `ApplyConflict`s, ready for
 * `applyConflictStatus`.
 */
export function createFieldTracker(): FieldTracker {
  return {
    update({ type, live, updated, manager, time, subresource = '' }) {
      const apiVersion = groupVersion(type);
      return updateManagedFields({
        schema: schemaFor(apiVersion, type.kind),
        resetFields: resetFieldsOf(type, subresource),
        apiVersion,
        manager,
        time,
        live,
        updated,
        subresource,
      });
    },
    apply({ type, live, config, manager, force, time, subresource = '' }) {
      const apiVersion = groupVersion(type);
      return applyConfiguration({
        schema: schemaFor(apiVersion, type.kind),
        resetFields: resetFieldsOf(type, subresource),
        apiVersion,
        kind: type.kind,
        manager,
        time,
        live,
        config,
        force,
        subresource,
      });
    },
  };
}

/**
 * The paths a write through `subresource` resets. A custom resource with a status
 * subresource resets `status` on the main resource, and `metadata` and `spec` on
 * `/status` (apiextensions-apiserver's strategies); built-in kinds have their own.
 */
function resetFieldsOf(type: ResourceType, subresource: string): readonly (readonly string[])[] {
  const apiVersion = groupVersion(type);
  if (schemaFor(apiVersion, type.kind) !== customResource) return resetFieldsFor(apiVersion, type.kind, subresource);
  if (!type.statusSubresource) return [];
  return subresource === 'status' ? [['metadata'], ['spec']] : [['status']];
}
