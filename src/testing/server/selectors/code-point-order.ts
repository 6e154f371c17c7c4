/** Go's `sort.Strings` order, by UTF-8 bytes, which is code point order (not UTF-16's). */
export function byCodePoint(a: string, b: string): number {
  // Equal code points have equal widths, so one index walks both strings.
  for (let i = 0; i < a.length && i < b.length;) {
    const left = a.codePointAt(i) ?? 0;
    const right = b.codePointAt(i) ?? 0;
    if (left !== right) return left - right;
    i += left > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}
