// kube-openapi's enum check, with Go's conversions of the value to each member's type.
import { goQuote } from '../go/go-quote.ts';
import type { FieldError } from './field-error.ts';
import type { StructuralSchema } from './structural-schema.ts';
import { canonicalJson, schemaError, type ValuePath } from './value-checks.ts';

/** Go's conversion of a decoded number to a string: the character of that code point. */
function runeString(code: number): string {
  const valid = code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\uFFFD';
}

/**
 * kube-openapi's enum match: the value converted to the option's Go type (when Go can
 * convert it), then compared. Integers are int64s, so a float value is truncated before
 * it is compared with an integer option (1.5 matches 1), and an integer value becomes
 * the character of its code point before it is compared with a string option. null
 * never matches.
 */
function enumMatches(value: unknown, option: unknown): boolean {
  if (value === null || value === undefined || option === null) return false;
  if (typeof option === 'number' && typeof value === 'number') {
    return Number.isInteger(option) ? Math.trunc(value) === option : value === option;
  }
  if (typeof option === 'string' && typeof value === 'number' && Number.isInteger(value)) {
    return runeString(value) === option;
  }
  if (typeof option !== typeof value || Array.isArray(option) !== Array.isArray(value)) return false;
  return canonicalJson(value) === canonicalJson(option);
}

/** kube-openapi's common validator: the value must equal one of `enum`. */
export function checkEnum(value: unknown, schema: StructuralSchema, path: ValuePath): FieldError[] {
  const allowed = schema.enum;
  if (allowed === undefined || allowed.length === 0) return [];
  if (allowed.some((option) => enumMatches(value, option))) return [];
  const supported = allowed.map((option) => (typeof option === 'string' ? option : canonicalJson(option)));
  const detail = `supported values: ${supported.map(goQuote).join(', ')}`;
  return [schemaError('FieldValueNotSupported', path, value, detail)];
}
