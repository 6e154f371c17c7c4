// A metav1.LabelSelector as kube-apiserver reads one (LabelSelectorAsSelector): absent
// selects nothing, empty selects everything, else every matchLabels pair and every
// matchExpressions requirement must hold. And its Go JSON, as validation messages show it.
import { sortedJson } from './field-causes.ts';

type Json = Record<string, unknown>;
type Labels = Readonly<Record<string, unknown>>;
interface Requirement {
  readonly key?: unknown;
  readonly operator?: unknown;
  readonly values?: unknown;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const requirementsOf = (selector: Json): Requirement[] =>
  Array.isArray(selector.matchExpressions) ? (selector.matchExpressions as Requirement[]) : [];
const pairsOf = (selector: Json): [string, unknown][] =>
  isObject(selector.matchLabels) ? Object.entries(selector.matchLabels) : [];

/** Whether `selector` (a decoded LabelSelector) names no label at all. */
export const isEmptySelector = (selector: Json): boolean =>
  pairsOf(selector).length === 0 && requirementsOf(selector).length === 0;

function holds({ key, operator, values }: Requirement, labels: Labels): boolean {
  const present = typeof key === 'string' && Object.hasOwn(labels, key);
  const listed = present && Array.isArray(values) && values.includes(labels[key]);
  switch (operator) {
    case 'In':
      return listed;
    case 'NotIn':
      return !listed;
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}

/** Whether `selector` selects an object labelled `labels`; never when it is absent. */
export function selects(selector: unknown, labels: unknown): boolean {
  if (!isObject(selector)) return false;
  const set: Labels = isObject(labels) ? labels : {};
  return (
    pairsOf(selector).every(([key, value]) => Object.hasOwn(set, key) && set[key] === value) &&
    requirementsOf(selector).every((requirement) => holds(requirement, set))
  );
}

/** The selector as Go's JSON of metav1.LabelSelector writes it (empty parts left out). */
export function selectorJson(selector: Json): Json {
  const pairs = pairsOf(selector);
  const requirements = requirementsOf(selector).map(({ key, operator, values }) => ({
    key: key ?? '',
    operator: operator ?? '',
    ...(Array.isArray(values) && values.length > 0 && { values }),
  }));
  return {
    ...(pairs.length > 0 && { matchLabels: sortedJson(selector.matchLabels) }),
    ...(requirements.length > 0 && { matchExpressions: requirements }),
  };
}
