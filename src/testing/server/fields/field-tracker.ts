import type { KubeObject, ManagedFieldsEntry } from '../../../core/object.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { customResource, resetFieldsFor, schemaFor } from '../schema/index.ts';
import { applyConfiguration, type ApplyResult } from './apply-configuration.ts';
import { updateManagedFields } from './update-managed-fields.ts';

/**
 * metadata.managedFields bookkeeping (structured-merge-diff semantics), for the main
 * resource or, with `subresource`, a write through `/status` or `/scale`.
 */
export interface FieldTracker {
  /** managedFields after an Update by `manager` that turned `live` (undefined for a create) into `updated`. */
  update(args: {
    type: ResourceType;
    live: KubeObject | undefined;
    updated: KubeObject;
    manager: string;
    time: string;
    subresource?: string;
  }): ManagedFieldsEntry[];
  /** The object after applying `config` as `manager`, or the conflicts that stop it. */
  apply(args: {
    type: ResourceType;
    live: KubeObject | undefined;
    config: KubeObject;
    manager: string;
    force: boolean;
    time: string;
    subresource?: string;
  }): ApplyResult;
}

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
        schema: type.customSchema?.managedFieldsSchema ?? schemaFor(apiVersion, type.kind),
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
        schema: type.customSchema?.managedFieldsSchema ?? schemaFor(apiVersion, type.kind),
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
