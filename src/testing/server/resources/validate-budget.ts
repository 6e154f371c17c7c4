// What kube-apiserver v1.36.3 (pkg/apis/policy/validation) refuses of a
// PodDisruptionBudget's spec: minAvailable and maxUnavailable both set, either negative,
// not a percentage when a string, or above 100%; an invalid selector; an unknown
// unhealthyPodEvictionPolicy.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue } from '../handlers/validate.ts';
import { notSupported } from './field-causes.ts';
import { selectorJson } from './label-selector-match.ts';
import { intOrPercentCauses } from './int-or-percent.ts';
import { labelSelectorCauses } from './validate-label-selector.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const evictionPolicies = ['AlwaysAllow', 'IfHealthyBudget'];

/** Go's JSON of the internal PodDisruptionBudgetSpec (no JSON tags: its fields' own names). */
const specValue = (spec: Json) => ({
  MinAvailable: spec.minAvailable,
  Selector: isObject(spec.selector) ? selectorJson(spec.selector) : null,
  MaxUnavailable: spec.maxUnavailable,
  UnhealthyPodEvictionPolicy: spec.unhealthyPodEvictionPolicy ?? null,
});

export function validatePodDisruptionBudget(object: KubeObject): FieldCause[] {
  const spec = isObject(object.spec) ? object.spec : {};
  const { minAvailable, maxUnavailable, unhealthyPodEvictionPolicy: policy } = spec;
  const causes: FieldCause[] = [];
  if (minAvailable != null && maxUnavailable != null)
    causes.push(invalidValue('spec', specValue(spec), 'minAvailable and maxUnavailable cannot be both set'));
  if (minAvailable != null) causes.push(...intOrPercentCauses(minAvailable, 'spec.minAvailable'));
  if (maxUnavailable != null) causes.push(...intOrPercentCauses(maxUnavailable, 'spec.maxUnavailable'));
  causes.push(...labelSelectorCauses(spec.selector, 'spec.selector'));
  if (policy != null && !evictionPolicies.includes(policy as string))
    causes.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, evictionPolicies));
  return causes;
}
