// How kube-apiserver shows a patch in the 422 of a patched object it refuses: the JSON of
// a merge-patched object with Go's key order, or Go's %v of a strategic merge patch once
// its directives are consumed.
import type { KubeObject } from '../../../core/object.ts';
import { orderMetadataInPlace } from '../handlers/object-shape.ts';
import { touchedByJsonPatch } from '../patch/json-patch-touched.ts';
import { goFormat, goJson } from '../go/go-text.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The patch as the 422 shows it: Go's %v of a strategic merge patch without its
 * directives; the patched object's JSON for a merge or JSON patch, with the metadata the
 * patch did not touch in the typed object's order (all keys sorted for a custom
 * resource, an unstructured map). Reorders `patched`'s metadata.
 */
export function shownPatch(
  patchType: 'merge' | 'strategic' | 'json',
  patch: unknown,
  patched: unknown,
  custom: boolean,
): string {
  if (patchType === 'strategic') return goFormat(withoutDirectives(patch));
  if (custom) return goJson(patched, () => true);
  if (patchType === 'json') {
    orderMetadataInPlace(patched as KubeObject);
    return goJson(patched, touchedByJsonPatch(patch, patched));
  }
  return goJson(patched, sortedByGo(patch as Json, patched, false));
}

/**
 * The objects Go writes with sorted keys: all of a custom resource (an unstructured map);
 * of a built-in object, those the merge patch went through or brought (re-encoded from
 * maps, lists included, which a merge patch replaces whole), the others passing through
 * as the typed object wrote them.
 */
export function sortedByGo(patch: Json, patched: unknown, custom: boolean): (node: object) => boolean {
  if (custom) return () => true;
  const touched = new Set<object>();
  const walk = (patchNode: unknown, node: unknown) => {
    if (Array.isArray(patchNode) && Array.isArray(node)) {
      patchNode.forEach((item, index) => {
        walk(item, node[index]);
      });
      return;
    }
    if (!isObject(patchNode) || !isObject(node)) return;
    touched.add(node);
    for (const [key, value] of Object.entries(patchNode)) walk(value, node[key]);
  };
  walk(patch, patched);
  return (node) => touched.has(node);
}

/**
 * The strategic merge patch as apimachinery leaves it after merging: `$patch` and
 * `$retainKeys` consumed, `$setElementOrder/<list>` consumed with its list.
 */
export function withoutDirectives(patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Json = {};
  const ordered = Object.keys(patch)
    .filter((key) => key.startsWith('$setElementOrder/'))
    .map((key) => key.slice('$setElementOrder/'.length));
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/') || ordered.includes(key))
      continue;
    result[key] = withoutDirectives(value);
  }
  return result;
}
