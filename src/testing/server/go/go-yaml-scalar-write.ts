import { isLineBreak, isPrintable, type ScalarStyle } from './go-yaml-scalar-style.ts';
import { bestWidth, type YamlWriter } from './go-yaml-writer.ts';

/**
 * Writes a scalar the way go-yaml's emitter does. `indent` is the scalar's own indentation
 * (continuation lines, a literal's lines); `wrap` is false in simple keys, which never wrap.
 * Plain and quoted scalars wrap at a single space once past column 80.
 */
export function writeScalar(
  w: YamlWriter,
  chars: readonly string[],
  style: ScalarStyle,
  indent: number,
  wrap: boolean,
) {
  if (style === 'plain') writePlain(w, chars, indent, wrap);
  else if (style === 'single') writeSingleQuoted(w, chars, indent, wrap);
  else if (style === 'double') writeDoubleQuoted(w, chars, indent, wrap);
  else writeLiteral(w, chars, indent);
}

/** Whether to break the line at the space at `i` instead of writing it. */
function wrapsAt(w: YamlWriter, chars: readonly string[], i: number, afterSpace: boolean): boolean {
  return !afterSpace && w.column > bestWidth && chars[i + 1] !== ' ';
}

function writePlain(w: YamlWriter, chars: readonly string[], indent: number, wrap: boolean) {
  if (!w.whitespace) w.put(' ');
  let afterSpace = false;
  chars.forEach((c, i) => {
    if (c === ' ') {
      if (wrap && wrapsAt(w, chars, i, afterSpace)) w.indent(indent);
      else w.put(c);
      afterSpace = true;
    } else {
      w.put(c);
      w.indention = false;
      afterSpace = false;
    }
  });
  w.whitespace = false;
  w.indention = false;
}

function writeSingleQuoted(w: YamlWriter, chars: readonly string[], indent: number, wrap: boolean) {
  w.indicator("'", { spaceBefore: true, isWhitespace: false, isIndention: false });
  let afterSpace = false;
  let afterBreak = false;
  chars.forEach((c, i) => {
    if (c === ' ') {
      const inside = i > 0 && i < chars.length - 1;
      if (wrap && inside && wrapsAt(w, chars, i, afterSpace)) w.indent(indent);
      else w.put(c);
      afterSpace = true;
    } else if (isLineBreak(c)) {
      if (!afterBreak && c === '\n') w.newline();
      w.lineBreak(c);
      w.indention = true;
      afterBreak = true;
    } else {
      if (afterBreak) w.indent(indent);
      w.putAll(c === "'" ? "''" : c);
      w.indention = false;
      afterSpace = false;
      afterBreak = false;
    }
  });
  w.indicator("'", { spaceBefore: false, isWhitespace: false, isIndention: false });
  w.whitespace = false;
  w.indention = false;
}

function writeDoubleQuoted(w: YamlWriter, chars: readonly string[], indent: number, wrap: boolean) {
  w.indicator('"', { spaceBefore: true, isWhitespace: false, isIndention: false });
  // go-yaml checks for a BOM at the start of the value, not at each character: a value
  // starting with one has every character escaped.
  const escapeAll = chars[0] === '\uFEFF';
  let afterSpace = false;
  chars.forEach((c, i) => {
    if (escapeAll || !isPrintable(c) || isLineBreak(c) || c === '"' || c === '\\') {
      w.putAll(escaped(c));
      afterSpace = false;
    } else if (c === ' ') {
      const inside = i > 0 && i < chars.length - 1;
      if (wrap && inside && !afterSpace && w.column > bestWidth) {
        w.indent(indent);
        if (chars[i + 1] === ' ') w.put('\\'); // keeps the next space from being folded away
      } else w.put(c);
      afterSpace = true;
    } else {
      w.put(c);
      afterSpace = false;
    }
  });
  w.indicator('"', { spaceBefore: false, isWhitespace: false, isIndention: false });
  w.whitespace = false;
  w.indention = false;
}

const namedEscapes = new Map(
  Object.entries({
    '\0': '0',
    '\x07': 'a',
    '\b': 'b',
    '\t': 't',
    '\n': 'n',
    '\v': 'v',
    '\f': 'f',
    '\r': 'r',
    '\x1b': 'e',
    '"': '"',
    '\\': '\\',
    '\u0085': 'N',
    '\u00a0': '_',
    '\u2028': 'L',
    '\u2029': 'P',
  }),
);

/** go-yaml's escape: a name, else \xXX, \uXXXX or \UXXXXXXXX in upper-case hex. */
function escaped(c: string): string {
  const named = namedEscapes.get(c);
  if (named !== undefined) return `\\${named}`;
  const code = c.codePointAt(0) ?? 0;
  const [letter, digits] = code <= 0xff ? ['x', 2] : code <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${letter}${code.toString(16).toUpperCase().padStart(digits, '0')}`;
}

function writeLiteral(w: YamlWriter, chars: readonly string[], indent: number) {
  w.indicator('|', { spaceBefore: true, isWhitespace: false, isIndention: false });
  const hints = { spaceBefore: false, isWhitespace: false, isIndention: false };
  if (chars[0] === ' ' || isLineBreak(chars[0])) w.indicator('2', hints); // the indentation, stated
  const chomping = literalChomping(chars);
  if (chomping !== '') w.indicator(chomping, hints);
  w.newline();
  w.indention = true;
  w.whitespace = true;
  let afterBreak = true;
  for (const c of chars) {
    if (isLineBreak(c)) {
      w.lineBreak(c);
      w.indention = true;
      afterBreak = true;
    } else {
      if (afterBreak) w.indent(indent);
      w.put(c);
      w.indention = false;
      afterBreak = false;
    }
  }
}

/** `-` strips a missing final break, `+` keeps several (or a lone one), none keeps one. */
function literalChomping(chars: readonly string[]): string {
  const last = chars.length - 1;
  if (!isLineBreak(chars[last])) return '-';
  return last === 0 || isLineBreak(chars[last - 1]) ? '+' : '';
}
