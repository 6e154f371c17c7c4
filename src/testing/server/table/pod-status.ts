// The READY, STATUS and RESTARTS cells of a Pod as kube-apiserver's printPod computes
// them from the spec and whatever status was written (a stored Pod never runs, so
// usually none: 0/N, Pending, 0).
import type { KubeObject } from '../../../core/object.ts';
import { isObject, type Json, listAt, objectAt, text } from './json-access.ts';
import { age } from './human-duration.ts';

const int = (value: unknown) => (typeof value === 'number' ? value : 0);
/** A state (`waiting`, `running`, `terminated`) when set; Go holds each as a pointer. */
const stateOf = (status: Json, which: string, key = 'state'): Json | undefined => {
  const value = objectAt(status, key)[which];
  return isObject(value) ? value : undefined;
};

/** What the three cells are computed from, updated as the container statuses are read. */
interface Tally {
  reason: string;
  ready: number;
  restarts: number;
  /** Milliseconds of the latest lastState.terminated.finishedAt seen, 0 for none. */
  lastRestart: number;
  /** The same two of the sidecars alone, which are all that count once initialized. */
  sidecarRestarts: number;
  sidecarLastRestart: number;
}

/** The cells READY, STATUS, RESTARTS of `pod` seen at `now`. */
export function podStatusCells(pod: KubeObject, now: Date): [string, string, string] {
  const spec = objectAt(pod, 'spec');
  const status = objectAt(pod, 'status');
  const restartable = restartableInitContainers(spec);
  const tally: Tally = {
    reason: initialReason(status),
    ready: 0,
    restarts: 0,
    lastRestart: 0,
    sidecarRestarts: 0,
    sidecarLastRestart: 0,
  };
  const initializing = readInitContainers(spec, status, restartable, tally);
  if (!initializing || firstConditionIsTrue(status, 'Initialized')) readContainers(status, tally);
  const phase = text(status.phase);
  if (pod.metadata?.deletionTimestamp !== undefined) {
    if (text(status.reason) === 'NodeLost') tally.reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') tally.reason = 'Terminating';
  }
  const total = listAt(spec, 'containers').length + restartable.size;
  const restarts =
    tally.restarts !== 0 && tally.lastRestart !== 0
      ? `${String(tally.restarts)} (${age(new Date(tally.lastRestart).toISOString(), now)} ago)`
      : String(tally.restarts);
  return [`${String(tally.ready)}/${String(total)}`, tally.reason, restarts];
}

/** The phase, or the status reason when set, or SchedulingGated when the PodScheduled condition says so. */
function initialReason(status: Json): string {
  let reason = text(status.reason) || text(status.phase);
  for (const condition of listAt(status, 'conditions')) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  return reason;
}

/** Names of init containers that are sidecars (restartPolicy Always): they count as containers. */
function restartableInitContainers(spec: Json): Set<string> {
  const sidecars = listAt(spec, 'initContainers').filter((container) => container.restartPolicy === 'Always');
  return new Set(sidecars.map((container) => text(container.name)));
}

/** Whether the first condition `type` of `status` is True (printPod's Initialized check stops at the first). */
function firstConditionIsTrue(status: Json, type: string): boolean {
  const condition = listAt(status, 'conditions').find((candidate) => candidate.type === type);
  return condition?.status === 'True';
}

/** Whether any condition `type` of `status` is True (printPod's Ready check reads them all). */
const anyConditionIsTrue = (status: Json, type: string): boolean =>
  listAt(status, 'conditions').some((condition) => condition.type === type && condition.status === 'True');

/** The latest of `tally.lastRestart` and the container's lastState.terminated.finishedAt. */
function laterRestart(container: Json, since: number): number {
  const terminated = stateOf(container, 'terminated', 'lastState');
  if (!terminated) return since;
  const finished = Date.parse(text(terminated.finishedAt));
  return Number.isNaN(finished) || finished <= since ? since : finished;
}

/** How a terminated container reads: its reason, else Signal:N, else ExitCode:N. */
function terminatedReason(terminated: Json, prefix: string): string {
  if (text(terminated.reason) !== '') return `${prefix}${text(terminated.reason)}`;
  if (int(terminated.signal) !== 0) return `${prefix}Signal:${String(int(terminated.signal))}`;
  return `${prefix}ExitCode:${String(int(terminated.exitCode))}`;
}

/**
 * Reads the init container statuses up to the first that has not completed, which names
 * the status (`Init:1/2`, `Init:Error`, `Init:CrashLoopBackOff`); whether one has not.
 * Sidecars that started count as ready when ready, as kube-apiserver counts them.
 */
function readInitContainers(spec: Json, status: Json, restartable: Set<string>, tally: Tally): boolean {
  const statuses = listAt(status, 'initContainerStatuses');
  const count = listAt(spec, 'initContainers').length;
  for (const [index, container] of statuses.entries()) {
    tally.restarts += int(container.restartCount);
    tally.lastRestart = laterRestart(container, tally.lastRestart);
    const sidecar = restartable.has(text(container.name));
    if (sidecar) {
      tally.sidecarRestarts += int(container.restartCount);
      tally.sidecarLastRestart = laterRestart(container, tally.sidecarLastRestart);
    }
    const terminated = stateOf(container, 'terminated');
    const waiting = stateOf(container, 'waiting');
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (sidecar && container.started === true) {
      if (container.ready === true) tally.ready++;
      continue;
    }
    if (terminated) tally.reason = terminatedReason(terminated, 'Init:');
    else if (waiting && text(waiting.reason) !== '' && waiting.reason !== 'PodInitializing')
      tally.reason = `Init:${text(waiting.reason)}`;
    else tally.reason = `Init:${String(index)}/${String(count)}`;
    return true;
  }
  return false;
}

/**
 * Reads the container statuses, last first, so the first container's state names the
 * status; restarts then count only the sidecars' of the init containers. A `Completed`
 * pod with a container still running reads Running (when Ready) or NotReady.
 */
function readContainers(status: Json, tally: Tally): void {
  tally.restarts = tally.sidecarRestarts;
  tally.lastRestart = tally.sidecarLastRestart;
  let hasRunning = false;
  let errorReason = '';
  for (const container of listAt(status, 'containerStatuses').reverse()) {
    tally.restarts += int(container.restartCount);
    tally.lastRestart = laterRestart(container, tally.lastRestart);
    const waiting = stateOf(container, 'waiting');
    const terminated = stateOf(container, 'terminated');
    if (waiting && text(waiting.reason) !== '') tally.reason = text(waiting.reason);
    else if (terminated) {
      tally.reason = terminatedReason(terminated, '');
      if (int(terminated.exitCode) !== 0) errorReason = tally.reason;
    } else if (container.ready === true && stateOf(container, 'running')) {
      hasRunning = true;
      tally.ready++;
    }
  }
  if (tally.reason !== 'Completed') return;
  if (hasRunning && anyConditionIsTrue(status, 'Ready')) tally.reason = 'Running';
  else if (errorReason !== '') tally.reason = errorReason;
  else if (hasRunning) tally.reason = 'NotReady';
}
