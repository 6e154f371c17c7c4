// kube-openapi's validation Result: the errors found, never the same message twice, and
// a count of the checks that ran, by which anyOf and oneOf pick the alternative whose
// errors they report (the one that got furthest).
import type { FieldError } from './field-error.ts';

export class ValidationResult {
  readonly errors: FieldError[] = [];
  count = 0;

  /** The result of one check that found `errors` and is not counted. */
  static of(errors: readonly FieldError[]): ValidationResult {
    const result = new ValidationResult();
    result.add(errors);
    return result;
  }

  /** Adds errors, skipping those equal to one already found (Go compares their texts). */
  add(errors: readonly FieldError[]): this {
    for (const error of errors) {
      const key = identity(error);
      if (!this.errors.some((known) => identity(known) === key)) this.errors.push(error);
    }
    return this;
  }

  /** Adds another result's errors and its count. */
  merge(other: ValidationResult | undefined): this {
    if (other === undefined) return this;
    this.add(other.errors);
    this.count += other.count;
    return this;
  }

  get valid(): boolean {
    return this.errors.length === 0;
  }
}

/** One error's identity: the same check on the same path gives the same Go message. */
const identity = (error: FieldError) =>
  `${error.reason}\u0000${error.field}\u0000${error.detail}\u0000${(JSON.stringify(error.badValue) as string | undefined) ?? ''}`;
