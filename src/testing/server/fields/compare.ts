import type { JsonValue, ListSchema, Schema } from '../schema/schema.ts';
import { type Atom, asArray, asObject, listItemPathElement, resolveAtom, sameAtom } from './atom.ts';
import { FieldSet } from './field-set.ts';
import { jsonEqual } from './json-value.ts';
import { comparePathElements, type FieldPath, type PathElement } from './path-element.ts';

/** What changed between two objects, as structured-merge-diff's `Comparison`. */
export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

/**
 * Compares `before` with `after` under `schema`. A node present on one side only is
 * added or removed along with everything below it; leaves (scalars, atomic nodes, and
 * maps or lists empty on both sides) that differ are modified; a node whose content
 * changed but that exists on both sides is not itself listed.
 */
export function compare(schema: Schema, before: JsonValue | undefined, after: JsonValue | undefined): Comparison {
  const comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  node(comparison, [], schema, before, after);
  return comparison;
}

function node(
  out: Comparison,
  path: FieldPath,
  schema: Schema,
  lhs: JsonValue | undefined,
  rhs: JsonValue | undefined,
): void {
  const walker = { inLeaf: false };
  const left = resolveAtom(schema, lhs);
  const right = resolveAtom(schema, rhs);
  if (rhs === undefined) handle(out, path, left, lhs, rhs, walker);
  else if (lhs === undefined || sameAtom(left, right)) handle(out, path, right, lhs, rhs, walker);
  else {
    // Different kinds on each side (only with the deduced schema): both views count.
    handle(out, path, left, lhs, rhs, { inLeaf: false });
    handle(out, path, right, lhs, rhs, walker);
  }
  if (!walker.inLeaf) {
    if (lhs === undefined) out.added.insert(path);
    else if (rhs === undefined) out.removed.insert(path);
  }
}

function handle(
  out: Comparison,
  path: FieldPath,
  atom: Atom,
  lhs: JsonValue | undefined,
  rhs: JsonValue | undefined,
  walker: { inLeaf: boolean },
): void {
  const leaf = () => {
    walker.inLeaf = true;
    if (lhs === undefined) out.added.insert(path);
    else if (rhs === undefined) out.removed.insert(path);
    else if (!jsonEqual(lhs, rhs)) out.modified.insert(path);
  };
  if (atom.kind === 'scalar') {
    leaf();
    return;
  }
  if (atom.kind === 'list') {
    const [left, right] = [asArray(lhs), asArray(rhs)];
    if (atom.list.listType === 'atomic' || (!left?.length && !right?.length)) leaf();
    else listItems(out, path, atom.list, left ?? [], right ?? []);
    return;
  }
  const [left, right] = [asObject(lhs), asObject(rhs)];
  const emptyLeft = !left || Object.keys(left).length === 0;
  const emptyRight = !right || Object.keys(right).length === 0;
  if (atom.atomic || (emptyLeft && emptyRight)) {
    leaf();
    return;
  }
  for (const key of new Set([...Object.keys(left ?? {}), ...Object.keys(right ?? {})])) {
    node(out, [...path, { field: key }], atom.child(key), left?.[key], right?.[key]);
  }
}

function listItems(out: Comparison, path: FieldPath, list: ListSchema, lhs: JsonValue[], rhs: JsonValue[]): void {
  const left = byPathElement(list, lhs);
  const right = byPathElement(list, rhs);
  const all = [...left.keys];
  for (const pe of right.keys) if (!left.get(pe)) all.push(pe);
  for (const pe of all) {
    const l = left.get(pe) ?? [];
    const r = right.get(pe) ?? [];
    const itemPath = [...path, pe];
    if (l.length <= 1 && r.length <= 1) node(out, itemPath, list.items, l[0], r[0]);
    else if (l.length >= 2 && r.length >= 2) {
      // Duplicates on both sides: compared as one atomic value.
      if (l.length !== r.length || l.some((item, i) => !jsonEqual(item, r[i]))) out.modified.insert(itemPath);
    } else if (l.length >= 2) {
      if (r[0] !== undefined) node(out, itemPath, list.items, undefined, r[0]);
      out.removed.insert(itemPath);
    } else {
      if (l[0] !== undefined) node(out, itemPath, list.items, l[0], undefined);
      out.added.insert(itemPath);
    }
  }
}

/** The items of a list grouped by path element, in order of first appearance. */
function byPathElement(list: ListSchema, items: JsonValue[]) {
  const keys: PathElement[] = [];
  const groups: JsonValue[][] = [];
  for (const item of items) {
    const pe = listItemPathElement(list, item);
    const at = keys.findIndex((key) => comparePathElements(key, pe) === 0);
    if (at >= 0) groups[at]?.push(item);
    else {
      keys.push(pe);
      groups.push([item]);
    }
  }
  return {
    keys,
    get: (pe: PathElement): JsonValue[] | undefined => {
      const at = keys.findIndex((key) => comparePathElements(key, pe) === 0);
      return at >= 0 ? groups[at] : undefined;
    },
  };
}
