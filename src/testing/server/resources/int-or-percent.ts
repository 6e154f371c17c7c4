// apimachinery's IntOrString rules as apps validation words them (ValidatePositiveIntOrPercent,
// IsNotMoreThan100Percent, getIntOrPercentValue): a PodDisruptionBudget's minAvailable and
// maxUnavailable, a Deployment's maxSurge and maxUnavailable.
import { regexError } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue } from '../handlers/validate.ts';

const percentFormat = '[0-9]+%';
const percentPattern = new RegExp(`^${percentFormat}$`);

/** ValidatePositiveIntOrPercent: an integer not below 0, or a percentage. */
export function positiveIntOrPercentCauses(value: unknown, field: string): FieldCause[] {
  if (typeof value === 'number')
    return value < 0 ? [invalidValue(field, value, 'must be greater than or equal to 0')] : [];
  if (typeof value !== 'string' || percentPattern.test(value)) return [];
  const message = "a valid percent string must be a numeric string followed by an ending '%'";
  return [invalidValue(field, value, regexError(message, percentFormat, '1%', '93%'))];
}

/** IsNotMoreThan100Percent: a percentage at most 100%. */
export const notOver100PercentCauses = (value: unknown, field: string): FieldCause[] =>
  typeof value === 'string' && percentPattern.test(value) && Number.parseInt(value, 10) > 100
    ? [invalidValue(field, value, 'must not be greater than 100%')]
    : [];

/** Both, as a PodDisruptionBudget's minAvailable and maxUnavailable are checked. */
export const intOrPercentCauses = (value: unknown, field: string): FieldCause[] => [
  ...positiveIntOrPercentCauses(value, field),
  ...notOver100PercentCauses(value, field),
];

/** The number an IntOrString stands for: a percentage's number, an integer string's, else 0. */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return 0;
  const digits = percentPattern.test(value) ? value.slice(0, -1) : value;
  return /^[+-]?[0-9]+$/.test(digits) ? Number.parseInt(digits, 10) : 0;
}
