import { parseInt64, parseRequirements, type Requirement } from './label-parser.ts';

export { SelectorError } from './selector-error.ts';

/** Labels of an object, as in `metadata.labels`. */
export type Labels = Readonly<Record<string, string>>;

/**
 * Parses the `labelSelector` query parameter as kube-apiserver v1.36 does and returns the
 * predicate it stands for; all requirements must hold. Besides `key`, `!key`, `=`, `==`,
 * `!=`, `in (…)` and `notin (…)`, the real server accepts `key>N` and `key<N` (integers,
 * compared with integer label values), so this does too. The empty selector matches
 * everything.
 *
 * @throws {SelectorError} whose message is the real server's 400 message, e.g.
 * `unable to parse requirement: found '', expected: identifier` for `!`.
 */
export function parseLabelSelector(text: string): (labels: Labels) => boolean {
  const requirements = parseRequirements(text);
  return (labels) => requirements.every((requirement) => matches(requirement, labels));
}

const has = (labels: Labels, key: string) => Object.hasOwn(labels, key);

function matches({ key, operator, values }: Requirement, labels: Labels): boolean {
  const value = has(labels, key) ? labels[key] : undefined;
  switch (operator) {
    case 'exists':
      return value !== undefined;
    case '!':
      return value === undefined;
    case '=':
    case '==':
    case 'in':
      return value !== undefined && values.includes(value);
    case '!=':
    case 'notin':
      return value === undefined || !values.includes(value);
    case '>':
    case '<': {
      const actual = value === undefined ? undefined : parseInt64(value);
      const bound = parseInt64(values[0] ?? '');
      if (actual === undefined || bound === undefined) return false;
      return operator === '>' ? actual > bound : actual < bound;
    }
  }
}
