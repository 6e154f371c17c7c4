// The finalizers a DELETE adds or removes for the garbage collector, and the marks of an
// object whose deletion waits for its finalizers: kube-apiserver's generic store rules.
import type { KubeObject } from '../../../core/object.ts';
import { timestamp } from '../clock.ts';

export const orphanFinalizer = 'orphan';
export const foregroundFinalizer = 'foregroundDeletion';

/** The DeleteOptions fields that choose what happens to dependents. */
export interface PropagationOptions {
  readonly propagationPolicy?: string | null;
  readonly orphanDependents?: boolean | null;
}

export function finalizersOf(object: KubeObject): readonly string[] {
  const finalizers = object.metadata?.finalizers;
  return Array.isArray(finalizers) ? (finalizers as string[]) : [];
}

/** A Namespace's spec.finalizers (the namespace controller's `kubernetes`). */
export function specFinalizers(namespace: KubeObject): readonly string[] {
  const finalizers = (namespace.spec as { finalizers?: unknown } | undefined)?.finalizers;
  return Array.isArray(finalizers) ? (finalizers as string[]) : [];
}

/**
 * Whether dependents are orphaned, and whether they go first (foreground): the options
 * decide, else the finalizers already there, else the type's default (background, or
 * orphan for `orphanByDefault`).
 */
function chosenPropagation(
  existing: readonly string[],
  options: PropagationOptions,
  orphanByDefault: boolean,
): 'orphan' | 'foreground' | '' {
  if (typeof options.orphanDependents === 'boolean') return options.orphanDependents ? 'orphan' : '';
  const policy = options.propagationPolicy;
  if (policy === 'Orphan') return 'orphan';
  if (policy === 'Foreground') return 'foreground';
  if (policy === 'Background') return '';
  for (const finalizer of existing) {
    if (finalizer === orphanFinalizer) return 'orphan';
    if (finalizer === foregroundFinalizer) return 'foreground';
  }
  return orphanByDefault ? 'orphan' : '';
}

/**
 * The finalizers an object has after a DELETE with `options`: the others kept in order,
 * `orphan` or `foregroundDeletion` appended as chosen; `changed` compares them as sets.
 */
export function deletionFinalizers(
  existing: readonly string[],
  options: PropagationOptions,
  orphanByDefault = false,
): { changed: boolean; finalizers: string[] } {
  const chosen = chosenPropagation(existing, options, orphanByDefault);
  const finalizers = existing.filter((f) => f !== orphanFinalizer && f !== foregroundFinalizer);
  if (chosen === 'orphan') finalizers.push(orphanFinalizer);
  if (chosen === 'foreground') finalizers.push(foregroundFinalizer);
  const before = new Set(existing);
  const after = new Set(finalizers);
  const changed = before.size !== after.size || [...after].some((f) => !before.has(f));
  return changed ? { changed, finalizers } : { changed, finalizers: [...existing] };
}

/**
 * A Namespace's own rule: each of `orphan` and `foregroundDeletion` is present as the
 * options say, else as before; the others stay. (Go rebuilds a changed list from a map,
 * in no set order; here the kept ones stay in place and new ones go last.)
 */
export function namespaceDeletionFinalizers(existing: readonly string[], options: PropagationOptions): string[] {
  const { orphanDependents, propagationPolicy } = options;
  const wants = (finalizer: string, policy: string): boolean => {
    if (typeof orphanDependents === 'boolean') return orphanDependents === (finalizer === orphanFinalizer);
    if (typeof propagationPolicy === 'string') return propagationPolicy === policy;
    return existing.includes(finalizer);
  };
  const wanted = new Map([
    [orphanFinalizer, wants(orphanFinalizer, 'Orphan')],
    [foregroundFinalizer, wants(foregroundFinalizer, 'Foreground')],
  ]);
  const finalizers = existing.filter((f) => wanted.get(f) !== false);
  for (const [finalizer, want] of wanted) if (want && !finalizers.includes(finalizer)) finalizers.push(finalizer);
  return finalizers;
}

/**
 * Marks a non-graceful object as deleting while finalizers hold it: deletionTimestamp now
 * (kept if already set), deletionGracePeriodSeconds 0, generation bumped on the first mark.
 */
export function markAsDeleting(object: KubeObject): void {
  const metadata = (object.metadata ??= {});
  if (metadata.deletionTimestamp === undefined && typeof metadata.generation === 'number' && metadata.generation > 0) {
    metadata.generation += 1;
  }
  metadata.deletionTimestamp ??= timestamp();
  metadata.deletionGracePeriodSeconds = 0;
}
