// What kube-apiserver v1.36.3 (pkg/apis/apps/validation) refuses of a ReplicaSet's,
// Deployment's, StatefulSet's or DaemonSet's spec, in its order: negative counts, a selector
// that is missing, unreadable, empty or does not select the pod template, a changed
// selector, pods that restart other than Always. Jobs and CronJobs: validate-jobs.ts.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { forbidden, immutable, sameJson } from './field-causes.ts';
import { isEmptySelector, selectorJson, selects } from './label-selector-match.ts';
import { deploymentStrategyCauses, nonNegative } from './validate-deployment.ts';
import { labelSelectorCauses } from './validate-label-selector.ts';
import { alwaysRestartCauses, podTemplateCauses, templateLabelCauses } from './validate-pod-template.ts';

type Json = Record<string, unknown>;
type Validate = (object: KubeObject, live: KubeObject | undefined) => FieldCause[];
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const specOf = (object: KubeObject | undefined): Json => (isObject(object?.spec) ? object.spec : {});
const shown = (selector: unknown): unknown => (isObject(selector) ? selectorJson(selector) : null);

/** The template's labels when the selector does not select them (null when there are none, as Go's nil map). */
export function templateLabelsCauses(spec: Json, path: string): FieldCause[] {
  const template = isObject(spec.template) ? spec.template : {};
  const labels = isObject(template.metadata) ? template.metadata.labels : undefined;
  if (selects(spec.selector, labels)) return [];
  const value = isObject(labels) ? labels : null;
  return [invalidValue(`${path}.metadata.labels`, value, '`selector` does not match template `labels`')];
}

/** A selector is required, valid, and names at least one label (`empty selector is invalid for <kind>`). */
function requiredSelectorCauses(spec: Json, kind: string): FieldCause[] {
  const { selector } = spec;
  if (!isObject(selector)) return [required('spec.selector', '')];
  const causes = labelSelectorCauses(selector, 'spec.selector');
  if (isEmptySelector(selector))
    causes.push(invalidValue('spec.selector', selectorJson(selector), `empty selector is invalid for ${kind}`));
  return causes;
}

/** Whether Go can read the selector (LabelSelectorAsSelector); an absent one it can (it selects nothing). */
export const readable = (selector: unknown): boolean => labelSelectorCauses(selector, 'spec.selector').length === 0;

const selectorChangeCauses = (spec: Json, live: KubeObject | undefined): FieldCause[] =>
  live && !sameJson(spec.selector ?? null, specOf(live).selector ?? null)
    ? [immutable('spec.selector', shown(spec.selector))]
    : [];

/** A template of pods that restart Always, labelled as the selector selects. */
const alwaysTemplateCauses = (spec: Json): FieldCause[] => [
  ...templateLabelsCauses(spec, 'spec.template'),
  ...podTemplateCauses(spec.template, 'spec.template'),
  ...alwaysRestartCauses(spec.template, 'spec.template'),
];

/** The selector and template of a ReplicaSet or a Deployment (whose empty selector message says `deployment`). */
function replicaSetLikeCauses(spec: Json): FieldCause[] {
  const template = readable(spec.selector)
    ? alwaysTemplateCauses(spec)
    : [invalidValue('spec.selector', shown(spec.selector), 'invalid label selector')];
  return [...requiredSelectorCauses(spec, 'deployment'), ...template];
}

export const validateReplicaSet: Validate = (object, live) => {
  const spec = specOf(object);
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...replicaSetLikeCauses(spec),
    ...selectorChangeCauses(spec, live),
  ];
};

export const validateDeployment: Validate = (object, live) => {
  const spec = specOf(object);
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...replicaSetLikeCauses(spec),
    ...deploymentStrategyCauses(spec),
    ...selectorChangeCauses(spec, live),
  ];
};

export const validateDaemonSet: Validate = (object, live) => {
  const spec = specOf(object);
  const empty = isObject(spec.selector) && isEmptySelector(spec.selector);
  return [
    ...selectorChangeCauses(spec, live),
    ...labelSelectorCauses(spec.selector, 'spec.selector'),
    ...(readable(spec.selector) ? templateLabelsCauses(spec, 'spec.template') : []),
    ...(empty ? [invalidValue('spec.selector', {}, 'empty selector is invalid for daemonset')] : []),
    ...podTemplateCauses(spec.template, 'spec.template'),
    ...alwaysRestartCauses(spec.template, 'spec.template'),
  ];
};

// What an update of a StatefulSet's spec may change; anything else is forbidden.
const mutableStatefulSetFields = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];
const withoutMutable = (spec: Json): Json =>
  Object.fromEntries(Object.entries(spec).filter(([key]) => !mutableStatefulSetFields.includes(key)));

export const validateStatefulSet: Validate = (object, live) => {
  const spec = specOf(object);
  const changed = live !== undefined && !sameJson(withoutMutable(spec), withoutMutable(specOf(live)));
  const forbiddenChange = forbidden(
    'spec',
    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
  );
  // An unreadable selector is shown without a detail; the template's labels are checked twice.
  const unreadable = { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(shown(spec.selector))}` };
  const template = readable(spec.selector)
    ? [
        ...templateLabelsCauses(spec, 'spec.template'),
        ...podTemplateCauses(spec.template, 'spec.template'),
        ...templateLabelCauses(spec.template, 'spec.template'),
      ]
    : [{ ...unreadable, field: 'spec.selector' }];
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...requiredSelectorCauses(spec, 'statefulset'),
    ...template,
    ...alwaysRestartCauses(spec.template, 'spec.template'),
    ...(changed ? [forbiddenChange] : []),
  ];
};
