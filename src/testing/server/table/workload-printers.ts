// Printers of the workload kinds served beyond Deployments (k8s.io/kubernetes
// pkg/printers/internalversion printReplicationController, printReplicaSet, printStatefulSet, printDaemonSet, printJob,
// printCronJob): columns and descriptions as kube-apiserver v1.36.3 sends them, cells as
// those functions compute them.
import type { KubeObject } from '../../../core/object.ts';
import { ageColumn, column, nameColumn, type Printer, templateContainerColumns } from './column-definitions.ts';
import { age, humanDuration } from './human-duration.ts';
import { selectorString } from './selector-string.ts';
import { type Json, objectAt } from './json-access.ts';

const int = (value: unknown) => (typeof value === 'number' ? value : 0);
const name = (object: KubeObject) => object.metadata?.name ?? '';
const created = (object: KubeObject, now: Date) => age(object.metadata?.creationTimestamp, now);

/** layoutContainerCells: the template's container names and images, comma-separated. */
function containerCells(podTemplate: Json): [string, string] {
  const containers = objectAt(podTemplate, 'spec').containers;
  const list = (Array.isArray(containers) ? containers : []) as Json[];
  const field = (key: string) =>
    list.map((container) => (typeof container[key] === 'string' ? container[key] : '')).join(',');
  return [field('name'), field('image')];
}

