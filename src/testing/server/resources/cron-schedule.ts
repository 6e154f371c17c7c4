// Why a CronJob's schedule is not one kube-apiserver v1.36.3 accepts: the reading of the
// standard cron parser it uses (five fields of numbers, names, ranges, steps and lists, or
// an @descriptor), with that parser's own error texts. Time zones in the schedule and
// `@every` durations are not read (a schedule with them is taken as valid).

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Minute, hour, day of month, month, day of week. */
const fieldBounds: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(months.map((name, index) => [name, index + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(days.map((name, index) => [name, index])) },
];
const descriptors = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

class CronError extends Error {}

/** Go's strconv.Atoi, with its error text, then the parser's refusal of negatives. */
function parseNumber(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text))
    throw new CronError(
      `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`,
    );
  const number = Number(text);
  if (!Number.isSafeInteger(number) || Math.abs(number) > 2 ** 63 - 1)
    throw new CronError(
      `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`,
    );
  if (number < 0) throw new CronError(`negative number (${String(number)}) not allowed: ${text}`);
  return number;
}

const parseNumberOrName = (text: string, bounds: Bounds): number =>
  bounds.names?.[text.toLowerCase()] ?? parseNumber(text);

/** One range of a field: `*`, `?`, `N`, `N-M`, each with an optional `/step`. */
function checkRange(expression: string, bounds: Bounds): void {
  const [range = '', ...steps] = expression.split('/');
  const ends = range.split('-');
  let start: number;
  let end: number;
  if (ends[0] === '*' || ends[0] === '?') [start, end] = [bounds.min, bounds.max];
  else {
    start = parseNumberOrName(ends[0] ?? '', bounds);
    if (ends.length > 2) throw new CronError(`too many hyphens: ${expression}`);
    end = ends.length === 2 ? parseNumberOrName(ends[1] ?? '', bounds) : start;
  }
  if (steps.length > 1) throw new CronError(`too many slashes: ${expression}`);
  const step = steps.length === 1 ? parseNumber(steps[0] ?? '') : 1;
  // `N/step` means `N-max/step`.
  if (steps.length === 1 && ends.length === 1) end = bounds.max;
  if (start < bounds.min)
    throw new CronError(`beginning of range (${String(start)}) below minimum (${String(bounds.min)}): ${expression}`);
  if (end > bounds.max)
    throw new CronError(`end of range (${String(end)}) above maximum (${String(bounds.max)}): ${expression}`);
  if (start > end)
    throw new CronError(`beginning of range (${String(start)}) beyond end of range (${String(end)}): ${expression}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expression}`);
}

function checkSchedule(schedule: string): void {
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) spec = spec.slice(spec.indexOf(' ') + 1).trim();
  if (spec.startsWith('@')) {
    if (descriptors.includes(spec) || spec.startsWith('@every ')) return;
    throw new CronError(`unrecognized descriptor: ${spec}`);
  }
  const fields = spec.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5)
    throw new CronError(`expected exactly 5 fields, found ${String(fields.length)}: [${fields.join(' ')}]`);
  fields.forEach((field, index) => {
    for (const expression of field.split(',').filter((part) => part !== ''))
      checkRange(expression, fieldBounds[index] ?? { min: 0, max: 0 });
  });
}

/** The parser's error for `schedule`, or undefined when it reads it. */
export function cronScheduleError(schedule: string): string | undefined {
  try {
    checkSchedule(schedule);
    return undefined;
  } catch (error) {
    if (error instanceof CronError) return error.message;
    throw error;
  }
}
