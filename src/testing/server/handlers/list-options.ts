import { badRequest } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { parseFieldSelector } from '../selectors/field-selector.ts';
import { fieldSelectionOf } from '../selectors/kind-fields.ts';
import { parseLabelSelector } from '../selectors/label-selector.ts';
import { SelectorError } from '../selectors/selector-error.ts';

/** The label and field selectors of a list or watch, as one predicate. */
export function selectorOf(type: ResourceType, query: URLSearchParams): (object: KubeObject) => boolean {
  const selection = fieldSelectionOf(type);
  try {
    const labels = parseLabelSelector(query.get('labelSelector') ?? '');
    const fields = parseFieldSelector(query.get('fieldSelector') ?? '', Object.keys(selection.labels), {
      unsupported: selection.unsupported,
    });
    return (object) => {
      if (!labels(object.metadata?.labels ?? {})) return false;
      const set = selection.fields(object);
      return fields(
        Object.fromEntries(Object.entries(selection.labels).map(([label, key]) => [label, set[key] ?? ''])),
      );
    };
  } catch (error) {
    if (error instanceof SelectorError) throw badRequest(error.message);
    throw error;
  }
}
