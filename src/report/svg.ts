/** Escapes text for HTML and SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

const format = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A rectangle; `attributes` are written as given (numbers rounded to 0.1). */
export function rect(
  x: number,
  y: number,
  width: number,
  height: number,
  attributes: Record<string, string> = {},
): string {
  const extra = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
    .join('');
  return `<rect x="${format(x)}" y="${format(y)}" width="${format(Math.max(width, 0.5))}" height="${format(height)}"${extra}/>`;
}

export function text(x: number, y: number, content: string, attributes: Record<string, string> = {}): string {
  const extra = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
    .join('');
  return `<text x="${format(x)}" y="${format(y)}"${extra}>${escapeHtml(content)}</text>`;
}

/** Round axis ticks from 0 to at least `max`. */
export function ticks(max: number, count = 5): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}
