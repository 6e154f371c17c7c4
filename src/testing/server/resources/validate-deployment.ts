// What kube-apiserver v1.36.3's ValidateDeploymentSpec refuses of a Deployment's strategy
// and counts, after its selector and template (validate-workloads.ts): an unknown strategy
// type, a rollingUpdate beside Recreate, maxSurge and maxUnavailable both 0, not integers
// or percentages, maxUnavailable above 100%; negative minReadySeconds or
// revisionHistoryLimit; a progressDeadlineSeconds not above minReadySeconds.
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue } from '../handlers/validate.ts';
import { forbidden, notSupported } from './field-causes.ts';
import { intOrPercentValue, notOver100PercentCauses, positiveIntOrPercentCauses } from './int-or-percent.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** ValidateNonnegativeField of a number that is set. */
export const nonNegative = (value: unknown, field: string): FieldCause[] =>
  typeof value === 'number' && value < 0 ? [invalidValue(field, value, 'must be greater than or equal to 0')] : [];

function rollingUpdateCauses(rollingUpdate: Json, at: string): FieldCause[] {
  const { maxUnavailable, maxSurge } = rollingUpdate;
  const causes = [
    ...positiveIntOrPercentCauses(maxUnavailable, `${at}.maxUnavailable`),
    ...positiveIntOrPercentCauses(maxSurge, `${at}.maxSurge`),
  ];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0)
    causes.push(invalidValue(`${at}.maxUnavailable`, maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
  return [...causes, ...notOver100PercentCauses(maxUnavailable, `${at}.maxUnavailable`)];
}

function strategyCauses(strategy: Json): FieldCause[] {
  const rollingUpdate = isObject(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
  switch (strategy.type) {
    case 'Recreate':
      return rollingUpdate
        ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate':
      return rollingUpdate ? rollingUpdateCauses(rollingUpdate, 'spec.strategy.rollingUpdate') : [];
    default: {
      // Go shows the internal DeploymentStrategy (no JSON tags: its fields' own names).
      const shown = { Type: strategy.type ?? '', RollingUpdate: rollingUpdate ?? null };
      return [notSupported('spec.strategy', shown, ['Recreate', 'RollingUpdate'])];
    }
  }
}

/** The causes after the template's: strategy, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds. */
export function deploymentStrategyCauses(spec: Json): FieldCause[] {
  const { minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds } = spec;
  const causes = [
    ...strategyCauses(isObject(spec.strategy) ? spec.strategy : {}),
    ...nonNegative(minReadySeconds, 'spec.minReadySeconds'),
    ...nonNegative(revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
  if (typeof progressDeadlineSeconds === 'number') {
    causes.push(...nonNegative(progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minimum = typeof minReadySeconds === 'number' ? minReadySeconds : 0;
    if (progressDeadlineSeconds <= minimum)
      causes.push(
        invalidValue('spec.progressDeadlineSeconds', progressDeadlineSeconds, 'must be greater than minReadySeconds'),
      );
  }
  return causes;
}
