// Reading a decoded JSON object the way validation reads Go's typed values: a missing or
// mistyped field reads as its zero value.

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The items of a list of objects, each non-object item read as an empty object. */
export const objectsIn = (value: unknown): Json[] =>
  Array.isArray(value) ? (value as unknown[]).map((item) => (isObject(item) ? item : {})) : [];

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
