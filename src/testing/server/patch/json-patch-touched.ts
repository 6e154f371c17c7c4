import { isJsonObject } from './json-value.ts';

/**
 * The containers of `patched` a JSON patch walked through (the root, and every object or
 * array on an operation's `path` or `from`): evanphx/json-patch decodes those into maps,
 * which Go writes with sorted keys, and passes every other part through as it was.
 */
export function touchedByJsonPatch(operations: unknown, patched: unknown): (node: object) => boolean {
  const touched = new Set<object>();
  if (typeof patched === 'object' && patched !== null) touched.add(patched);
  for (const operation of Array.isArray(operations) ? operations : []) {
    if (!isJsonObject(operation)) continue;
    for (const pointer of [operation.path, operation.from]) {
      if (typeof pointer !== 'string') continue;
      let node: unknown = patched;
      for (const segment of pointer.split('/').slice(1, -1)) {
        const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
        if (Array.isArray(node)) node = /^\d+$/.test(key) ? node[Number(key)] : undefined;
        else node = isJsonObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
        if (typeof node !== 'object' || node === null) break;
        touched.add(node);
      }
    }
  }
  return (node) => touched.has(node);
}
