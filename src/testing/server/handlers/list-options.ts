import { badRequest } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { fieldLabelNotSupported, notAKnownFieldSelector, parseFieldSelector } from '../selectors/field-selector.ts';
import { parseLabelSelector } from '../selectors/label-selector.ts';
import { SelectorError } from '../selectors/selector-error.ts';

/** Kinds with a field-selector conversion of their own word unsupported fields differently. */
const ownConversion = new Set(['Pod', 'Namespace', 'Secret']);

/** The label and field selectors of a list or watch, as one predicate. */
export function selectorOf(type: ResourceType, query: URLSearchParams): (object: KubeObject) => boolean {
  const custom = type.group.includes('.') && !type.group.endsWith('.k8s.io');
  const own = type.fieldSelectors;
  const unsupported = own || ownConversion.has(type.kind) || custom ? fieldLabelNotSupported : notAKnownFieldSelector;
  try {
    const labels = parseLabelSelector(query.get('labelSelector') ?? '');
    const supported = ['metadata.name', 'metadata.namespace', ...(own?.fields ?? [])];
    const fields = parseFieldSelector(query.get('fieldSelector') ?? '', supported, { unsupported });
    return (object) =>
      labels(object.metadata?.labels ?? {}) &&
      fields({
        ...own?.values(object),
        'metadata.name': object.metadata?.name ?? '',
        'metadata.namespace': object.metadata?.namespace ?? '',
      });
  } catch (error) {
    if (error instanceof SelectorError) throw badRequest(error.message);
    throw error;
  }
}
