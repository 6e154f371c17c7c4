// apps/v1 ReplicaSets, StatefulSets and DaemonSets and batch/v1 Jobs and CronJobs: stored and served with
// kube-apiserver v1.36.3's defaults (pkg/apis/apps/v1 and pkg/apis/batch/v1 defaults.go)
// and strategies (status and scale subresources, generation on spec changes). No
// controller runs: they get no Pods or Jobs, and their status is what `/status` writes.
// A Job's DELETE without propagationPolicy is not kube-apiserver's: batch/v1 orphans by
// default (an `orphan` finalizer that only the garbage collector removes); here it is gone.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { specOnlyStatusUpdate } from './status-strategies.ts';
import { defaultPodSpec } from './pod-defaults.ts';
import { objectAt } from './object-at.ts';
import { standardVerbs } from './verbs.ts';
import { validateCronJob, validateJob } from './validate-jobs.ts';
import { validateDaemonSet, validateReplicaSet, validateStatefulSet } from './validate-workloads.ts';

type Json = Record<string, unknown>;
const templateSpecOf = (spec: Json): Json => objectAt(objectAt(spec, 'template'), 'spec');

const workload = (group: string, kind: string, shortName: string, scale: boolean): ResourceType => ({
  group,
  version: 'v1',
  kind,
  plural: `${kind.toLowerCase()}s`,
  singular: kind.toLowerCase(),
  namespaced: true,
  shortNames: [shortName],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'spec',
  statusSubresource: true,
  prepareStatusUpdate: specOnlyStatusUpdate,
  statusOnCreate: {},
  scaleSubresource: scale,
  categories: ['all'],
});

export const replicaSets: ResourceType = {
  ...workload('apps', 'ReplicaSet', 'rs', true),
  validate: validateReplicaSet,
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    spec.replicas ??= 1;
    defaultPodSpec(templateSpecOf(spec));
  },
};

export const statefulSets: ResourceType = {
  ...workload('apps', 'StatefulSet', 'sts', true),
  validate: validateStatefulSet,
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    spec.podManagementPolicy ||= 'OrderedReady';
    const strategy = objectAt(spec, 'updateStrategy');
    if (!strategy.type) {
      strategy.type = 'RollingUpdate';
      objectAt(strategy, 'rollingUpdate');
    }
    const rollingUpdate = strategy.rollingUpdate;
    if (strategy.type === 'RollingUpdate' && typeof rollingUpdate === 'object' && rollingUpdate !== null)
      (rollingUpdate as Json).partition ??= 0;
    const retention = objectAt(spec, 'persistentVolumeClaimRetentionPolicy');
    retention.whenDeleted ||= 'Retain';
    retention.whenScaled ||= 'Retain';
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    defaultPodSpec(templateSpecOf(spec));
  },
};

export const cronJobs: ResourceType = {
  ...workload('batch', 'CronJob', 'cj', false),
  validate: validateCronJob,
  applyDefaults: (object) => {
    const spec = objectAt(object, 'spec');
    spec.concurrencyPolicy ||= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    defaultPodSpec(templateSpecOf(objectAt(objectAt(spec, 'jobTemplate'), 'spec')));
  },
};

const jobNameLabels = ['job-name', 'batch.kubernetes.io/job-name'];
const controllerUidLabels = ['controller-uid', 'batch.kubernetes.io/controller-uid'];
const labelsOf = (object: Json): Json | undefined => {
  const labels = objectAt(object, 'metadata').labels;
  return typeof labels === 'object' && labels !== null && Object.keys(labels).length > 0 ? (labels as Json) : undefined;
};

/** SetDefaults_Job, which runs on every decode (a Job without labels takes its template's). */
function defaultJob(object: KubeObject): void {
  const spec = objectAt(object, 'spec');
  if (spec.completions == null && spec.parallelism == null) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex == null ? 6 : 2147483647;
  const templateLabels = labelsOf(objectAt(spec, 'template'));
  if (templateLabels && !labelsOf(object)) objectAt(object, 'metadata').labels = { ...templateLabels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy == null ? 'TerminatingOrFailed' : 'Failed';
  spec.manualSelector ??= false;
  defaultPodSpec(templateSpecOf(spec));
}

/**
 * The Job strategy's PrepareForCreate, after field ownership is recorded: without a manual
 * selector, the template gets the job-name and controller-uid labels and the selector the
 * uid. A Job whose labels are its template's gets them too (in Go both share one map, and
 * every later decode copies the template's into a Job without labels).
 */
function generateJobSelector(object: KubeObject): void {
  const spec = objectAt(object, 'spec');
  if (spec.manualSelector === true) return;
  const metadata = objectAt(object, 'metadata');
  const template = objectAt(objectAt(spec, 'template'), 'metadata');
  const before = JSON.stringify(labelsOf(objectAt(spec, 'template')) ?? {});
  const sharesLabels = !labelsOf(object) || JSON.stringify(labelsOf(object)) === before;
  const labels = objectAt(template, 'labels');
  for (const key of jobNameLabels) labels[key] ??= metadata.name;
  for (const key of controllerUidLabels) labels[key] ??= metadata.uid;
  const matchLabels = objectAt(objectAt(spec, 'selector'), 'matchLabels');
  matchLabels['batch.kubernetes.io/controller-uid'] ??= metadata.uid;
  if (sharesLabels) metadata.labels = { ...labels };
}

export const jobs: ResourceType = {
  ...workload('batch', 'Job', '', false),
  shortNames: [],
  applyDefaults: defaultJob,
  validate: validateJob,
  admitOnCreate: generateJobSelector,
};

// A DaemonSet's internal spec.templateGeneration, which apps/v1 carries as this annotation.
const templateGeneration = 'deprecated.daemonset.template.generation';
const annotationsOf = (object: KubeObject): Json => objectAt(objectAt(object, 'metadata'), 'annotations');
const generationIn = (object: KubeObject): number => Number(annotationsOf(object)[templateGeneration] ?? 0);

/**
 * SetDefaults_DaemonSet; and the annotation as Go's conversion writes it from the internal
 * object, before field ownership is recorded: `0` when the request has none.
 */
function defaultDaemonSet(object: KubeObject): void {
  const spec = objectAt(object, 'spec');
  const strategy = objectAt(spec, 'updateStrategy');
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = objectAt(strategy, 'rollingUpdate');
    rollingUpdate.maxUnavailable ??= 1;
    rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodSpec(templateSpecOf(spec));
  annotationsOf(object)[templateGeneration] = String(generationIn(object));
}

export const daemonSets: ResourceType = {
  ...workload('apps', 'DaemonSet', 'ds', false),
  applyDefaults: defaultDaemonSet,
  validate: validateDaemonSet,
  // PrepareForCreate: a template generation below 1 becomes 1.
  admitOnCreate: (object) => {
    if (generationIn(object) < 1) annotationsOf(object)[templateGeneration] = '1';
  },
  // PrepareForUpdate: the stored template generation, one more when the template changed.
  prepareForUpdate: (object, live) => {
    const changed =
      JSON.stringify(objectAt(object, 'spec').template) !== JSON.stringify(objectAt(live, 'spec').template);
    annotationsOf(object)[templateGeneration] = String(generationIn(live) + (changed ? 1 : 0));
  },
  // The status strategy keeps the stored spec, templateGeneration included.
  prepareStatusUpdate: (object, live) => {
    specOnlyStatusUpdate(object, live);
    annotationsOf(object)[templateGeneration] = String(generationIn(live));
  },
};
