import type { FieldSet } from './field-set.ts';
import { compareStrings, goQuote } from './json-value.ts';
import type { Managers } from './managers.ts';
import { type FieldPath, pathToString } from './path-element.ts';

/** A field an apply would take from another manager. */
export interface ApplyConflict {
  /** The other manager's name. */
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  /** '' for the main resource. */
  readonly subresource: string;
  /** The field as kube-apiserver prints it: `.spec.replicas`, `.data.a`, `.spec.template.spec.containers[name="nginx"].image`. */
  readonly field: string;
  readonly path: FieldPath;
  /** The other manager's identifier; messages group and sort by it. */
  readonly identifier: string;
}

/** The conflicts as a list: managers by identifier, each one's paths in Go's set order. */
export function listConflicts(conflicts: Map<string, FieldSet>, managers: Managers): ApplyConflict[] {
  const out: ApplyConflict[] = [];
  for (const identifier of [...conflicts.keys()].sort(compareStrings)) {
    const entry = managers.get(identifier);
    const set = conflicts.get(identifier);
    if (!entry || !set) continue;
    for (const path of set.paths()) {
      const { manager, operation, apiVersion, subresource } = entry;
      out.push({ manager, operation, apiVersion, subresource, field: pathToString(path), path, identifier });
    }
  }
  return out;
}

/** A `FieldManagerConflict` cause of the 409 Status. */
export interface ConflictCause {
  readonly reason: 'FieldManagerConflict';
  readonly message: string;
  readonly field: string;
}

/** The 409 Status kube-apiserver answers an apply with conflicts (at least one). */
export function applyConflictStatus(conflicts: readonly ApplyConflict[]) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: applyConflictMessage(conflicts),
    reason: 'Conflict',
    details: { causes: applyConflictCauses(conflicts) },
    code: 409,
  } as const;
}

/**
 * The Status message: `Apply failed with 1 conflict: conflict with "kubectl" using
 * apps/v1: .spec.replicas`, or for several, one group per manager (sorted by
 * identifier), a `- <field>` line per field.
 */
export function applyConflictMessage(conflicts: readonly ApplyConflict[]): string {
  const [only] = conflicts;
  if (conflicts.length === 1 && only)
    return `Apply failed with 1 conflict: conflict with ${printManager(only)}: ${only.field}`;
  // Grown in place, not copied per conflict: an apply can conflict on many thousands of fields.
  const byManager = new Map<string, ApplyConflict[]>();
  for (const conflict of conflicts) {
    const group = byManager.get(conflict.identifier);
    if (group) group.push(conflict);
    else byManager.set(conflict.identifier, [conflict]);
  }
  const lines: string[] = [];
  for (const identifier of [...byManager.keys()].sort(compareStrings)) {
    const group = byManager.get(identifier) ?? [];
    lines.push(`conflicts with ${group[0] ? printManager(group[0]) : ''}:`);
    for (const conflict of group) lines.push(`- ${conflict.field}`);
  }
  return `Apply failed with ${String(conflicts.length)} conflicts: ${lines.join('\n')}`;
}

/** The Status `details.causes`, one per conflicting field. */
export function applyConflictCauses(conflicts: readonly ApplyConflict[]): ConflictCause[] {
  return conflicts.map((conflict) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${printManager(conflict)}`,
    field: conflict.field,
  }));
}

// `"kubectl" using apps/v1`, `"controller" with subresource "status" using apps/v1`, `"tool-a"`.
function printManager(conflict: ApplyConflict): string {
  let out = goQuote(conflict.manager);
  if (conflict.subresource !== '') out += ` with subresource ${goQuote(conflict.subresource)}`;
  if (conflict.operation === 'Update') out += ` using ${conflict.apiVersion}`;
  return out;
}
