/**
 * meta/v1 Time and MicroTime between their protobuf form (seconds and nanos since the
 * epoch; an empty message is Go's zero time) and their JSON form (RFC 3339 in UTC, to the
 * second for Time and the microsecond for MicroTime; `null` for the zero time), the way
 * apimachinery's time.go, micro_time.go and their _proto.go converts them.
 */

/** A Timestamp message; `undefined` stands for the empty message, Go's zero time. */
export interface Timestamp {
  seconds: number;
  nanos: number;
}

// Go's zero time, 0001-01-01T00:00:00Z, in seconds since the epoch.
const zeroSeconds = -62135596800;

const rfc3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** The JSON of a Time (`micro` false: nanos are dropped) or a MicroTime. */
export function timeToJson(timestamp: Timestamp | undefined, micro: boolean): string | null {
  const micros = micro ? Math.floor((timestamp?.nanos ?? 0) / 1000) : 0;
  if (!timestamp || (timestamp.seconds === zeroSeconds && micros === 0)) return null;
  const iso = new Date(timestamp.seconds * 1000).toISOString().slice(0, 19);
  if (!micro) return `${iso}Z`;
  return `${iso}.${String(micros).padStart(6, '0')}Z`;
}

/**
 * The Timestamp of a Time's or MicroTime's JSON; a Time keeps no nanos. Go reads a Time
 * with any fraction of a second but a MicroTime only with exactly 6 digits; this reads
 * both leniently (a MicroTime's extra digits are cut), as it encodes what a server holds.
 */
export function timeFromJson(value: unknown, micro: boolean, field: string): Timestamp | undefined {
  if (value === null) return undefined;
  const match = typeof value === 'string' ? rfc3339.exec(value) : null;
  const millis = match ? Date.parse(`${match[1]}${match[3]}`) : NaN;
  if (!match || Number.isNaN(millis))
    throw new TypeError(`${field}: ${JSON.stringify(value)} is not an RFC 3339 time such as "2006-01-02T15:04:05Z"`);
  const fractionNanos = Number((match[2] ?? '').padEnd(9, '0').slice(0, 9));
  const seconds = millis / 1000;
  if (seconds === zeroSeconds && fractionNanos === 0) return undefined;
  return { seconds, nanos: micro ? Math.floor(fractionNanos / 1000) * 1000 : 0 };
}
