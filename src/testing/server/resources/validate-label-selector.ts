// apimachinery's ValidateLabelSelector (v0.36.3), as workloads run it on `spec.selector`:
// matchLabels as labels, and each matchExpressions requirement's operator, values and key.
// A selector with any of these errors is one LabelSelectorAsSelector cannot read either.
import { labelKeyErrors, labelValueErrors } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, labelCauses, required } from '../handlers/validate.ts';
import { forbidden } from './field-causes.ts';
import { type Json, isObject, objectsIn } from './json-fields.ts';

function requirementCauses(requirement: Json, at: string): FieldCause[] {
  const { operator, key } = requirement;
  const values = Array.isArray(requirement.values) ? (requirement.values as unknown[]) : [];
  const causes: FieldCause[] = [];
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0)
      causes.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0)
      causes.push(forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else causes.push(invalidValue(`${at}.operator`, operator ?? '', 'not a valid selector operator'));
  const name = typeof key === 'string' ? key : '';
  causes.push(...labelKeyErrors(name).map((detail) => invalidValue(`${at}.key`, name, detail)));
  values.forEach((value, index) => {
    const text = typeof value === 'string' ? value : '';
    for (const detail of labelValueErrors(text))
      causes.push(invalidValue(`${at}.values[${String(index)}]`, text, detail));
  });
  return causes;
}

/** The causes of a LabelSelector at `path` (`spec.selector`); none for an absent one. */
export function labelSelectorCauses(selector: unknown, path: string): FieldCause[] {
  if (!isObject(selector)) return [];
  return [
    ...labelCauses(`${path}.matchLabels`, selector.matchLabels),
    ...objectsIn(selector.matchExpressions).flatMap((requirement, index) =>
      requirementCauses(requirement, `${path}.matchExpressions[${String(index)}]`),
    ),
  ];
}
