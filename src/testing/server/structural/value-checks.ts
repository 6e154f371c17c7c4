// The checks of kube-openapi's validators on one value, each giving its error as
// kube-openapi words it (`spec.count in body should be less than or equal to 10`) and as
// apiextensions-apiserver turns it into a field error.
import { goQuote } from '../go/go-quote.ts';
import { goJson } from '../go/go-text.ts';
import type { FieldError, FieldErrorReason } from './field-error.ts';
import { goFloat } from './field-error.ts';
import type { StructuralSchema } from './structural-schema.ts';

/** Where a value sits: kube-openapi's path (`spec.items[0]`), named in messages and fields. */
export type ValuePath = string;

/**
 * The field a kube-openapi path names: the path without a leading `.`; the root (and
 * every error that names no path) is Go's nil field.Path, written `<nil>`.
 */
const fieldOf = (path: ValuePath) => (path === '' ? rootField : path.startsWith('.') ? path.slice(1) : path);

/** How Go writes the nil field.Path of the object's root. */
export const rootField = '<nil>';

/** An error kube-openapi gives as plain text: kube-apiserver reports it at the root, with "" as value. */
export const plainError = (message: string): FieldError => schemaError('FieldValueInvalid', '', '', message);

export const schemaError = (
  reason: FieldErrorReason,
  path: ValuePath,
  badValue: unknown,
  detail: string,
): FieldError => ({ reason, field: fieldOf(path), badValue, detail });

/** The JSON type kube-openapi infers from a decoded value. */
export function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value; // string, boolean
}

/** The types a schema accepts: its `type`, or integer and string for int-or-string. */
export function acceptedTypes(schema: StructuralSchema): string[] {
  if (schema.intOrString) return ['integer', 'string'];
  return schema.type === '' ? [] : [schema.type];
}

/** The format kube-openapi infers from a decoded number: Go's int64 or float64. */
const dataFormat = (type: string) => (type === 'integer' ? 'int64' : type === 'number' ? 'float64' : '');

const typeMismatch = (path: ValuePath, expected: string, actual: string) => [
  schemaError('FieldValueTypeInvalid', path, actual, `${path} in body must be of type ${expected}: ${goQuote(actual)}`),
];

/** kube-openapi's type validator; `format` is the schema's supported format or ''. */
export function checkType(value: unknown, schema: StructuralSchema, path: ValuePath, format = ''): FieldError[] {
  const types = acceptedTypes(schema);
  if (value === null) return types.length > 0 && !schema.nullable ? typeMismatch(path, types.join(','), 'null') : [];
  const actual = jsonType(value);
  const accepted = types.includes(actual) || (actual === 'integer' && types.includes('number'));
  const stringOrList = actual === 'string' || actual === 'array';
  if (!stringOrList && format !== '' && !accepted && format !== dataFormat(actual)) {
    return typeMismatch(path, format, dataFormat(actual));
  }
  const numeric = types.includes('number') || types.includes('integer');
  if (!numeric && format !== '' && stringOrList) return [];
  return accepted ? [] : typeMismatch(path, types.join(','), actual);
}

/** kube-openapi's string validator: the first of maxLength, minLength and pattern to fail. */
export function checkString(value: string, schema: StructuralSchema, path: ValuePath): FieldError[] {
  // Go counts runes (code points), as Array.from does.
  const length = Array.from(value).length;
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    const unit = schema.maxLength === 1 ? 'byte' : 'bytes';
    return [
      schemaError(
        'FieldValueTooLong',
        path,
        '<value omitted>',
        `may not be more than ${String(schema.maxLength)} ${unit}`,
      ),
    ];
  }
  if (schema.minLength !== undefined && length < schema.minLength) {
    const detail = `${path} in body should be at least ${String(schema.minLength)} chars long`;
    return [schemaError('FieldValueInvalid', path, value, detail)];
  }
  if (schema.pattern !== undefined && schema.pattern !== '' && !matches(schema.pattern, value)) {
    return [schemaError('FieldValueInvalid', path, value, `${path} in body should match '${schema.pattern}'`)];
  }
  return [];
}

/** Go's regexp.MatchString (RE2, unanchored), approximated by a Unicode-mode RegExp. */
function matches(pattern: string, value: string): boolean {
  return new RegExp(pattern, 'u').test(value);
}

interface NumberKind {
  readonly type: string;
  readonly format: string;
}

/** The type and format kube-openapi checks numbers' ranges against: a single numeric type. */
function numberKind(schema: StructuralSchema, format: string): NumberKind | undefined {
  if (schema.intOrString || (schema.type !== 'integer' && schema.type !== 'number')) return undefined;
  return { type: schema.type, format };
}

/** kube-openapi's IsValueValidAgainstRange: a number that the type and format cannot hold. */
function outOfRange(value: number, kind: NumberKind, what: string, path: ValuePath): FieldError[] {
  const int32 = value >= -(2 ** 31) && value <= 2 ** 31 - 1;
  const fits =
    kind.type === 'integer'
      ? Number.isInteger(value) && (kind.format === 'int32' ? int32 : Math.abs(value) < 2 ** 63)
      : kind.format !== 'float' || Math.abs(value) <= 3.4028234663852886e38;
  if (fits) return [];
  const typeText = kind.format === '' ? `${kind.type} (default format)` : `${kind.type} with format ${kind.format}`;
  return [plainError(`${what} value must be of type ${typeText} in ${path}`)];
}

