// kube-openapi's allOf, anyOf, oneOf and not, with their messages and its choice of the
// alternative whose errors it reports.
import { goQuote } from '../go/go-quote.ts';
import type { StructuralSchema } from './structural-schema.ts';
import { ValidationResult } from './validation-result.ts';
import { plainError, type ValuePath } from './value-checks.ts';

export type Validate = (value: unknown, schema: StructuralSchema, path: ValuePath) => ValidationResult;

/** A composite error, which kube-apiserver reports at the validated object's root. */
const composite = (message: string) => ValidationResult.of([plainError(message)]);

/** The failure with the highest count; the first among equals. */
function better(best: ValidationResult | undefined, candidate: ValidationResult) {
  return best === undefined || candidate.count > best.count ? candidate : best;
}

function anyOf(value: unknown, parts: readonly StructuralSchema[], path: ValuePath, validate: Validate) {
  let bestFailure: ValidationResult | undefined;
  for (const part of parts) {
    const result = validate(value, part, path);
    if (result.valid) return new ValidationResult().merge(result);
    bestFailure = better(bestFailure, result);
  }
  return composite(`${goQuote(path)} must validate at least one schema (anyOf)`).merge(bestFailure);
}

function oneOf(value: unknown, parts: readonly StructuralSchema[], path: ValuePath, validate: Validate) {
  let bestFailure: ValidationResult | undefined;
  let firstSuccess: ValidationResult | undefined;
  let validated = 0;
  for (const part of parts) {
    const result = validate(value, part, path);
    if (result.valid) {
      validated += 1;
      bestFailure = undefined;
      firstSuccess ??= result;
    } else if (validated === 0) {
      bestFailure = better(bestFailure, result);
    }
  }
  if (validated === 1) return new ValidationResult().merge(firstSuccess);
  const found = validated === 0 ? 'Found none valid' : `Found ${String(validated)} valid alternatives`;
  const message = `${goQuote(path)} must validate one and only one schema (oneOf). ${found}`;
  return composite(message).merge(bestFailure);
}

function allOf(value: unknown, parts: readonly StructuralSchema[], path: ValuePath, validate: Validate) {
  const result = new ValidationResult();
  let validated = 0;
  for (const part of parts) {
    const partResult = validate(value, part, path);
    if (partResult.valid) validated += 1;
    result.merge(partResult);
  }
  if (validated === parts.length) return result;
  const none = validated === 0 ? '. None validated' : '';
  return result.merge(composite(`${goQuote(path)} must validate all the schemas (allOf)${none}`));
}

/**
 * kube-openapi's schema-props validator: anyOf, then oneOf, then allOf, then not, each
 * adding its errors.
 */
export function validateComposition(
  value: unknown,
  schema: StructuralSchema,
  path: ValuePath,
  validate: Validate,
): ValidationResult {
  const result = new ValidationResult();
  if (schema.anyOf?.length) result.merge(anyOf(value, schema.anyOf, path, validate));
  if (schema.oneOf?.length) result.merge(oneOf(value, schema.oneOf, path, validate));
  if (schema.allOf?.length) result.merge(allOf(value, schema.allOf, path, validate));
  if (schema.not !== undefined && validate(value, schema.not, path).valid) {
    result.merge(composite(`${goQuote(path)} must not validate the schema (not)`));
  }
  result.count += 1;
  return result;
}
