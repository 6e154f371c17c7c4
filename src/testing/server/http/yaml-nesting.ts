// go-yaml (behind kube-apiserver's YAML decoding) refuses more than 10000 nested flow
// collections (`[`, `{`) or block indentation levels with `yaml: exceeded max depth of
// 10000`. The yaml package has no such limit and recurses, so deep YAML is measured here
// first, from its lexer's tokens (which never recurse), the way go-yaml's scanner counts.
import { yaml } from './load-yaml.ts';
import { maxNestingDepth } from './nesting-limit.ts';

/** go-yaml's max_flow_level and max_indents. */
const goYamlMaxDepth = 10_000;

/** Lexer tokens that stand for no source text. */
const controlTokens = new Set(['\u0002', '\u0018']);
const scalarMarker = '\u001f';
const layout = new Set(['space', 'newline', 'comment', 'byte-order-mark', 'directive-line', 'doc-mode']);

/**
 * go-yaml's error when `text` nests deeper than 10000 levels, else the same error naming
 * the embedded server's own limit when the nesting passes that (see nesting-limit.ts),
 * else undefined. `yaml: line 3: exceeded max depth of 10000`; no line on the first.
 */
export function yamlNestingError(text: string): string | undefined {
  if (!indicatorsExceed(text, maxNestingDepth)) return undefined;
  const position = new TextPosition();
  let flowLevel = 0;
  const indents: number[] = [];
  let keyColumn: number | undefined;
  let scalarNext = false;
  let blockScalarNext = false;
  let ownLimitLine: number | undefined;
  const indent = () => indents.at(-1) ?? -1;
  const exceeded = (): boolean => {
    if (flowLevel > goYamlMaxDepth || indents.length > goYamlMaxDepth) return true;
    if (flowLevel + indents.length > maxNestingDepth) ownLimitLine ??= position.line;
    return false;
  };
  const roll = (column: number) => {
    if (indent() < column) indents.push(column);
  };
  const { CST, Lexer } = yaml();
  for (const token of new Lexer().lex(text)) {
    if (controlTokens.has(token)) continue;
    if (token === scalarMarker) {
      scalarNext = true;
      continue;
    }
    const type = scalarNext ? 'scalar' : (CST.tokenType(token) ?? 'scalar');
    const column = position.column;
    const blockScalarBody: boolean = scalarNext && blockScalarNext;
    scalarNext = false;
    if (type === 'newline') keyColumn = undefined;
    else if (type === 'doc-start' || type === 'doc-end') {
      indents.length = 0;
      flowLevel = 0;
    } else if (!layout.has(type) && !blockScalarBody) {
      // As go-yaml, every token in block context first closes the deeper indentation levels.
      if (flowLevel === 0) while (indent() > column) indents.pop();
      if (type === 'flow-seq-end' || type === 'flow-map-end') flowLevel = Math.max(0, flowLevel - 1);
      else if (flowLevel > 0) {
        if (type === 'flow-seq-start' || type === 'flow-map-start') flowLevel++;
      } else if (type === 'seq-item-ind' || type === 'explicit-key-ind') {
        roll(column);
        keyColumn = undefined;
      } else if (type === 'map-value-ind') {
        roll(keyColumn ?? column);
        keyColumn = undefined;
      } else {
        keyColumn ??= column;
        if (type === 'flow-seq-start' || type === 'flow-map-start') flowLevel++;
      }
      if (exceeded()) return message(position.line, goYamlMaxDepth);
    }
    blockScalarNext = type === 'block-scalar-header' || (blockScalarNext && !blockScalarBody && layout.has(type));
    position.advance(token);
  }
  return ownLimitLine === undefined ? undefined : message(ownLimitLine, maxNestingDepth);
}

/** Where the lexer is in the text: the line (from 1), and the column of the next token. */
class TextPosition {
  line = 1;
  #offset = 0;
  #lineStart = 0;

  get column(): number {
    return this.#offset - this.#lineStart;
  }

  /** Moves past `token`, counting the lines it ends. */
  advance(token: string): void {
    for (let at = token.indexOf('\n'); at !== -1; at = token.indexOf('\n', at + 1)) {
      this.line++;
      this.#lineStart = this.#offset + at + 1;
    }
    this.#offset += token.length;
  }
}

const message = (line: number, limit: number) =>
  `yaml: ${line > 1 ? `line ${String(line)}: ` : ''}exceeded max depth of ${String(limit)}`;

/** Whether `text` has more than `count` characters that can open a level: a cheap bound. */
function indicatorsExceed(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '[' || c === '{' || c === '-' || c === '?' || c === ':') && ++seen > count) return true;
  }
  return false;
}
