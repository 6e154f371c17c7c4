// client-go's JSONPath templates (k8s.io/client-go/util/jsonpath), parsed as its parser
// does, quirks included: `['a.b']` is read as `.a.b`, a slice's missing end is one past its
// start, a filter splits at its first comparison operator. kube-apiserver reads a CRD's
// printer columns with it, wrapping each path in `{}`. `range` and `end` fail when evaluated: they
// span actions, and a column has one.

export interface SliceBound {
  readonly known: boolean;
  readonly value: number;
  /** The end of `[n]`, n + 1, which counts from the end when n is -1. */
  readonly derived: boolean;
}

export type PathNode =
  | { readonly type: 'list'; readonly nodes: readonly PathNode[] }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'wildcard' }
  | { readonly type: 'recursive' }
  | { readonly type: 'array'; readonly bounds: readonly [SliceBound, SliceBound, SliceBound] }
  | { readonly type: 'union'; readonly lists: readonly ListNode[] }
  | { readonly type: 'filter'; readonly left: ListNode; readonly right: ListNode; readonly operator: string }
  | { readonly type: 'int' | 'float'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'identifier'; readonly name: string };

export type ListNode = Extract<PathNode, { type: 'list' }>;

const terminators = new Set(['', ' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);
const sliceRule = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const filterRule = /^([^!<>=]+)([!<>=]+)(.+?)$/;
const isAlphaNumeric = (c: string) => /^[\p{L}\p{Nd}_]$/u.test(c);

/** The nodes of a template such as `{.status.conditions[?(@.type=="Ready")].status}`. */
export function parseJsonPath(template: string): PathNode[] {
  return new JsonPathParser(template).parse();
}

class JsonPathParser {
  private pos = 0;
  private start = 0;
  private readonly root: PathNode[] = [];
  private readonly input: string;

  constructor(input: string) {
    this.input = input;
  }

  parse(): PathNode[] {
    while (this.pos < this.input.length) {
      const open = this.input.indexOf('{', this.pos);
      const textEnd = open === -1 ? this.input.length : open;
      if (textEnd > this.start) this.root.push({ type: 'text', text: this.input.slice(this.start, textEnd) });
      if (open === -1) break;
      this.pos = this.start = open + 1;
      const action: PathNode[] = [];
      this.root.push({ type: 'list', nodes: action });
      this.parseAction(action);
    }
    return this.root;
  }

  /** Reads one action's nodes up to its closing brace. */
  private parseAction(nodes: PathNode[]): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos = this.start = this.pos + 1;
        return;
      }
      if (rest.startsWith('[?(')) nodes.push(this.filter());
      else if (rest.startsWith('..')) this.recursive(nodes);
      else this.token(nodes);
    }
  }

  private token(nodes: PathNode[]): void {
    const c = this.next();
    if (c === '' || c === '\r' || c === '\n') throw new Error('unclosed action');
    if (c === ' ' || c === '@' || c === '$') this.start = this.pos;
    else if (c === '[') nodes.push(...this.array());
    else if (c === '"' || c === "'") nodes.push(this.quoted(c));
    else if (c === '.') nodes.push(this.field());
    else if (c === '+' || c === '-' || /\d/.test(c)) nodes.push(this.number());
    else if (isAlphaNumeric(c)) nodes.push(this.identifier());
    else throw new Error(`unrecognized character in action: ${c}`);
  }

  private next(): string {
    if (this.pos >= this.input.length) return '';
    const c = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.pos += c.length;
    return c;
  }

  private consume(): string {
    const text = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return text;
  }

  /** Up to the next terminator not escaped by a backslash. */
  private scanName(): string {
    for (;;) {
      const c = this.input.charAt(this.pos);
      if (c === '\\') this.pos += 2;
      else if (terminators.has(c)) return this.consume();
      else this.pos += 1;
    }
  }

  private field(): PathNode {
    this.start = this.pos;
    const name = this.scanName();
    return name === '*' ? { type: 'wildcard' } : { type: 'field', name: name.replaceAll('\\', '') };
  }

  private recursive(nodes: PathNode[]): void {
    if (nodes.at(-1)?.type === 'recursive') throw new Error('invalid multiple recursive descent');
    this.pos = this.start = this.pos + 2;
    nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.input.charAt(this.pos))) nodes.push(this.field());
  }

  private identifier(): PathNode {
    this.pos -= 1;
    const name = this.scanName();
    return name === 'true' || name === 'false'
      ? { type: 'bool', value: name === 'true' }
      : { type: 'identifier', name };
  }

  private number(): PathNode {
    this.pos -= 1;
    if ('+-'.includes(this.input.charAt(this.pos))) this.pos += 1;
    while (/[\d.]/.test(this.input.charAt(this.pos))) this.pos += 1;
    const text = this.consume();
    if (/^[+-]?\d+$/.test(text)) return { type: 'int', value: Number(text) };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { type: 'float', value: Number(text) };
    throw new Error(`cannot parse number ${text}`);
  }

  private quoted(quote: string): PathNode {
    for (;;) {
      const c = this.next();
      if (c === '' || c === '\n') throw new Error('unterminated quoted string');
      if (c === quote && this.input.charAt(this.pos - 2) !== '\\') break;
    }
    return { type: 'text', text: unquote(this.consume()) };
  }

  private array(): PathNode[] {
    const close = this.input.indexOf(']', this.pos);
    const newline = this.input.indexOf('\n', this.pos);
    if (close === -1 || (newline !== -1 && newline < close)) throw new Error('unterminated array');
    this.pos = close + 1;
    const inner = this.consume().slice(1, -1);
    const text = inner === '*' ? ':' : inner;
    const parts = text.split(',');
    if (parts.length > 1) {
      return [{ type: 'union', lists: parts.map((part) => innerList(`[${part.trim()}]`)) }];
    }
    const key = /^'([^']*)'$/.exec(text);
    if (key !== null) return [...innerList(`.${key[1] ?? ''}`).nodes];
    return [{ type: 'array', bounds: sliceBounds(text) }];
  }

  private filter(): PathNode {
    this.pos = this.start = this.pos + 3;
    let quote = '';
    let closed = true;
    for (;;) {
      const c = this.next();
      if (c === '' || c === '\n') throw new Error('unterminated filter');
      if ((c === '"' || c === "'") && quote === '') [quote, closed] = [c, false];
      else if (c === quote && this.input.charAt(this.pos - 2) !== '\\') closed = true;
      else if (c === ')' && closed) break;
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const comparison = filterRule.exec(text);
    if (comparison === null) return { type: 'filter', left: innerList(text), right: emptyList(), operator: 'exists' };
    const [, left = '', operator = '', right = ''] = comparison;
    return { type: 'filter', left: innerList(left), right: innerList(right), operator };
  }
}

