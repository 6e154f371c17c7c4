// The part of ValidatePodTemplateSpec (kube-apiserver v1.36.3, pkg/apis/core/validation)
// that workloads meet most: a template without containers, a restartPolicy no Pod knows;
// and the restartPolicy each kind of workload allows of its pods.
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { required } from '../handlers/validate.ts';
import { notSupported } from './field-causes.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `template.spec`, or an empty one. */
export const podSpecOf = (template: unknown): Json =>
  isObject(template) && isObject(template.spec) ? template.spec : {};

const podRestartPolicies = ['Always', 'OnFailure', 'Never'];

/** The pod template's own errors, at `path` (`spec.template`). */
export function podTemplateCauses(template: unknown, path: string): FieldCause[] {
  const spec = podSpecOf(template);
  const causes: FieldCause[] = [];
  if (!Array.isArray(spec.containers) || spec.containers.length === 0)
    causes.push(required(`${path}.spec.containers`, ''));
  const policy = spec.restartPolicy ?? '';
  if (policy === '') causes.push(required(`${path}.spec.restartPolicy`, ''));
  else if (!podRestartPolicies.includes(policy as string))
    causes.push(notSupported(`${path}.spec.restartPolicy`, policy, podRestartPolicies));
  return causes;
}

/** A ReplicaSet's, Deployment's, StatefulSet's or DaemonSet's pods restart Always, and only so. */
export function alwaysRestartCauses(template: unknown, path: string): FieldCause[] {
  const policy = podSpecOf(template).restartPolicy ?? '';
  return policy === 'Always' ? [] : [notSupported(`${path}.spec.restartPolicy`, policy, ['Always'])];
}

/** A Job's pods (and a CronJob's) restart OnFailure or Never: Always, the default, is refused. */
export function jobRestartCauses(template: unknown, path: string): FieldCause[] {
  const policy = podSpecOf(template).restartPolicy ?? '';
  const field = `${path}.spec.restartPolicy`;
  if (policy === 'Always' || policy === '') return [required(field, 'valid values: "OnFailure", "Never"')];
  if (policy !== 'OnFailure' && policy !== 'Never') return [notSupported(field, policy, ['OnFailure', 'Never'])];
  return [];
}
