// kube-apiserver quotes bad values in its messages with Go's %q, whose escapes differ from
// JSON.stringify's: "\a", "\v", "\x7f", "\u00a0" (printable only by Go's rules), no "\/".

const shortEscapes: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

// Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const hex = (codePoint: number, digits: number) => codePoint.toString(16).padStart(digits, '0');

/** One code point as Go's `strconv.Quote` writes it inside the quotes. */
function quoteCodePoint(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (char === '"' || char === '\\') return `\\${char}`;
  if (printable.test(char)) return char;
  const short = shortEscapes[codePoint];
  if (short !== undefined) return short;
  if (codePoint < 0x20 || codePoint === 0x7f) return `\\x${hex(codePoint, 2)}`;
  // A lone surrogate has no UTF-8 form; Go strings decoded from text hold U+FFFD there.
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return '\uFFFD';
  return codePoint < 0x10000 ? `\\u${hex(codePoint, 4)}` : `\\U${hex(codePoint, 8)}`;
}

/** `text` quoted as Go's `%q` (strconv.Quote) quotes it. */
export function goQuote(text: string): string {
  let quoted = '"';
  for (const char of text) quoted += quoteCodePoint(char);
  return `${quoted}"`;
}
