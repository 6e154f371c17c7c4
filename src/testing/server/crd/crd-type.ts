// apiextensions.k8s.io/v1 customresourcedefinitions as kube-apiserver serves them:
// cluster-scoped, v1's defaults, the create and update strategies (status is the
// controllers', storedVersions grows with each new storage version), the status
// strategy (spec kept), and a DELETE that leaves it Terminating with its cleanup finalizer.
import type { KubeObject } from '../../../core/object.ts';
import { timestamp } from '../clock.ts';
import type { ResourceType } from '../resource-type.ts';
import { type CrdCondition, type CrdNames, specOf, statusOf, versionsOf } from './crd-fields.ts';
import { crdCauses } from './validate-crd.ts';
import { standardVerbs } from '../resources/verbs.ts';

export const cleanupFinalizer = 'customresourcecleanup.apiextensions.k8s.io';

export const customResourceDefinitions: ResourceType = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  singular: 'customresourcedefinition',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  verbs: standardVerbs,
  categories: ['api-extensions'],
  // apiextensions-apiserver still stores CRDs as v1beta1.
  storageVersion: 'v1beta1',
  unconditionalUpdate: false,
  generation: 'spec',
  statusSubresource: true,
  applyDefaults: defaultDefinition,
  prepareWrite: (object, live) => {
    if (!live) object.status = {};
    addStorageVersion(object);
  },
  prepareStatusUpdate: (object, live) => {
    object.spec = structuredClone(live.spec);
  },
  validate: crdCauses,
  markDeleted: (live) => {
    const terminating = structuredClone(live);
    const metadata = (terminating.metadata ??= {});
    metadata.deletionTimestamp ??= timestamp();
    const finalizers = Array.isArray(metadata.finalizers) ? (metadata.finalizers as string[]) : [];
    if (!finalizers.includes(cleanupFinalizer)) metadata.finalizers = [...finalizers, cleanupFinalizer];
    setCondition(terminating, {
      type: 'Terminating',
      status: 'True',
      reason: 'InstanceDeletionPending',
      message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon',
    });
    return terminating;
  },
};

/** apiextensions v1's defaulting: singular and listKind from kind, conversion None. */
function defaultDefinition(object: KubeObject): void {
  const spec = (object.spec ??= {}) as { names?: CrdNames; conversion?: unknown };
  const names = (spec.names ??= {}) as { -readonly [K in keyof CrdNames]: CrdNames[K] };
  const kind = names.kind ?? '';
  if ((names.singular ?? '') === '') names.singular = kind.toLowerCase();
  if ((names.listKind ?? '') === '' && kind !== '') names.listKind = `${kind}List`;
  spec.conversion ??= { strategy: 'None' };
}

/** The storage version joins status.storedVersions (the create and update strategies). */
function addStorageVersion(object: KubeObject): void {
  const storage = versionsOf(object).find((version) => version.storage === true)?.name;
  const status = statusOf(object);
  const stored = status.storedVersions ?? [];
  if (storage === undefined || stored.includes(storage)) return;
  object.status = { ...status, storedVersions: [...stored, storage] };
}

/** Sets a condition as apiextensions' SetCRDCondition does: its time moves only when its status changes. */
export function setCondition(object: KubeObject, condition: Omit<CrdCondition, 'lastTransitionTime'>): void {
  const status = statusOf(object);
  const conditions = [...(status.conditions ?? [])];
  const index = conditions.findIndex((existing) => existing.type === condition.type);
  const existing = conditions[index];
  const lastTransitionTime =
    existing !== undefined && existing.status === condition.status ? existing.lastTransitionTime : timestamp();
  const updated = { ...condition, lastTransitionTime };
  const ordered = {
    type: updated.type,
    status: updated.status,
    lastTransitionTime,
    reason: updated.reason,
    message: updated.message,
  };
  if (index === -1) conditions.push(ordered);
  else conditions[index] = ordered;
  object.status = { ...status, conditions };
}

export const groupOf = (crd: KubeObject): string => specOf(crd).group ?? '';
