// The message Go's encoding/json gives for a syntax error, which kube-apiserver passes on
// to clients; JSON.parse's own messages differ, so invalid bodies are rescanned here.
import { goQuote } from './go-quote.ts';

/**
 * Go's `quoteChar`: the offending byte as Go prints it, `strconv.Quote` of the rune of that
 * value (`'\x00'`; for a character of several bytes, the first: `'Ã'` for `é`).
 */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const byte = Buffer.from(c, 'utf8')[0] ?? 0;
  return `'${goQuote(String.fromCharCode(byte)).slice(1, -1)}'`;
}

const whitespace = new Set([' ', '\t', '\n', '\r']);

/** How deep Go's encoding/json lets JSON nest (its scanner's maxNestingDepth). */
export const goMaxNestingDepth = 10_000;

/**
 * Go's error message for `text`, or undefined when Go accepts it: valid JSON nested at
 * most `maxDepth` deep (Go's limit is 10000: `invalid character '[' exceeded max depth`).
 * Iterative, so no nesting exhausts the JavaScript stack.
 */
export function goJsonSyntaxError(text: string, maxDepth = goMaxNestingDepth): string | undefined {
  let i = 0;
  const fail = (context: string): never => {
    throw new SyntaxError(`invalid character ${quoteChar(text[i] ?? '')} ${context}`);
  };
  const end = (): never => {
    throw new SyntaxError('unexpected end of JSON input');
  };
  const skip = () => {
    while (i < text.length && whitespace.has(text[i] ?? '')) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= text.length) end();
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k] ?? '')})`);
    }
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) end();
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (i >= text.length) end();
        const e = text[i] ?? '';
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= text.length) end();
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) fail('in string escape code');
      } else if (c < ' ') fail('in string literal');
      i++;
    }
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      if (i >= text.length) end();
      if (!/[0-9]/.test(text[i] ?? '')) fail('in numeric literal');
    }
    if (text[i] === '0') i++;
    else while (/[0-9]/.test(text[i] ?? '')) i++;
    if (text[i] === '.') {
      i++;
      if (i >= text.length) end();
      if (!/[0-9]/.test(text[i] ?? '')) fail('after decimal point in numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (i >= text.length) end();
      if (!/[0-9]/.test(text[i] ?? '')) fail('in exponent of numeric literal');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
  };
  const scalar = (c: string) => {
    if (c === '"') string();
    else if (c === '-' || /[0-9]/.test(c)) number();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else fail('looking for beginning of value');
  };
  const objectKey = () => {
    skip();
    if (i >= text.length) end();
    if (text[i] !== '"') fail('looking for beginning of object key string');
    string();
    skip();
    if (i >= text.length) end();
    if (text[i] !== ':') fail('after object key');
    i++;
  };
  // The containers open around the current position, innermost last.
  const open: ('{' | '[')[] = [];
  try {
    let expectingValue = true;
    for (;;) {
      skip();
      if (expectingValue) {
        if (i >= text.length) end();
        const c = text[i] ?? '';
        if (c !== '{' && c !== '[') {
          scalar(c);
          expectingValue = false;
          continue;
        }
        if (open.length >= maxDepth) fail('exceeded max depth');
        open.push(c);
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          open.pop();
          i++;
          expectingValue = false;
        } else if (c === '{') objectKey();
        continue;
      }
      const container = open.at(-1);
      if (container === undefined) {
        if (i < text.length) fail('after top-level value');
        return undefined;
      }
      if (i >= text.length) end();
      if (text[i] === ',') {
        i++;
        if (container === '{') objectKey();
        expectingValue = true;
      } else if (text[i] === (container === '{' ? '}' : ']')) {
        open.pop();
        i++;
      } else fail(container === '{' ? 'after object key:value pair' : 'after array element');
    }
  } catch (error) {
    return (error as Error).message;
  }
}

/** How kube-apiserver quotes a body it could not decode: text if it looks like an object, else hex. */
export function quoteBody(text: string): string {
  if (text === '') return '<empty>';
  const limit = 30;
  const bytes = Buffer.from(text);
  const shown = text.startsWith('{') ? bytes.subarray(0, limit).toString() : bytes.subarray(0, limit).toString('hex');
  return bytes.length > limit ? `${shown} ...` : shown;
}
