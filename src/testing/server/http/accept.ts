/** One media range of an Accept header: `type/subtype;param=value;q=0.5`. */
export interface AcceptClause {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly params: ReadonlyMap<string, string>;
}

/**
 * Parses an Accept header the way kube-apiserver's negotiation reads it: ranges split on
 * commas, each with `;` parameters; a range that is not `type/subtype` (or a lone `*`) is
 * skipped, as is a parameter without exactly one `=`; a bad q-value counts as 0. The
 * ranges are then ordered by a comparison that puts higher q-values first and specific
 * types before wildcards, applied as a stable insertion sort (what Go's sort does for
 * headers of a dozen ranges or fewer).
 */
export function parseAccept(header: string): AcceptClause[] {
  const clauses: AcceptClause[] = [];
  for (const part of header.split(',')) {
    const clause = parseClause(trimSpaces(part));
    if (clause) clauses.push(clause);
  }
  return insertionSort(clauses, precedes);
}

function parseClause(part: string): AcceptClause | undefined {
  if (part === '') return undefined;
  const [range = '', ...parameterTexts] = part.split(';');
  const slash = range.split('/');
  const type = trimSpaces(slash[0] ?? '');
  // `text/` has no subtype, as `text` has none: only `*` may stand alone.
  const rest = slash.slice(1).join('/');
  let subtype: string;
  if (rest === '') {
    if (type !== '*') return undefined;
    subtype = '*';
  } else if (slash.length === 2) {
    subtype = trimSpaces(rest);
  } else {
    return undefined;
  }
  let q = 1;
  const params = new Map<string, string>();
  for (const text of parameterTexts) {
    const pieces = text.split('=');
    if (pieces.length !== 2) continue;
    const key = trimSpaces(pieces[0] ?? '');
    const value = pieces[1] ?? '';
    if (key === 'q') q = parseQuality(value);
    else params.set(key, trimSpaces(value));
  }
  return { type, subtype, q, params };
}

/** Go's strconv.ParseFloat(s, 32), whose error leaves 0. */
function parseQuality(text: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return 0;
  return Math.fround(Number(text));
}

function precedes(a: AcceptClause, b: AcceptClause): boolean {
  if (a.q > b.q) return true;
  if (a.type !== '*' && b.type === '*') return true;
  return a.subtype !== '*' && b.subtype === '*';
}

function insertionSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j] as T, items[j - 1] as T); j--) {
      [items[j - 1], items[j]] = [items[j] as T, items[j - 1] as T];
    }
  }
  return items;
}

/** Go's strings.TrimFunc with a cut set of plain spaces only (tabs stay). */
const trimSpaces = (text: string): string => text.replace(/^ +| +$/g, '');
