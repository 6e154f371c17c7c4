// The naming controller's decision (apiextensions-apiserver's NamingConditionController):
// which of a CRD's requested names it may take, given the names other CRDs of its group
// already hold, and the NamesAccepted condition that says so.
import type { KubeObject } from '../../../core/object.ts';
import { type CrdCondition, type CrdNames, specOf, statusOf } from './crd-fields.ts';

export interface NamingDecision {
  readonly acceptedNames: CrdNames;
  readonly namesAccepted: Omit<CrdCondition, 'lastTransitionTime'>;
}

/** `crd`'s accepted names and condition, beside `others` (every other CRD). */
export function decideNames(crd: KubeObject, others: readonly KubeObject[]): NamingDecision {
  const group = specOf(crd).group;
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const other of others) {
    if (specOf(other).group !== group || other.metadata?.name === crd.metadata?.name) continue;
    const held = statusOf(other).acceptedNames ?? {};
    for (const name of [held.plural, held.singular, ...(held.shortNames ?? [])]) resources.add(name ?? '');
    kinds.add(held.kind ?? '').add(held.listKind ?? '');
  }
  const requested = specOf(crd).names ?? {};
  const accepted: { -readonly [K in keyof CrdNames]: CrdNames[K] } = { ...(statusOf(crd).acceptedNames ?? {}) };
  let conflict: { reason: string; message: string } | undefined;
  const take = (field: 'plural' | 'singular' | 'kind' | 'listKind', used: Set<string>, reason: string) => {
    const wanted = requested[field] ?? '';
    if (wanted === (accepted[field] ?? '') || !used.has(wanted)) accepted[field] = wanted;
    else conflict = { reason, message: `"${wanted}" is already in use` };
  };
  take('plural', resources, 'PluralConflict');
  take('singular', resources, 'SingularConflict');
  const held = new Set(accepted.shortNames ?? []);
  const taken = (requested.shortNames ?? []).filter((short) => !held.has(short) && resources.has(short));
  if (taken.length > 0) conflict = { reason: 'ShortNamesConflict', message: aggregate(taken) };
  else accepted.shortNames = requested.shortNames ?? [];
  take('kind', kinds, 'KindConflict');
  take('listKind', kinds, 'ListKindConflict');
  if (requested.categories !== undefined) accepted.categories = requested.categories;
  else delete accepted.categories;
  const namesAccepted = conflict
    ? { type: 'NamesAccepted', status: 'False', ...conflict }
    : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };
  return { acceptedNames: inGoOrder(accepted), namesAccepted };
}

/** utilerrors.NewAggregate's text: one error bare, several in brackets. */
const aggregate = (names: readonly string[]): string => {
  const messages = names.map((name) => `"${name}" is already in use`);
  return messages.length === 1 ? (messages[0] ?? '') : `[${messages.join(', ')}]`;
};

const inGoOrder = (names: CrdNames): CrdNames => ({
  plural: names.plural ?? '',
  ...(names.singular !== undefined && names.singular !== '' && { singular: names.singular }),
  ...(names.shortNames !== undefined && names.shortNames.length > 0 && { shortNames: names.shortNames }),
  kind: names.kind ?? '',
  ...(names.listKind !== undefined && names.listKind !== '' && { listKind: names.listKind }),
  ...(names.categories !== undefined && names.categories.length > 0 && { categories: names.categories }),
});
