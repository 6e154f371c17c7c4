import { byCodePoint } from './code-point-order.ts';
import { goQuote } from '../go/go-quote.ts';
import { SelectorError } from './selector-error.ts';

export { SelectorError } from './selector-error.ts';

/** Field values of an object by field name, e.g. `{ 'metadata.name': 'demo' }`. */
export type Fields = Readonly<Record<string, string>>;

/** Options of {@link parseFieldSelector}. */
export interface FieldSelectorOptions {
  /**
   * The server's message for a field the kind does not support. It depends on the kind:
   * see {@link notAKnownFieldSelector} and {@link fieldLabelNotSupported}.
   * @default notAKnownFieldSelector
   */
  readonly unsupported?: (field: string) => string;
}

/**
 * The answer of kinds without a field selector conversion of their own, which support
 * exactly `metadata.name` and `metadata.namespace`: ConfigMap, Deployment, ServiceAccount
 * and most others. `"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"`
 */
export function notAKnownFieldSelector(field: string): string {
  return `${goQuote(field)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

/**
 * The answer of kinds with their own conversion (Pod, Node, Namespace, Secret, Service,
 * Event, ReplicationController, CertificateSigningRequest) and of custom resources:
 * `field label not supported: spec.x`. (Job, ResourceSlice and the beta StatefulSets word
 * it differently again.)
 */
export function fieldLabelNotSupported(field: string): string {
  return `field label not supported: ${field}`;
}

interface Term {
  readonly field: string;
  readonly value: string;
  readonly negated: boolean;
}

/**
 * Parses the `fieldSelector` query parameter as kube-apiserver v1.36 does and returns the
 * predicate it stands for: comma-separated `field=value`, `field==value` or
 * `field!=value`, all of which must hold. In a value, `\,`, `\=` and `\\` stand for `,`,
 * `=` and `\`. Nothing is trimmed: `metadata.name= x` wants the name " x". A field absent
 * from the predicate's argument counts as the empty string.
 *
 * @param supportedFields the fields this kind can be selected by.
 * @throws {SelectorError} whose message is the real server's 400 message. Syntax is
 * checked before fields; terms are checked in sorted order, so of two bad terms the one
 * that sorts first is reported.
 */
export function parseFieldSelector(
  text: string,
  supportedFields: readonly string[],
  options: FieldSelectorOptions = {},
): (fields: Fields) => boolean {
  const { unsupported = notAKnownFieldSelector } = options;
  const terms = splitTerms(text)
    .sort(byCodePoint)
    .filter((part) => part !== '')
    .map((part) => parseTerm(text, part))
    // A term with neither field nor value ("=", "!=") selects nothing and is dropped.
    .filter((term) => term.field !== '' || term.value !== '');
  for (const { field } of terms) {
    if (!supportedFields.includes(field)) throw new SelectorError(unsupported(field));
  }
  return (fields) =>
    terms.every(({ field, value, negated }) => {
      const actual = Object.hasOwn(fields, field) ? fields[field] : '';
      return (actual === value) !== negated;
    });
}

/** Splits at commas that no backslash escapes. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (escaped) escaped = false;
    else if (char === '\\') escaped = true;
    else if (char === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** The field is everything before the first operator; `!=` wins over `=` at one place. */
function parseTerm(selector: string, part: string): Term {
  for (let i = 0; i < part.length; i++) {
    const operator = ['!=', '==', '='].find((candidate) => part.startsWith(candidate, i));
    if (operator !== undefined) {
      const value = unescapeValue(part.slice(i + operator.length));
      return { field: part.slice(0, i), value, negated: operator === '!=' };
    }
  }
  throw new SelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
}

function unescapeValue(escaped: string): string {
  let value = '';
  let inEscape = false;
  for (const char of escaped) {
    if (inEscape) {
      if (char !== '\\' && char !== ',' && char !== '=') {
        throw new SelectorError(`invalid field selector: invalid escape sequence: \\${char}`);
      }
      value += char;
      inEscape = false;
    } else if (char === '\\') {
      inEscape = true;
    } else if (char === ',' || char === '=') {
      // Go prints the rune with %v: its code point in decimal.
      throw new SelectorError(`invalid field selector: unescaped character in value: ${String(char.codePointAt(0))}`);
    } else {
      value += char;
    }
  }
  if (inEscape) throw new SelectorError('invalid field selector: invalid escape sequence: \\');
  return value;
}
