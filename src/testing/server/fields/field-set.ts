import { comparePathElements, type FieldPath, type PathElement } from './path-element.ts';

interface Child {
  readonly pe: PathElement;
  readonly set: FieldSet;
}

/**
 * A set of field paths, as structured-merge-diff's `fieldpath.Set`: a tree whose nodes
 * are path elements; a node is a *member* when the path to it is in the set itself
 * (serialized as `".": {}` when it also has children). Members and children are kept
 * sorted, so iteration and serialization follow Go's order. Set operations return new
 * sets that share nothing with their operands; only {@link FieldSet.insert} mutates,
 * while a set is being built.
 */
export class FieldSet {
  readonly #members: PathElement[] = [];
  readonly #children: Child[] = [];

  /** A set holding `paths`. */
  static of(...paths: FieldPath[]): FieldSet {
    const set = new FieldSet();
    for (const path of paths) set.insert(path);
    return set;
  }

  /** The path elements that end a path of the set here, sorted. */
  get members(): readonly PathElement[] {
    return this.#members;
  }

  /** The subtrees, sorted by path element. */
  get children(): readonly Child[] {
    return this.#children;
  }

  /** Adds `path` (an empty path adds nothing). */
  insert(path: FieldPath): void {
    const [first, ...rest] = path;
    if (first === undefined) return;
    if (rest.length === 0) {
      const at = search(this.#members, first, (pe) => pe);
      if (!at.found) this.#members.splice(at.index, 0, first);
      return;
    }
    this.#descend(first).insert(rest);
  }

  #descend(pe: PathElement): FieldSet {
    const at = search(this.#children, pe, (child) => child.pe);
    if (at.found) return (this.#children[at.index] as Child).set;
    const set = new FieldSet();
    this.#children.splice(at.index, 0, { pe, set });
    return set;
  }

  has(path: FieldPath): boolean {
    const [first, ...rest] = path;
    if (first === undefined) return false;
    if (rest.length === 0) return search(this.#members, first, (pe) => pe).found;
    return this.#child(first)?.has(rest) ?? false;
  }

  #child(pe: PathElement): FieldSet | undefined {
    const at = search(this.#children, pe, (child) => child.pe);
    return at.found ? this.#children[at.index]?.set : undefined;
  }

  get empty(): boolean {
    return this.#members.length === 0 && this.#children.every((child) => child.set.empty);
  }

  /** The paths below `pe`, without it. */
  withPrefix(pe: PathElement): FieldSet {
    return this.#child(pe) ?? new FieldSet();
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.#members.push(...mergeSorted(this.#members, other.#members));
    for (const { pe, set } of [...this.#children, ...other.#children]) {
      const existing = out.#child(pe);
      if (existing) out.#replaceChild(pe, existing.union(set));
      else out.#descend(pe).#absorb(set.union(new FieldSet()));
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.#members.push(...this.#members.filter((pe) => other.#hasMember(pe)));
    for (const { pe, set } of this.#children) {
      const theirs = other.#child(pe);
      if (!theirs) continue;
      const common = set.intersection(theirs);
      if (!common.empty) out.#children.push({ pe, set: common });
    }
    return out;
  }

  /**
   * The paths of this set not in `other`. As in Go, a member of `other` does not remove
   * the paths below it: use {@link FieldSet.recursiveDifference} for that.
   */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.#members.push(...this.#members.filter((pe) => !other.#hasMember(pe)));
    for (const { pe, set } of this.#children) {
      const theirs = other.#child(pe);
      const rest = set.difference(theirs ?? new FieldSet());
      if (!rest.empty) out.#children.push({ pe, set: rest });
    }
    return out;
  }

  /** The paths of this set neither in `other` nor below one of its members. */
  recursiveDifference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.#members.push(...this.#members.filter((pe) => !other.#hasMember(pe)));
    for (const { pe, set } of this.#children) {
      if (other.#hasMember(pe)) continue;
      const theirs = other.#child(pe);
      const rest = set.recursiveDifference(theirs ?? new FieldSet());
      if (!rest.empty) out.#children.push({ pe, set: rest });
    }
    return out;
  }

  /** Every path, members before children at each level, as Go iterates. */
  paths(prefix: FieldPath = []): FieldPath[] {
    const out: FieldPath[] = this.#members.map((pe) => [...prefix, pe]);
    for (const { pe, set } of this.#children) out.push(...set.paths([...prefix, pe]));
    return out;
  }

  /** A set from its parts (sorted here); `children` are shared, not copied. */
  static from(members: readonly PathElement[], children: readonly Child[]): FieldSet {
    const out = new FieldSet();
    out.#members.push(...mergeSorted([], members));
    for (const child of children) out.#children.splice(search(out.#children, child.pe, (c) => c.pe).index, 0, child);
    return out;
  }

  #hasMember(pe: PathElement): boolean {
    return search(this.#members, pe, (m) => m).found;
  }

  #replaceChild(pe: PathElement, set: FieldSet): void {
    const at = search(this.#children, pe, (child) => child.pe);
    this.#children[at.index] = { pe, set };
  }

  #absorb(set: FieldSet): void {
    this.#members.push(...set.#members);
    this.#children.push(...set.#children);
  }
}

function search<T>(
  items: readonly T[],
  pe: PathElement,
  peOf: (item: T) => PathElement,
): { found: boolean; index: number } {
  let [low, high] = [0, items.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    const c = comparePathElements(peOf(items[mid] as T), pe);
    if (c === 0) return { found: true, index: mid };
    if (c < 0) low = mid + 1;
    else high = mid;
  }
  return { found: false, index: low };
}

function mergeSorted(a: readonly PathElement[], b: readonly PathElement[]): PathElement[] {
  const out = [...a];
  for (const pe of b) {
    const at = search(out, pe, (m) => m);
    if (!at.found) out.splice(at.index, 0, pe);
  }
  return out;
}
