// What a write through `/status` takes from the stored object instead of the request:
// each kind's status strategy (PrepareForUpdate in k8s.io/kubernetes v1.36.3
// pkg/registry/*/strategy.go, apiextensions-apiserver's for custom resources). Every
// one keeps spec; metadata rules differ. Generation never changes on `/status`.
import type { KubeObject } from '../../../core/object.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `key` of `object` set to the stored object's, or removed when it has none. */
function keep(object: Json, live: Json, key: string): void {
  if (live[key] === undefined) Reflect.deleteProperty(object, key);
  else object[key] = structuredClone(live[key]);
}

/** ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, Ingress, PodDisruptionBudget: spec alone. */
export function specOnlyStatusUpdate(object: KubeObject, live: KubeObject): void {
  keep(object, live, 'spec');
}

/** Deployment: spec and labels (labels are copied to ReplicaSets, the controller owns them). */
export function deploymentStatusUpdate(object: KubeObject, live: KubeObject): void {
  keep(object, live, 'spec');
  keep((object.metadata ??= {}), live.metadata ?? {}, 'labels');
}

/** Namespace, main resource: spec.finalizers are changed only through `/finalize`. */
export function namespaceUpdate(object: KubeObject, live: KubeObject): void {
  const spec = isObject(object.spec) ? object.spec : (object.spec = {});
  keep(spec, isObject(live.spec) ? live.spec : {}, 'finalizers');
}

/** Namespace: spec only. */
export function namespaceStatusUpdate(object: KubeObject, live: KubeObject): void {
  keep(object, live, 'spec');
}

/**
 * Pod: spec and ownerReferences; a status without qosClass or observedGeneration (the
 * pod's or a condition's) keeps the stored ones.
 */
export function podStatusUpdate(object: KubeObject, live: KubeObject): void {
  keep(object, live, 'spec');
  keep((object.metadata ??= {}), live.metadata ?? {}, 'ownerReferences');
  const status = isObject(object.status) ? object.status : (object.status = {});
  const old = isObject(live.status) ? live.status : {};
  if (!status.qosClass && old.qosClass !== undefined) status.qosClass = old.qosClass;
  if (!status.observedGeneration && old.observedGeneration !== undefined) {
    status.observedGeneration = old.observedGeneration;
  }
  keepConditionGenerations(status, old);
  convertPodIps(status);
}

/** podIP and podIPs agree after Go's conversion through the internal type (podIP wins). */
function convertPodIps(status: Json): void {
  const ips = Array.isArray(status.podIPs) ? status.podIPs : [];
  const first: unknown = isObject(ips[0]) ? ips[0].ip : undefined;
  if (typeof status.podIP === 'string' && status.podIP !== '') {
    if (ips.length === 0 || first !== status.podIP) status.podIPs = [{ ip: status.podIP }];
  } else if (ips.length > 0 && typeof first === 'string') status.podIP = first;
}

// Old observedGenerations, matched by type in order (validation allows repeated types).
function keepConditionGenerations(status: Json, old: Json): void {
  if (!Array.isArray(status.conditions)) return;
  const byType = new Map<unknown, unknown[]>();
  for (const condition of Array.isArray(old.conditions) ? old.conditions : []) {
    if (!isObject(condition)) continue;
    byType.set(condition.type, [...(byType.get(condition.type) ?? []), condition.observedGeneration ?? 0]);
  }
  for (const condition of status.conditions) {
    if (!isObject(condition)) continue;
    const generations = byType.get(condition.type) ?? [];
    const oldGeneration = generations.shift() ?? 0;
    if (!condition.observedGeneration && oldGeneration !== 0) condition.observedGeneration = oldGeneration;
  }
}

/** Custom resource: everything but status (and the managedFields computed for it) is the stored object's. */
export function customResourceStatusUpdate(object: KubeObject, live: KubeObject): void {
  const { status } = object;
  const managedFields = object.metadata?.managedFields;
  for (const key of Object.keys(object)) Reflect.deleteProperty(object, key);
  Object.assign(object, structuredClone(live));
  const metadata = (object.metadata ??= {});
  if (managedFields === undefined) delete metadata.managedFields;
  else metadata.managedFields = managedFields;
  if (status === undefined) delete object.status;
  else object.status = status;
}
