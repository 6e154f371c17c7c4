// The part of ValidatePodSpec (kube-apiserver v1.36.3, pkg/apis/core/validation) that pods
// and workloads meet most: containers (validate-containers.ts), a restartPolicy no Pod
// knows; and the restartPolicy each kind of workload allows of its pods.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { labelCauses, required } from '../handlers/validate.ts';
import { notSupported } from './field-causes.ts';
import { containersCauses } from './validate-containers.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `template.spec`, or an empty one. */
export const podSpecOf = (template: unknown): Json =>
  isObject(template) && isObject(template.spec) ? template.spec : {};

const podRestartPolicies = ['Always', 'OnFailure', 'Never'];

/** The template's labels' errors, at `path` (`spec.template`). */
export function templateLabelCauses(template: unknown, path: string): FieldCause[] {
  const metadata = isObject(template) && isObject(template.metadata) ? template.metadata : {};
  return labelCauses(`${path}.labels`, metadata.labels);
}

/** The pod template's own errors (ValidatePodTemplateSpec), at `path` (`spec.template`). */
export function podTemplateCauses(template: unknown, path: string): FieldCause[] {
  return [...templateLabelCauses(template, path), ...podSpecCauses(podSpecOf(template), `${path}.spec`)];
}

/** A Pod's own errors: its spec's. */
export const validatePod = (object: KubeObject): FieldCause[] =>
  podSpecCauses(isObject(object.spec) ? object.spec : {}, 'spec');

/** A pod spec's own errors (of a Pod or a template), at `path` (`spec`). */
export function podSpecCauses(spec: Json, path: string): FieldCause[] {
  const causes = containersCauses(spec.containers, `${path}.containers`);
  const policy = spec.restartPolicy ?? '';
  if (policy === '') causes.push(required(`${path}.restartPolicy`, ''));
  else if (!podRestartPolicies.includes(policy as string))
    causes.push(notSupported(`${path}.restartPolicy`, policy, podRestartPolicies));
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
