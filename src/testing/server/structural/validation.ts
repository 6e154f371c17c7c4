// Schema validation of a custom resource as kube-apiserver runs it on create and update:
// kube-openapi's validators walk the object with the CRD version's schema, and
// apiextensions-apiserver turns each of their errors into a field error. Go visits
// sibling properties in a random order; here they come in the schema's order.
import { validateComposition } from './composition.ts';
import { type Correlation, correlateIndex, correlateKey, unchanged } from './correlation.ts';
import { checkEnum } from './enum-check.ts';
import type { FieldError } from './field-error.ts';
import { checkFormat, supportedFormat } from './formats.ts';
import { checkNumber } from './number-checks.ts';
import type { StructuralSchema } from './structural-schema.ts';
import { ValidationResult } from './validation-result.ts';
import {
  acceptedTypes,
  checkListSize,
  checkPropertyCount,
  checkString,
  checkType,
  rootField,
  schemaError,
  type ValuePath,
} from './value-checks.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const childPath = (path: ValuePath, key: string) => (path === '' ? key : `${path}.${key}`);

/** The old value of a field, except for the root's apiVersion and kind, which never ratchet. */
function fieldCorrelation(value: Json, schema: StructuralSchema, path: ValuePath, key: string, old?: Correlation) {
  if (path === '' && (key === 'apiVersion' || key === 'kind')) return undefined;
  return correlateKey(old, value, key, schema);
}

function validateObject(value: Json, schema: StructuralSchema, path: ValuePath, old?: Correlation): ValidationResult {
  const result = ValidationResult.of(checkPropertyCount(value, schema, path));
  const properties = schema.properties ?? {};
  const additional = schema.additionalProperties;
  const correlated = (key: string) => fieldCorrelation(value, schema, path, key, old);
  if (typeof additional === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // kube-openapi names these `<path>.<key>` even at the root (`.key`).
      if (!Object.hasOwn(properties, key)) {
        result.merge(validateAt(item, additional, `${path}.${key}`, correlated(key)));
      }
    }
  }
  for (const [key, property] of Object.entries(properties)) {
    if (Object.hasOwn(value, key)) {
      result.merge(validateAt(value[key], property, childPath(path, key), correlated(key)));
    }
  }
  const missing = schema.required.filter((key) => !Object.hasOwn(value, key));
  return result.add(missing.map((key) => schemaError('FieldValueRequired', `${path}.${key}`, '', '')));
}

function validateList(value: readonly unknown[], schema: StructuralSchema, path: ValuePath, old?: Correlation) {
  const result = new ValidationResult();
  const items = schema.items;
  if (items !== undefined) {
    value.forEach((item, index) => {
      const correlated = correlateIndex(old, value, index, schema);
      result.merge(validateAt(item, items, `${path}[${String(index)}]`, correlated));
    });
  }
  result.add(checkListSize(value, schema, path)).count += 1;
  return result;
}

/** The type validator, counted when it finds nothing wrong. */
function typeResult(value: unknown, schema: StructuralSchema, path: ValuePath): ValidationResult {
  const errors = checkType(value, schema, path, supportedFormat(schema));
  const result = ValidationResult.of(errors);
  if (errors.length === 0) result.count += 1;
  return result;
}

/** The validators that apply to a non-null value's kind, in kube-openapi's order. */
function kindValidators(value: unknown, schema: StructuralSchema, path: ValuePath, old?: Correlation) {
  const format = supportedFormat(schema);
  const results: ValidationResult[] = [];
  if (acceptedTypes(schema).length > 0 || format !== '') results.push(typeResult(value, schema, path));
  // The alternatives are not ratcheted as a whole, only inside (through the same old value).
  const alternative = (item: unknown, part: StructuralSchema, at: ValuePath) => validateAt(item, part, at, old, false);
  results.push(validateComposition(value, schema, path, alternative));
  if (typeof value === 'string') {
    results.push(ValidationResult.of(checkString(value, schema, path)));
    if (format !== '') results.push(ValidationResult.of(checkFormat(value, format, path)));
  }
  if (typeof value === 'number') {
    const numberResult = ValidationResult.of(checkNumber(value, schema, path, format));
    numberResult.count += 1;
    results.push(numberResult);
  }
  if (Array.isArray(value)) results.push(validateList(value, schema, path, old));
  results.push(ValidationResult.of(checkEnum(value, schema, path)));
  if (isObject(value)) results.push(validateObject(value, schema, path, old));
  return results;
}

function validateAt(
  value: unknown,
  schema: StructuralSchema,
  path: ValuePath,
  old?: Correlation,
  ratchets = true,
): ValidationResult {
  let result: ValidationResult;
  if (value === null) {
    result = typeResult(value, schema, path).merge(ValidationResult.of(checkEnum(value, schema, path)));
  } else {
    result = new ValidationResult();
    for (const each of kindValidators(value, schema, path, old)) {
      result.merge(each);
      result.count += 1;
    }
    result.count += 1;
  }
  // Ratcheting: an unchanged value keeps its count but loses its errors.
  if (ratchets && old !== undefined && !result.valid && unchanged(value, old.old, schema)) {
    const kept = new ValidationResult();
    kept.count = result.count;
    return kept;
  }
  return result;
}

/** Prefixes each field (`replicas` becomes `status.replicas`), as a validation of one part does. */
const under = (prefix: string, errors: readonly FieldError[]): FieldError[] =>
  prefix === ''
    ? [...errors]
    : errors.map((error) => ({ ...error, field: error.field === rootField ? prefix : `${prefix}.${error.field}` }));

/**
 * The schema's field errors for `value`: the whole object, or (with `field`) one part of
 * it validated against its own schema, as kube-apiserver validates `status` on a status
 * write: the fields are prefixed by `field`, the messages name paths inside the part.
 * With `old` (an update's old value), errors of values unchanged since it are dropped.
 */
export function validateValue(value: unknown, schema: StructuralSchema, field = '', old?: Correlation): FieldError[] {
  return under(field, validateAt(value, schema, '', old).errors);
}
