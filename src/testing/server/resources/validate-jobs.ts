// What kube-apiserver v1.36.3 (pkg/apis/batch/validation) refuses of a Job's or a
// CronJob's spec, in its order: negative counts, pods that restart Always (the default) or
// by an unknown policy, a manual selector that does not select the template; a CronJob's
// schedule, concurrency policy and history limits.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { cronScheduleError } from './cron-schedule.ts';
import { notSupported } from './field-causes.ts';
import { nonNegative } from './validate-deployment.ts';
import { labelSelectorCauses } from './validate-label-selector.ts';
import { jobRestartCauses, podTemplateCauses } from './validate-pod-template.ts';
import { readable, templateLabelsCauses } from './validate-workloads.ts';

type Json = Record<string, unknown>;
type Validate = (object: KubeObject, live: KubeObject | undefined) => FieldCause[];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const specOf = (object: KubeObject): Json => (isObject(object.spec) ? object.spec : {});

// A Job's counts that may not be negative, in validateJobSpec's order.
const jobCounts = ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'];
const jobCountCauses = (spec: Json, path: string): FieldCause[] =>
  jobCounts.flatMap((count) => nonNegative(spec[count], `${path}.${count}`));

/** A Job's counts and template; its selector only when manual (else the server generates it to fit). */
export const validateJob: Validate = (object) => {
  const spec = specOf(object);
  const manual = spec.manualSelector === true;
  return [
    ...jobCountCauses(spec, 'spec'),
    ...podTemplateCauses(spec.template, 'spec.template'),
    ...jobRestartCauses(spec.template, 'spec.template'),
    ...(manual && !isObject(spec.selector) ? [required('spec.selector', '')] : []),
    ...(manual ? labelSelectorCauses(spec.selector, 'spec.selector') : []),
    ...(manual && readable(spec.selector) ? templateLabelsCauses(spec, 'spec.template') : []),
  ];
};

/** The schedule (required, readable, without a time zone), then the Job template's rules. */
function scheduleCauses(schedule: unknown): FieldCause[] {
  const text = typeof schedule === 'string' ? schedule : '';
  if (text === '') return [required('spec.schedule', '')];
  const error = cronScheduleError(text);
  const causes = error === undefined ? [] : [invalidValue('spec.schedule', text, error)];
  if (text.includes('TZ'))
    causes.push(
      invalidValue('spec.schedule', text, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
    );
  return causes;
}

const concurrencyPolicies = ['Allow', 'Forbid', 'Replace'];

export const validateCronJob: Validate = (object) => {
  const spec = specOf(object);
  const jobTemplate = spec.jobTemplate;
  const jobSpec = isObject(jobTemplate) && isObject(jobTemplate.spec) ? jobTemplate.spec : {};
  const template = jobSpec.template;
  const path = 'spec.jobTemplate.spec.template';
  const policy = typeof spec.concurrencyPolicy === 'string' ? spec.concurrencyPolicy : '';
  return [
    ...scheduleCauses(spec.schedule),
    ...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'),
    ...(concurrencyPolicies.includes(policy)
      ? []
      : [notSupported('spec.concurrencyPolicy', policy, concurrencyPolicies)]),
    ...jobCountCauses(jobSpec, 'spec.jobTemplate.spec'),
    ...podTemplateCauses(template, path),
    ...jobRestartCauses(template, path),
    ...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'),
    ...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'),
  ];
};
