import type { JsonValue, ListSchema, Schema } from '../schema/schema.ts';
import { type Atom, asArray, asObject, ListItemError, listItemPathElement, resolveAtom, sameAtom } from './atom.ts';
import type { JsonObject } from './json-value.ts';
import { comparePathElements, type PathElement, pathToString } from './path-element.ts';

/**
 * Merges an apply configuration into the live object, as structured-merge-diff's
 * `TypedValue.Merge`: the configuration wins on every leaf (scalars, atomic nodes, maps
 * or lists empty on both sides), maps merge key by key, and set and map lists merge item
 * by item, keeping the live order and placing new items where the configuration puts
 * them. Returns undefined when nothing is left (Go's nil). Throws a {@link ListItemError}
 * when the configuration repeats a list key.
 */
export function merge(
  schema: Schema,
  live: JsonValue | undefined,
  config: JsonValue | undefined,
): JsonValue | undefined {
  return mergeNode(schema, live, config, '');
}

function mergeNode(
  schema: Schema,
  lhs: JsonValue | undefined,
  rhs: JsonValue | undefined,
  where: string,
): JsonValue | undefined {
  const left = resolveAtom(schema, lhs);
  const right = resolveAtom(schema, rhs);
  if (rhs === undefined) return mergeAtom(left, lhs, rhs, where);
  if (lhs === undefined || sameAtom(left, right)) return mergeAtom(right, lhs, rhs, where);
  mergeAtom(left, lhs, rhs, where); // Go merges with both views; the right one's output wins.
  return mergeAtom(right, lhs, rhs, where);
}

function mergeAtom(
  atom: Atom,
  lhs: JsonValue | undefined,
  rhs: JsonValue | undefined,
  where: string,
): JsonValue | undefined {
  const leaf = () => (rhs !== undefined ? rhs : lhs);
  if (atom.kind === 'scalar') return leaf();
  if (atom.kind === 'list') {
    const [left, right] = [asArray(lhs), asArray(rhs)];
    if (atom.list.listType === 'atomic' || (!left?.length && !right?.length)) return leaf();
    return mergeItems(atom.list, left ?? [], right ?? [], where);
  }
  const [left, right] = [asObject(lhs), asObject(rhs)];
  const emptyLeft = !left || Object.keys(left).length === 0;
  const emptyRight = !right || Object.keys(right).length === 0;
  if (atom.atomic || (emptyLeft && emptyRight)) return leaf();
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(left ?? {}), ...Object.keys(right ?? {})])) {
    const merged = mergeNode(atom.child(key), left?.[key], right?.[key], `${where}.${key}`);
    if (merged !== undefined) out[key] = merged;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

interface Indexed {
  readonly pes: PathElement[];
  /** The item of each distinct path element; null for a live duplicate (never merged). */
  readonly items: { pe: PathElement; item: JsonValue }[];
}

function index(list: ListSchema, values: JsonValue[], allowDuplicates: boolean, where: string): Indexed {
  const pes: PathElement[] = [];
  const items: { pe: PathElement; item: JsonValue }[] = [];
  for (const value of values) {
    const pe = listItemPathElement(list, value);
    const seen = items.find((entry) => comparePathElements(entry.pe, pe) === 0);
    if (seen && !allowDuplicates) throw new ListItemError(`${where}: duplicate entries for key ${pathToString([pe])}`);
    if (seen) seen.item = null;
    else items.push({ pe, item: value });
    pes.push(pe);
  }
  return { pes, items };
}

const lookup = (indexed: Indexed, pe: PathElement) =>
  indexed.items.find((entry) => comparePathElements(entry.pe, pe) === 0);

// Go's mergingWalker.visitListItems, step for step: walks both lists at once, merging
// shared items in the configuration's order and keeping live-only items where they were.
function mergeItems(list: ListSchema, lhs: JsonValue[], rhs: JsonValue[], where: string): JsonValue | undefined {
  const right = index(list, rhs, false, where);
  const left = index(list, lhs, true, where);
  const shared = right.pes.filter((pe) => lookup(left, pe) !== undefined);
  let nextShared = shared.shift();
  const merged: PathElement[] = [];
  const wasMerged = (pe: PathElement) => merged.some((m) => comparePathElements(m, pe) === 0);
  const out: JsonValue[] = [];
  const push = (value: JsonValue | undefined) => {
    if (value !== undefined) out.push(value);
  };
  // A live item whose key repeats merges as null, as in Go.
  const item = (pe: PathElement, l: JsonValue | undefined, r: JsonValue | undefined) =>
    mergeNode(list.items, l, r, `${where}${pathToString([pe])}`);
  let [li, ri] = [0, 0];
  while (li < left.pes.length || ri < right.pes.length) {
    if (li < left.pes.length && ri < right.pes.length) {
      const pe = left.pes[li] as PathElement;
      if (comparePathElements(pe, right.pes[ri] as PathElement) === 0) {
        merged.push(pe);
        push(item(pe, lookup(left, pe)?.item, lookup(right, pe)?.item));
        li++;
        ri++;
        nextShared = shared.shift();
        continue;
      }
      if (lookup(right, pe) && nextShared !== undefined && comparePathElements(nextShared, pe) !== 0) {
        li++;
        continue;
      }
    }
    if (li < left.pes.length) {
      const pe = left.pes[li] as PathElement;
      if (!lookup(right, pe)) {
        push(item(pe, lhs[li], undefined));
        li++;
        continue;
      } else if (wasMerged(pe)) li++;
    }
    if (ri < right.pes.length) {
      const pe = right.pes[ri] as PathElement;
      merged.push(pe);
      push(item(pe, lookup(left, pe)?.item, lookup(right, pe)?.item));
      ri++;
      if (nextShared !== undefined && comparePathElements(nextShared, pe) === 0) nextShared = shared.shift();
    }
  }
  return out.length > 0 ? out : undefined;
}