/** metav1.FormatLabelSelector: `<none>` for an empty selector, `<error>` for one Go cannot convert. */
function formatLabelSelector(selector: unknown): string {
  const text = selectorString(selector as Parameters<typeof selectorString>[0]);
  return text === '' ? '<none>' : text === '<invalid>' ? '<error>' : text;
}

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when there are none. */
function formatLabels(labels: Json): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${String(labels[key])}`);
  return pairs.length > 0 ? pairs.join(',') : '<none>';
}

/** A Job's and a CronJob's wide Selector column: the Job spec's selector, one description. */
const jobSelectorColumn = column(
  'Selector',
  'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
  { priority: 1 },
);

/** The descriptions kube-apiserver gives a replica-keeping kind's columns. */
interface ReplicaColumns {
  readonly desired: string;
  readonly current: string;
  readonly ready: string;
  readonly selector: string;
}

/** printReplicationController and printReplicaSet: the same columns, each selector printed its way. */
function replicaPrinter(descriptions: ReplicaColumns, selectorText: (spec: Json) => string): Printer {
  return {
    columns: [
      nameColumn,
      column('Desired', descriptions.desired, { type: 'integer' }),
      column('Current', descriptions.current, { type: 'integer' }),
      column('Ready', descriptions.ready, { type: 'integer' }),
      ageColumn,
      ...templateContainerColumns,
      column('Selector', descriptions.selector, { priority: 1 }),
    ],
    cells: (object, now) => {
      const spec = objectAt(object, 'spec');
      const status = objectAt(object, 'status');
      return [
        name(object),
        int(spec.replicas),
        int(status.replicas),
        int(status.readyReplicas),
        created(object, now),
        ...containerCells(objectAt(spec, 'template')),
        selectorText(spec),
      ];
    },
  };
}

// A ReplicationController's selector is a plain label map, printed as labels are.
export const replicationControllerPrinter = replicaPrinter(
  {
    desired:
      'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
    current:
      'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller',
    ready: 'The number of ready replicas for this replication controller.',
    selector:
      'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
  },
  (spec) => formatLabels(objectAt(spec, 'selector')),
);

export const replicaSetPrinter = replicaPrinter(
  {
    desired:
      'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset',
    current:
      'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset',
    ready: 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.',
    selector:
      "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
  },
  (spec) => formatLabelSelector(spec.selector),
);

export const statefulSetPrinter: Printer = {
  columns: [nameColumn, column('Ready', 'Number of the pod with ready state'), ageColumn, ...templateContainerColumns],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const ready = `${String(int(objectAt(object, 'status').readyReplicas))}/${String(int(spec.replicas))}`;
    return [name(object), ready, created(object, now), ...containerCells(objectAt(spec, 'template'))];
  },
};

/** The DaemonSet's metadata without the template generation, which the internal object keeps in its spec. */
function withoutTemplateGeneration(metadata: NonNullable<KubeObject['metadata']>): NonNullable<KubeObject['metadata']> {
  const { 'deprecated.daemonset.template.generation': _generation, ...annotations } = metadata.annotations ?? {};
  const { annotations: _all, ...rest } = metadata;
  return Object.keys(annotations).length > 0 ? { ...rest, annotations } : rest;
}

export const daemonSetPrinter: Printer = {
  rowMetadata: withoutTemplateGeneration,
  columns: [
    nameColumn,
    column(
      'Desired',
      'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
      { type: 'integer' },
    ),
    column(
      'Current',
      'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
      { type: 'integer' },
    ),
    column(
      'Ready',
      'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.',
      { type: 'integer' },
    ),
    column('Up-to-date', 'The total number of nodes that are running updated daemon pod', { type: 'integer' }),
    column(
      'Available',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
      { type: 'integer' },
    ),
    column(
      'Node Selector',
      "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
    ),
    ageColumn,
    ...templateContainerColumns,
    column(
      'Selector',
      "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
      { priority: 1 },
    ),
  ],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const status = objectAt(object, 'status');
    const template = objectAt(spec, 'template');
    return [
      name(object),
      int(status.desiredNumberScheduled),
      int(status.currentNumberScheduled),
      int(status.numberReady),
      int(status.updatedNumberScheduled),
      int(status.numberAvailable),
      formatLabels(objectAt(objectAt(template, 'spec'), 'nodeSelector')),
      created(object, now),
      ...containerCells(template),
      formatLabelSelector(spec.selector),
    ];
  },
};

export const cronJobPrinter: Printer = {
  columns: [
    nameColumn,
    column('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column(
      'Timezone',
      'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
    ),
    column(
      'Suspend',
      'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.',
      { type: 'boolean' },
    ),
    column('Active', 'A list of pointers to currently running jobs.', { type: 'integer' }),
    column('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
    ageColumn,
    ...templateContainerColumns,
    jobSelectorColumn,
  ],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const status = objectAt(object, 'status');
    const jobSpec = objectAt(objectAt(spec, 'jobTemplate'), 'spec');
    const suspend = typeof spec.suspend === 'boolean' ? (spec.suspend ? 'True' : 'False') : '<unset>';
    return [
      name(object),
      typeof spec.schedule === 'string' ? spec.schedule : '',
      typeof spec.timeZone === 'string' ? spec.timeZone : '<none>',
      suspend,
      Array.isArray(status.active) ? status.active.length : 0,
      status.lastScheduleTime === undefined ? '<none>' : age(status.lastScheduleTime, now),
      created(object, now),
      ...containerCells(objectAt(jobSpec, 'template')),
      formatLabelSelector(jobSpec.selector),
    ];
  },
};

/**
 * printJob's status: the first True condition of Complete, then Failed; Terminating once
 * deleted; then Suspended, FailureTarget, SuccessCriteriaMet; else Running. Of conditions of
 * one type, the first decides (hasJobCondition).
 */
function jobStatus(object: KubeObject): string {
  const conditions = objectAt(object, 'status').conditions;
  const list = (Array.isArray(conditions) ? conditions : []) as Json[];
  const isTrue = (type: string) => list.find((condition) => condition.type === type)?.status === 'True';
  const first = (types: readonly string[]) => types.find(isTrue);
  const finished = first(['Complete', 'Failed']);
  if (finished !== undefined) return finished;
  if (object.metadata?.deletionTimestamp !== undefined) return 'Terminating';
  return first(['Suspended', 'FailureTarget', 'SuccessCriteriaMet']) ?? 'Running';
}

function jobCompletions(spec: Json, succeeded: number): string {
  if (typeof spec.completions === 'number') return `${String(succeeded)}/${String(spec.completions)}`;
  const parallelism = int(spec.parallelism);
  return parallelism > 1 ? `${String(succeeded)}/1 of ${String(parallelism)}` : `${String(succeeded)}/1`;
}

function jobDuration(status: Json, now: Date): string {
  const start = typeof status.startTime === 'string' ? Date.parse(status.startTime) : NaN;
  if (Number.isNaN(start)) return '';
  const end = typeof status.completionTime === 'string' ? Date.parse(status.completionTime) : now.getTime();
  return humanDuration(end - start);
}

export const jobPrinter: Printer = {
  columns: [
    nameColumn,
    column('Status', 'Status of the job.'),
    column(
      'Completions',
      'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.',
    ),
    column('Duration', 'Time required to complete the job.'),
    ageColumn,
    ...templateContainerColumns,
    jobSelectorColumn,
  ],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const status = objectAt(object, 'status');
    return [
      name(object),
      jobStatus(object),
      jobCompletions(spec, int(status.succeeded)),
      jobDuration(status, now),
      created(object, now),
      ...containerCells(objectAt(spec, 'template')),
      formatLabelSelector(spec.selector),
    ];
  },
};
