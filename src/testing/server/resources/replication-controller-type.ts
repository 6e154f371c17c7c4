// core/v1 ReplicationControllers with kube-apiserver v1.36.3's defaults
// (SetObjectDefaults_ReplicationController: the template's labels become the selector and
// the controller's labels when those are empty, one replica, the pod template's defaults)
// and strategy (pkg/registry/core/replicationcontroller: status reset on create and only
// written through `/status`, generation on spec changes, a `/scale` whose selector is the
// plain label map's, dependents orphaned by default on delete). Stored and served only:
// no controller makes Pods for them.
import type { ResourceType } from '../resource-type.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { Cause } from '../http/status.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { defaultPodSpec } from './pod-defaults.ts';
import { objectAt } from './object-at.ts';
import { specOnlyStatusUpdate } from './status-strategies.ts';
import { standardVerbs } from './verbs.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmpty = (value: unknown): boolean => !isObject(value) || Object.keys(value).length === 0;

/** SetDefaults_ReplicationController and the generated defaulters it runs with. */
export function defaultReplicationController(object: KubeObject): void {
  const spec = objectAt(object, 'spec');
  const template = isObject(spec.template) ? spec.template : undefined;
  const labels = isObject(template?.metadata) ? template.metadata.labels : undefined;
  // Go tests the template's label map for nil: an empty one still counts (and changes nothing visible).
  if (isObject(labels)) {
    if (isEmpty(spec.selector)) spec.selector = { ...labels };
    const metadata = objectAt(object, 'metadata');
    if (isEmpty(metadata.labels)) metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  if (template) defaultPodSpec(objectAt(template, 'spec'));
}

const notNegative = 'must be greater than or equal to 0';

/**
 * Part of ValidateReplicationControllerSpec, in its order: counts not negative, a selector,
 * a template whose labels it matches, with containers, restartPolicy Always, no
 * activeDeadlineSeconds. (The rest of the pod template's validation is not done.)
 */
export function replicationControllerCauses(object: KubeObject): Cause[] {
  const spec = isObject(object.spec) ? object.spec : {};
  const causes: Cause[] = [];
  const { minReadySeconds, replicas } = spec;
  if (typeof minReadySeconds === 'number' && minReadySeconds < 0) {
    causes.push(invalidValue('spec.minReadySeconds', minReadySeconds, notNegative));
  }
  if (isEmpty(spec.selector)) causes.push(required('spec.selector', ''));
  if (typeof replicas === 'number' && replicas < 0) causes.push(invalidValue('spec.replicas', replicas, notNegative));
  if (!isObject(spec.template)) return [...causes, required('spec.template', '')];
  return [...causes, ...templateCauses(spec.template, isObject(spec.selector) ? spec.selector : {})];
}

function templateCauses(template: Json, selector: Json): Cause[] {
  const causes: Cause[] = [];
  const metadata = isObject(template.metadata) ? template.metadata : {};
  const labels = isObject(metadata.labels) ? metadata.labels : {};
  if (!Object.entries(selector).every(([key, value]) => labels[key] === value)) {
    causes.push(invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  const podSpec = isObject(template.spec) ? template.spec : {};
  if (!Array.isArray(podSpec.containers) || podSpec.containers.length === 0) {
    causes.push(required('spec.template.spec.containers', ''));
  }
  if (podSpec.restartPolicy !== 'Always') {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${JSON.stringify(podSpec.restartPolicy ?? '')}: supported values: "Always"`,
      field: 'spec.template.spec.restartPolicy',
    });
  }
  if (podSpec.activeDeadlineSeconds != null) {
    causes.push({
      reason: 'FieldValueForbidden',
      message: 'Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
      field: 'spec.template.spec.activeDeadlineSeconds',
    });
  }
  return causes;
}

export const replicationControllers: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  singular: 'replicationcontroller',
  namespaced: true,
  shortNames: ['rc'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'spec',
  statusSubresource: true,
  prepareStatusUpdate: specOnlyStatusUpdate,
  statusOnCreate: {},
  scaleSubresource: true,
  mapSelector: true,
  categories: ['all'],
  applyDefaults: defaultReplicationController,
  validate: replicationControllerCauses,
};
