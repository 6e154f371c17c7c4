// Reading a stored object's fields for printing: a missing or mistyped field reads as
// Go's zero value, as the printers see a decoded Go struct.

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `parent[key]` when it is an object, else `{}`. */
export const objectAt = (parent: unknown, key: string): Json => {
  const value = isObject(parent) ? parent[key] : undefined;
  return isObject(value) ? value : {};
};

/** The object items of `parent[key]` when it is a list, else `[]`. */
export const listAt = (parent: unknown, key: string): Json[] => {
  const value = isObject(parent) ? parent[key] : undefined;
  return Array.isArray(value) ? value.filter(isObject) : [];
};

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
