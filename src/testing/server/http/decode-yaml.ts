import { yaml } from './load-yaml.ts';
import { StatusError } from './status.ts';
import { maxNestingDepth } from './nesting-limit.ts';
import { yamlNestingError } from './yaml-nesting.ts';

/** A YAML body decoded; or go-yaml's own error (`yaml: ...`); or the yaml package's. */
export type DecodedYaml = { readonly value: unknown } | { readonly goError: string } | { readonly parseError: Error };

/**
 * Parses a YAML body with the yaml package, after refusing as go-yaml does what the
 * package would choke on or take: nesting too deep (see yaml-nesting.ts), an escaped
 * surrogate, and an anchor holding an alias of itself (`&a [*a]`, a cycle in JavaScript). Aliases can nest a value deeper
 * than its text; past the embedded server's limit it is refused as nested too deep.
 */
export function decodeYaml(text: string): DecodedYaml {
  const tooDeep = yamlNestingError(text);
  if (tooDeep !== undefined) return { goError: tooDeep };
  const badEscape = surrogateEscapeError(text);
  if (badEscape !== undefined) return { goError: badEscape };
  let value: unknown;
  try {
    value = parseJsonOrYaml(text);
  } catch (error) {
    if (error instanceof StatusError) throw error; // the yaml package is missing
    return { parseError: error as Error };
  }
  const depth = depthOf(value);
  if (depth === 'cyclic') return { goError: `yaml: anchor '${selfContainingAnchor(text)}' value contains itself` };
  if (depth > maxNestingDepth) return { goError: `yaml: exceeded max depth of ${String(maxNestingDepth)}` };
  return { value };
}

/**
 * JSON (what most clients send, and valid YAML) through JSON.parse: it reads it as go-yaml
 * does, last duplicate key winning, where the yaml package takes time quadratic in the
 * keys of a map. Anything else through the yaml package, which then also lets a later
 * duplicate key win, as go-yaml does.
 */
function parseJsonOrYaml(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return yaml().parse(text, { uniqueKeys: false });
  }
}

/** The yaml lexer's tokens that stand for no source text. */
const controlTokens = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * go-yaml refuses a `\\u` escape of a surrogate in a double-quoted scalar (so in JSON's
 * strings), even one of a valid pair: `yaml: line 2: found invalid Unicode character escape code`.
 */
function surrogateEscapeError(text: string): string | undefined {
  if (!/\\u[dD][89a-fA-F]/.test(text)) return undefined;
  const { CST, Lexer } = yaml();
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const at = CST.tokenType(token) === 'double-quoted-scalar' ? surrogateEscapeAt(token) : -1;
    if (at !== -1) {
      const line = text.slice(0, offset + at).split('\n').length;
      return `yaml: ${line > 1 ? `line ${String(line)}: ` : ''}found invalid Unicode character escape code`;
    }
    if (!controlTokens.has(token)) offset += token.length;
  }
  return undefined;
}

/** Where in a double-quoted scalar a `\\u` escape of a surrogate starts, or -1. */
function surrogateEscapeAt(scalar: string): number {
  for (let i = 0; i < scalar.length; i++) {
    if (scalar[i] !== '\\') continue;
    if (scalar[i + 1] === 'u' && /^[dD][89a-fA-F][0-9a-fA-F]{2}$/.test(scalar.slice(i + 2, i + 6))) return i;
    i++; // the escaped character
  }
  return -1;
}

/** How deep objects and arrays nest in `root` (walked without recursion), or 'cyclic'. */
function depthOf(root: unknown): number | 'cyclic' {
  const path: { readonly node: object; readonly children: readonly unknown[]; next: number }[] = [];
  const onPath = new Set<object>();
  let deepest = 0;
  const enter = (node: unknown): boolean => {
    if (typeof node !== 'object' || node === null) return true;
    if (onPath.has(node)) return false;
    onPath.add(node);
    path.push({ node, children: Array.isArray(node) ? node : Object.values(node), next: 0 });
    deepest = Math.max(deepest, path.length);
    return true;
  };
  if (!enter(root)) return 'cyclic';
  for (let top = path.at(-1); top !== undefined && deepest <= maxNestingDepth; top = path.at(-1)) {
    if (top.next < top.children.length) {
      if (!enter(top.children[top.next++])) return 'cyclic';
    } else {
      onPath.delete(top.node);
      path.pop();
    }
  }
  return deepest;
}

/** The name of the first alias, in document order, that sits inside its own anchor. */
function selfContainingAnchor(text: string): string {
  const { parseDocument, visit } = yaml();
  const document = parseDocument(text);
  let name = '';
  visit(document, {
    Alias(_key, alias, path) {
      const anchored = alias.resolve(document);
      if (anchored === undefined || !path.includes(anchored)) return undefined;
      name = alias.source;
      return visit.BREAK;
    },
  });
  return name;
}