/** swag's IsFloat64AJSONInteger: an integer, or within a relative 1e-9 of one (positives only). */
function isJsonInteger(value: number): boolean {
  if (!Number.isFinite(value) || Math.abs(value) > 2 ** 53 - 1) return false;
  if (Number.isInteger(value)) return true;
  if (value < 0) return false; // Go's uint64 of a negative float is far from it
  const nearest = Math.trunc(value);
  if (nearest === 0) return false;
  return (value - nearest) / (value + nearest) < 1e-9;
}

type NumberCheck = (detail: string) => FieldError[];

/**
 * multipleOf as kube-openapi checks it: an integer value (Go's int64) against the factor
 * truncated to an integer (so a factor below 1 is refused as not positive), any other
 * value by float division.
 */
function multipleOfErrors(value: number, factor: number, path: ValuePath, invalid: NumberCheck, native: boolean) {
  const integral = native && Number.isInteger(value);
  const usedFactor = integral ? Math.trunc(factor) : factor;
  if (usedFactor <= 0) {
    const message = `factor MultipleOf declared for ${path} must be positive: ${goFloat(usedFactor)}`;
    return [schemaError('FieldValueInvalid', path, usedFactor, message)];
  }
  const multiple = integral
    ? value % usedFactor === 0
    : isJsonInteger(factor < 1 ? (1 / factor) * value : value / factor);
  return multiple ? [] : invalid(`should be a multiple of ${goFloat(usedFactor)}`);
}

/**
 * One bound's errors: the bound out of the type's range, then the value past it,
 * compared natively (integers with integers) unless the bound is out of range.
 */
function boundErrors(
  bound: number,
  kind: NumberKind | undefined,
  what: string,
  path: ValuePath,
  failed: (bound: number, native: boolean) => FieldError[],
) {
  const boundRange = kind === undefined ? [] : outOfRange(bound, kind, what, path);
  return [...boundRange, ...failed(bound, boundRange.length === 0)];
}

/**
 * kube-openapi's number validator: the value's range, then multipleOf, minimum and
 * maximum. An integer value (Go's int64) is compared with bounds truncated to integers,
 * as kube-openapi's native-type comparisons do.
 */
export function checkNumber(value: number, schema: StructuralSchema, path: ValuePath, format = ''): FieldError[] {
  const kind = numberKind(schema, format);
  const invalid = (detail: string) => [schemaError('FieldValueInvalid', path, value, `${path} in body ${detail}`)];
  const compared = (bound: number, native: boolean) => (native && Number.isInteger(value) ? Math.trunc(bound) : bound);
  const errors = kind === undefined ? [] : outOfRange(value, kind, 'Checked', path);
  const { multipleOf, minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (multipleOf !== undefined) {
    errors.push(
      ...boundErrors(multipleOf, kind, 'MultipleOf', path, (factor, native) =>
        multipleOfErrors(value, factor, path, invalid, native),
      ),
    );
  }
  if (minimum !== undefined) {
    errors.push(
      ...boundErrors(minimum, kind, 'Minimum boundary', path, (bound, native) => {
        const min = compared(bound, native);
        if (exclusiveMinimum ? value > min : value >= min) return [];
        return invalid(`should be greater than ${exclusiveMinimum ? '' : 'or equal to '}${goFloat(min)}`);
      }),
    );
  }
  if (maximum !== undefined) {
    errors.push(
      ...boundErrors(maximum, kind, 'Maximum boundary', path, (bound, native) => {
        const max = compared(bound, native);
        if (exclusiveMaximum ? value < max : value <= max) return [];
        return invalid(`should be less than ${exclusiveMaximum ? '' : 'or equal to '}${goFloat(max)}`);
      }),
    );
  }
  return errors;
}

/** kube-openapi's slice validator's own checks (its items are validated by the caller). */
export function checkListSize(value: readonly unknown[], schema: StructuralSchema, path: ValuePath): FieldError[] {
  const errors: FieldError[] = [];
  const size = value.length;
  if (schema.minItems !== undefined && size < schema.minItems) {
    const detail = `${path} in body should have at least ${String(schema.minItems)} items`;
    errors.push(schemaError('FieldValueInvalid', path, size, detail));
  }
  if (schema.maxItems !== undefined && size > schema.maxItems) {
    errors.push(schemaError('FieldValueTooMany', path, size, atMost(schema.maxItems)));
  }
  if (schema.uniqueItems && new Set(value.map((item) => canonicalJson(item))).size < size) {
    errors.push(schemaError('FieldValueInvalid', path, '', `${path} in body shouldn't contain duplicates`));
  }
  return errors;
}

const atMost = (max: number) => `must have at most ${String(max)} ${max === 1 ? 'item' : 'items'}`;

/** kube-openapi's object validator's own counts. */
export function checkPropertyCount(value: object, schema: StructuralSchema, path: ValuePath): FieldError[] {
  const errors: FieldError[] = [];
  const count = Object.keys(value).length;
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    const detail = `${path} in body should have at least ${String(schema.minProperties)} properties`;
    errors.push(schemaError('FieldValueInvalid', path, count, detail));
  }
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    errors.push(schemaError('FieldValueTooMany', path, count, atMost(schema.maxProperties)));
  }
  return errors;
}

/** JSON with object keys sorted, so equal values compare equal as text. */
export function canonicalJson(value: unknown): string {
  return goJson(value ?? null, () => true);
}

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
