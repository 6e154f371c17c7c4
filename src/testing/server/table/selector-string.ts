import { byCodePoint } from '../selectors/code-point-order.ts';
import { labelKeyErrors, labelValueErrors } from '../../../core/names.ts';

interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, unknown>>;
  readonly matchExpressions?: readonly { key?: unknown; operator?: unknown; values?: unknown }[];
}

const operators: Readonly<Record<string, string>> = { In: ' in ', NotIn: ' notin ', Exists: '', DoesNotExist: '' };

/**
 * A LabelSelector as apimachinery writes it after `LabelSelectorAsSelector` (the
 * Deployment table's Selector column): requirements sorted by key, values sorted, `""`
 * for a missing or empty selector, `<invalid>` for one Go would refuse to convert.
 */
export function selectorString(selector: LabelSelector | null | undefined): string {
  if (selector === null || selector === undefined) return '';
  const requirements: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labelKeyErrors(key).length > 0 || labelValueErrors(String(value)).length > 0) return '<invalid>';
    requirements.push({ key, text: `${key}=${String(value)}` });
  }
  for (const expression of selector.matchExpressions ?? []) {
    const { key, operator } = expression;
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    if (typeof key !== 'string' || typeof operator !== 'string' || !(operator in operators)) return '<invalid>';
    const setBased = operator === 'In' || operator === 'NotIn';
    if (setBased ? values.length === 0 : values.length > 0) return '<invalid>';
    if (labelKeyErrors(key).length > 0 || values.some((value) => labelValueErrors(value).length > 0))
      return '<invalid>';
    const text = setBased
      ? `${key}${operators[operator] ?? ''}(${[...values].sort(byCodePoint).join(',')})`
      : `${operator === 'DoesNotExist' ? '!' : ''}${key}`;
    requirements.push({ key, text });
  }
  // Go sorts by key alone, with a sort that is not stable: equal keys keep this order here.
  return requirements
    .sort((a, b) => byCodePoint(a.key, b.key))
    .map((requirement) => requirement.text)
    .join(',');
}
