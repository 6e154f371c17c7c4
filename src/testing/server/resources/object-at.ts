type Json = Record<string, unknown>;

/** `parent[key]` as an object to default fields in: created (and stored) when missing or not an object. */
export function objectAt(parent: Json, key: string): Json {
  const value = parent[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  const created: Json = {};
  parent[key] = created;
  return created;
}
