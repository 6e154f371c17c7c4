// A field error as apimachinery's field.Error holds it, and the text kube-apiserver
// makes of it: `<field>: <type>: <bad value>: <detail>` in a 422's message, the part after
// the field in each Status cause.
import { goQuote } from '../go/go-quote.ts';
import { goJson } from '../go/go-text.ts';

/** The cause reasons (field.ErrorType) schema validation produces. */
export type FieldErrorReason =
  | 'FieldValueInvalid'
  | 'FieldValueTypeInvalid'
  | 'FieldValueRequired'
  | 'FieldValueNotSupported'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueDuplicate';

/** One field error: where, what kind, the offending value and why. */
export interface FieldError {
  readonly reason: FieldErrorReason;
  /** The field path, `spec.items[0].name`, as kube-apiserver writes it. */
  readonly field: string;
  /** The bad value as Go holds it; integers are int64s, other numbers float64s. */
  readonly badValue: unknown;
  readonly detail: string;
}

const typeNames: Readonly<Record<FieldErrorReason, string>> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueDuplicate: 'Duplicate value',
};

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e6. */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** Go's `%v` of a JSON number decoded by apimachinery: integers as int64, others float64. */
export function goNumber(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? String(value) : goFloat(value);
}

/** The bad value as field.Error's ErrorBody writes it. */
function shownValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  return goJson(value ?? null, () => true);
}

/** field.Error's ErrorBody: the Status cause's message. */
export function fieldErrorBody(error: FieldError): string {
  const name = typeNames[error.reason];
  const withValue = error.reason !== 'FieldValueRequired' && error.reason !== 'FieldValueTooLong';
  const head = withValue ? `${name}: ${shownValue(error.badValue)}` : name;
  return error.detail === '' ? head : `${head}: ${error.detail}`;
}

/** field.Error's Error(): `spec.size: Unsupported value: "huge": supported values: ...`. */
export function fieldErrorText(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}
