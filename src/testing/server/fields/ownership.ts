// The ownership bookkeeping shared by updates and applies (structured-merge-diff's
// Updater.update, with kube-apiserver's reset-field filter and metadata stripping).
import type { Comparison } from './compare.ts';
import { FieldSet } from './field-set.ts';
import type { Managers } from './managers.ts';
import type { FieldPath } from './path-element.ts';

/** Paths no manager ever owns (kube-apiserver's stripMetaManager). */
export const strippedFields = FieldSet.of(
  ...[
    ['apiVersion'],
    ['kind'],
    ['metadata'],
    ['metadata', 'name'],
    ['metadata', 'namespace'],
    ['metadata', 'creationTimestamp'],
    ['metadata', 'selfLink'],
    ['metadata', 'uid'],
    ['metadata', 'clusterName'],
    ['metadata', 'generation'],
    ['metadata', 'managedFields'],
    ['metadata', 'resourceVersion'],
  ].map((names): FieldPath => names.map((field) => ({ field }))),
);

/** A set of the reset paths (`[['status']]`), whose subtrees are excluded everywhere. */
export const resetSet = (paths: readonly (readonly string[])[]): FieldSet =>
  FieldSet.of(...paths.map((names): FieldPath => names.map((field) => ({ field }))));

/** The comparison without the reset subtrees (Go's `Comparison.FilterFields`). */
export function withoutReset(comparison: Comparison, reset: FieldSet): Comparison {
  return {
    added: comparison.added.recursiveDifference(reset),
    modified: comparison.modified.recursiveDifference(reset),
    removed: comparison.removed.recursiveDifference(reset),
  };
}

/**
 * What the change in `comparison` does to every manager but `writer`: each loses the
 * fields it removed, and the fields it added or modified (the conflicts). Without
 * `force`, conflicts stop it: the managers are returned unchanged with the conflicts.
 */
export function takeOwnership(
  managers: Managers,
  comparison: Comparison,
  writer: string,
  force: boolean,
): { managers: Managers; conflicts: Map<string, FieldSet> } {
  const changed = comparison.modified.union(comparison.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [id, entry] of managers) {
    if (id === writer) continue;
    const conflict = entry.set.intersection(changed);
    if (!conflict.empty) conflicts.set(id, conflict);
  }
  if (!force && conflicts.size > 0) return { managers, conflicts };
  const out: Managers = new Map();
  for (const [id, entry] of managers) {
    if (id === writer) {
      if (!entry.set.empty) out.set(id, entry);
      continue;
    }
    const set = entry.set.difference(conflicts.get(id) ?? new FieldSet()).difference(comparison.removed);
    if (!set.empty) out.set(id, { ...entry, set });
  }
  return { managers: out, conflicts };
}
