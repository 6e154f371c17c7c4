/**
 * go-yaml v2's order of string map keys (its keyList.Less), compared by code point: letters
 * sort after everything else and among themselves by code point; elsewhere a run of digits
 * counts as one number (as go-yaml computes it, in wrapping 64-bit arithmetic, with
 * unicode.IsDigit's digits), then the shorter run first, then the code point.
 */
export function goYamlKeyOrder(a: string, b: string): number {
  if (a === b) return 0;
  return goYamlKeyLess(Array.from(a), Array.from(b)) ? -1 : 1;
}

const isLetter = (c: string | undefined) => c !== undefined && /^\p{L}$/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /^\p{Nd}$/u.test(c);
const codeOf = (c: string) => c.codePointAt(0) ?? 0;

function goYamlKeyLess(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    const xLetter = isLetter(x);
    const yLetter = isLetter(y);
    if (xLetter && yLetter) return codeOf(x) < codeOf(y);
    if (xLetter || yLetter) return yLetter;
    // A zero after other digits is not a leading zero: go-yaml starts both numbers at 1.
    const start = (x === '0' || y === '0') && nonZeroDigitBefore(a, i) ? 1n : 0n;
    const left = digitRun(a, i, start);
    const right = digitRun(b, i, start);
    if (left.value !== right.value) return left.value < right.value;
    if (left.end !== right.end) return left.end < right.end;
    return codeOf(x) < codeOf(y);
  }
  return a.length < b.length;
}

function nonZeroDigitBefore(chars: readonly string[], index: number): boolean {
  for (let j = index - 1; j >= 0 && isDigit(chars[j]); j--) if (chars[j] !== '0') return true;
  return false;
}

/** The number go-yaml reads from the digits at `start`: value*10 + (rune - '0'), in int64. */
function digitRun(chars: readonly string[], index: number, start: bigint): { value: bigint; end: number } {
  let value = start;
  let end = index;
  for (; end < chars.length && isDigit(chars[end]); end++) {
    value = BigInt.asIntN(64, value * 10n + BigInt(codeOf(chars[end] as string) - 48));
  }
  return { value, end };
}
