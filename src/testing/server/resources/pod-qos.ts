// A Pod's QoS class, set in its status when it is created (ComputePodQOS): from the cpu
// and memory its containers (and init containers) request and limit, or from its
// pod-level resources when it has them.
import type { KubeObject } from '../../../core/object.ts';
import { addAmounts, compareAmounts, quantityAmount, type Amount } from '../go/go-quantity.ts';

type Json = Record<string, unknown>;
type Totals = Map<string, Amount>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const objectAt = (value: unknown, key: string): Json => (isObject(value) && isObject(value[key]) ? value[key] : {});
const qosResources = new Set(['cpu', 'memory']);
const zero: Amount = { unscaled: 0n, scale: 0 };

/** The containers, then the init containers. */
const allContainers = (spec: Json): unknown[] =>
  [spec.containers, spec.initContainers].flatMap((list): unknown[] => (Array.isArray(list) ? (list as unknown[]) : []));

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Adds the positive cpu and memory of `list` into `totals`; the names found. */
function addResources(totals: Totals, list: Json): Set<string> {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(list)) {
    if (!qosResources.has(name) || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const amount = quantityAmount(String(value));
    if (compareAmounts(amount, zero) <= 0) continue;
    found.add(name);
    const before = totals.get(name);
    totals.set(name, before === undefined ? amount : addAmounts(before, amount));
  }
  return found;
}

export function podQosClass(pod: KubeObject): QosClass {
  const spec = objectAt(pod, 'spec');
  const requests: Totals = new Map();
  const limits: Totals = new Map();
  let guaranteed = true;
  const resourceSets = isObject(spec.resources)
    ? [spec.resources]
    : allContainers(spec).map((c) => objectAt(c, 'resources'));
  for (const resources of resourceSets) {
    addResources(requests, objectAt(resources, 'requests'));
    const limited = addResources(limits, objectAt(resources, 'limits'));
    // Pod-level requests alone leave the limits unchecked, as in kube-apiserver.
    const checked = !isObject(spec.resources) || Object.keys(objectAt(resources, 'limits')).length > 0;
    if (checked && !(limited.has('cpu') && limited.has('memory'))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  for (const [name, request] of requests) {
    const limit = limits.get(name);
    if (limit === undefined || compareAmounts(limit, request) !== 0) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** SetDefaults_Pod: a container's (or init container's) limits stand for the requests it lacks. */
export function defaultRequestsFromLimits(pod: KubeObject): void {
  const spec = objectAt(pod, 'spec');
  for (const container of allContainers(spec)) {
    if (!isObject(container) || !isObject(container.resources)) continue;
    const { resources } = container;
    if (!isObject(resources.limits)) continue;
    const requests = isObject(resources.requests) ? resources.requests : (resources.requests = {});
    for (const [name, limit] of Object.entries(resources.limits))
      if (!Object.hasOwn(requests, name)) requests[name] = limit;
  }
}