const emptyList = (): ListNode => ({ type: 'list', nodes: [] });

/** The one action of `{text}`, as the parser reads a union's member or a filter's side. */
function innerList(text: string): ListNode {
  const [action] = parseJsonPath(`{${text}}`);
  return action?.type === 'list' ? action : emptyList();
}

function sliceBounds(text: string): [SliceBound, SliceBound, SliceBound] {
  const match = sliceRule.exec(text);
  if (match === null) throw new Error(`invalid array index ${text}`);
  const bounds: SliceBound[] = [];
  for (const [i, group = ''] of match.slice(1).entries()) {
    const digits = i > 0 ? group.slice(1) : group;
    if (group === '') {
      const start = bounds[0]?.value ?? 0;
      bounds.push(i === 1 ? { known: true, value: start + 1, derived: true } : unknownBound);
    } else if (i > 0 && digits === '') bounds.push(unknownBound);
    else if (!/^-?\d+$/.test(digits)) throw new Error(`array index ${digits} is not a number`);
    else bounds.push({ known: true, value: Number(digits), derived: false });
  }
  return bounds as [SliceBound, SliceBound, SliceBound];
}

const unknownBound: SliceBound = { known: false, value: 0, derived: false };

/** strconv.Unquote, also for single quotes. */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1);
  if (!body.includes('\\')) return body;
  const escapes: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  return body.replace(/\\(x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8}|[0-7]{3}|.)/gs, (_, escape: string) => {
    if (/^[xuU]/.test(escape)) return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    if (/^[0-7]{3}$/.test(escape)) return String.fromCodePoint(Number.parseInt(escape, 8));
    if (escape in escapes) return escapes[escape] ?? '';
    if (escape === '\\' || escape === "'" || escape === '"') return escape;
    throw new Error(`unquote string ${quoted} error invalid syntax`);
  });
}
