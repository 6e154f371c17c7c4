import { plainReadsAsString } from './go-yaml-resolve.ts';

/** The scalar styles go-yaml writes a JSON string in. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export const isLineBreak = (c: string | undefined) =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';

/** What go-yaml's emitter may write without escapes: no controls, no BOM, no astral. */
export function isPrintable(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

/**
 * go-yaml's style for a string: literal (`|`) when it has a newline, plain when the
 * resolver reads it back as a string, double-quoted otherwise; then the first of these the
 * content allows, in that order: plain, single-quoted, double-quoted (literal falls back
 * to double-quoted directly, and so does anything in a simple key).
 */
export function stringStyle(chars: readonly string[], simpleKey: boolean): ScalarStyle {
  const text = chars.join('');
  const allowed = allowedStyles(chars);
  if (text.includes('\n')) return allowed.literal && !simpleKey ? 'literal' : 'double';
  if (!plainReadsAsString(text)) return 'double';
  if (allowed.plain) return 'plain';
  return allowed.single ? 'single' : 'double';
}

/** Whether a scalar has a line break (such a key cannot be a simple key). */
export const isMultiline = (chars: readonly string[]) => chars.some(isLineBreak);

interface AllowedStyles {
  plain: boolean;
  single: boolean;
  literal: boolean;
}

/** go-yaml's analysis of a scalar's content, for block context (no flow collections). */
function allowedStyles(chars: readonly string[]): AllowedStyles {
  if (chars.length === 0) return { plain: true, single: true, literal: false };
  const shape = scalarShape(chars);
  const quoteOnly = shape.breakSpace || shape.spaceBreak || shape.special;
  return {
    plain: !quoteOnly && !shape.edgeSpaceOrBreak && !shape.lineBreaks && !hasBlockIndicator(chars),
    single: !quoteOnly,
    literal: !shape.trailingSpace && !shape.spaceBreak && !shape.special,
  };
}

function scalarShape(chars: readonly string[]) {
  const last = chars.length - 1;
  const first = chars[0];
  const end = chars[last];
  let breakSpace = false;
  let spaceBreak = false;
  for (let i = 1; i <= last; i++) {
    if (chars[i] === ' ' && isLineBreak(chars[i - 1])) breakSpace = true;
    if (isLineBreak(chars[i]) && chars[i - 1] === ' ') spaceBreak = true;
  }
  return {
    breakSpace,
    spaceBreak,
    special: chars.some((c) => !isPrintable(c)),
    lineBreaks: chars.some(isLineBreak),
    trailingSpace: end === ' ',
    edgeSpaceOrBreak: first === ' ' || end === ' ' || isLineBreak(first) || isLineBreak(end),
  };
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Indicators that would change the meaning of a plain scalar in block context. */
function hasBlockIndicator(chars: readonly string[]): boolean {
  const start = chars.slice(0, 3).join('');
  if (start === '---' || start === '...') return true;
  const first = chars[0] ?? '';
  const followedByBlank = (i: number) => i + 1 >= chars.length || isBlank(chars[i + 1]);
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return true;
  if ((first === '?' || first === ':' || first === '-') && followedByBlank(0)) return true;
  for (let i = 1; i < chars.length; i++) {
    if (chars[i] === ':' && followedByBlank(i)) return true;
    const previous = chars[i - 1];
    if (chars[i] === '#' && (isBlank(previous) || isLineBreak(previous) || previous === '\0')) return true;
  }
  return false;
}
