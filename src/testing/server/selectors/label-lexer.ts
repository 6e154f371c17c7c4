// Splits a label selector into tokens the way apimachinery's lexer does: whitespace is
// ' ', '\t', '\r' or '\n'; every other run of characters up to a special symbol is one
// identifier, however odd (validation rejects it later, with its own message). The Go
// lexer reads NUL as "no more input": where a token would start it ends the selector, and
// right after a token it is swallowed.

/** What a token is; `in` and `notin` are keywords only where an operator may stand. */
export type TokenKind = 'end' | 'identifier' | 'in' | 'notin' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<';

/** One token and its text, which error messages quote (`''` at the end). */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const whitespace = new Set([' ', '\t', '\r', '\n']);
const special = new Set(['=', '!', '(', ')', ',', '>', '<']);
const nul = '\0';

const isDelimiter = (char: string) => special.has(char) || whitespace.has(char) || char === nul;

/** The tokens of `selector`, always ending with an `end` token. */
export function lex(selector: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < selector.length && whitespace.has(selector.charAt(i))) i++;
    const char = selector.charAt(i);
    if (i >= selector.length || char === nul) break;
    if (special.has(char)) {
      // Longest match: only "!=" and "==" are two characters long.
      const text = (char === '!' || char === '=') && selector.charAt(i + 1) === '=' ? `${char}=` : char;
      tokens.push({ kind: text as TokenKind, text });
      i += text.length;
    } else {
      const start = i;
      while (i < selector.length && !isDelimiter(selector.charAt(i))) i++;
      const text = selector.slice(start, i);
      tokens.push({ kind: text === 'in' || text === 'notin' ? text : 'identifier', text });
    }
    if (selector.charAt(i) === nul) i++;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}
