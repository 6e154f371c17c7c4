// kube-openapi's number validator: the value within its type and format's range, then
// multipleOf, minimum and maximum, with kube-openapi's native-type comparisons (an integer
// value against integer-truncated bounds) and messages.
import { goFloat } from './field-error.ts';
import type { FieldError } from './field-error.ts';
import type { StructuralSchema } from './structural-schema.ts';
import { plainError, schemaError, type ValuePath } from './value-checks.ts';

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
