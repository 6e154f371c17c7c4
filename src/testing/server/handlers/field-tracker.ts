import type { ApplyConflict, ApplyResult } from '../fields/index.ts';
import type { KubeObject, ManagedFieldsEntry } from '../kube-object.ts';
import type { ResourceType } from '../resource-type.ts';

export type { ApplyConflict };

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
