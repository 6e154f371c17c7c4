/** Where two JSON values differ, as `path: expected … actual …` lines (at most `limit`). */
export function differences(expected: unknown, actual: unknown, limit = 25): string[] {
  const out: string[] = [];
  walk(expected, actual, '', out, limit);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (
    typeof a === 'object' &&
    a !== null &&
    typeof b === 'object' &&
    b !== null &&
    Array.isArray(a) === Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`, out, limit);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${path || '/'}: kube-apiserver ${short(a)} | embedded ${short(b)}`);
  }
}

function short(value: unknown): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
