/**
 * Whether go-yaml v2 reads a plain scalar as a !!timestamp: text starting with four digits
 * and a dash that Go's time.Parse accepts in one of go-yaml's four layouts. The rules
 * below are time.Parse's for those layouts: one- or two-digit month, day, hour, minute and
 * second, checked ranges, a fraction after `.` or `,`, `Z` or a `±hh:mm` offset, and a
 * space in the layout matching any run of spaces.
 */
export function readsAsGoYamlTimestamp(text: string): boolean {
  if (!/^[0-9]{4}-/.test(text)) return false;
  return layouts.some((layout) => parsesAs(text, layout));
}

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fraction' | 'zone';
/** A layout: literal text (a string of one character) or a field to read. */
type Layout = readonly (Field | { literal: string })[];

const dateOnly: Layout = ['year', { literal: '-' }, 'month', { literal: '-' }, 'day'];
const clock: Layout = ['hour', { literal: ':' }, 'minute', { literal: ':' }, 'second', 'fraction'];
const layouts: readonly Layout[] = [
  [...dateOnly, { literal: 'T' }, ...clock, 'zone'],
  [...dateOnly, { literal: 't' }, ...clock, 'zone'],
  [...dateOnly, { literal: ' ' }, ...clock],
  dateOnly,
];

/** The largest value each one- or two-digit field takes (the day is checked at the end). */
const largest: Partial<Record<Field, number>> = { month: 12, day: 31, hour: 23, minute: 59, second: 59 };

function parsesAs(text: string, layout: Layout): boolean {
  const values: Partial<Record<Field, number>> = {};
  let rest = text;
  for (const part of layout) {
    const after = typeof part === 'string' ? readField(rest, part, values) : skipLiteral(rest, part.literal);
    if (after === undefined) return false;
    rest = after;
  }
  return rest === '' && dayExists(values.year ?? 0, values.month ?? 1, values.day ?? 1);
}

/** time.Parse's skip: a space matches a run of spaces (or the end), anything else itself. */
function skipLiteral(text: string, literal: string): string | undefined {
  if (literal !== ' ') return text.startsWith(literal) ? text.slice(1) : undefined;
  if (text !== '' && !text.startsWith(' ')) return undefined;
  return text.replace(/^ +/, '');
}

/** Reads `field` at the start of `text` into `values`; the rest, or undefined. */
function readField(text: string, field: Field, values: Partial<Record<Field, number>>): string | undefined {
  if (field === 'year') {
    values.year = Number(text.slice(0, 4)); // four digits: checked before any layout is tried
    return text.slice(4);
  }
  if (field === 'fraction') return /^[.,][0-9]/.test(text) ? text.replace(/^[.,][0-9]+/, '') : text;
  if (field === 'zone') return readZone(text);
  const digits = /^[0-9]{1,2}/.exec(text)?.[0];
  if (digits === undefined) return undefined;
  const value = Number(digits);
  const minimum = field === 'month' || field === 'day' ? 1 : 0;
  if (value < minimum || value > (largest[field] ?? 0)) return undefined;
  values[field] = value;
  return text.slice(digits.length);
}

/** `Z`, or a sign, two-digit hours up to 24, a colon and two-digit minutes up to 60. */
function readZone(text: string): string | undefined {
  if (text.startsWith('Z')) return text.slice(1);
  const offset = /^[+-]([0-9]{2}):([0-9]{2})/.exec(text);
  if (offset === null || Number(offset[1]) > 24 || Number(offset[2]) > 60) return undefined;
  return text.slice(6);
}

function dayExists(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (days[month - 1] ?? 31);
}
