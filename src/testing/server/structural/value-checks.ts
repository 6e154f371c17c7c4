// The checks of kube-openapi's validators on one value (numbers in number-checks.ts, enums
// in enum-check.ts), each giving its error as kube-openapi words it (`spec.name in body
// should match '^[a-z]+$'`) and as apiextensions-apiserver turns it into a field error.
import { goQuote } from '../go/go-quote.ts';
import { goJson } from '../go/go-text.ts';
import type { FieldError, FieldErrorReason } from './field-error.ts';
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
