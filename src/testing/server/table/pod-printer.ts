// kube-apiserver's printer of Pods (printPod): NAME READY STATUS RESTARTS AGE, then the
// wide IP, NODE, NOMINATED NODE, READINESS GATES; a finished Pod's row says Completed.
import type { KubeObject } from '../../../core/object.ts';
import { type Json, listAt, objectAt, text } from './json-access.ts';
import { age } from './human-duration.ts';
import { ageColumn, column, nameColumn, type Printer, type RowCondition } from './column-definitions.ts';
import { podStatusCells } from './pod-status.ts';

const orNone = (value: string) => (value === '' ? '<none>' : value);

const columns = [
  nameColumn,
  column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'The aggregate status of the containers in this pod.'),
  column(
    'Restarts',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  ),
  ageColumn,
  column(
    'IP',
    'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
    {
      priority: 1,
    },
  ),
  column(
    'Node',
    'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
    { priority: 1 },
  ),
  column(
    'Nominated Node',
    'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.',
    { priority: 1 },
  ),
  column(
    'Readiness Gates',
    'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
    { priority: 1 },
  ),
];

/** The first pod IP: podIPs[0], or podIP alone (kube-apiserver fills podIPs from it). */
function podIP(status: Json): string {
  const first = listAt(status, 'podIPs')[0];
  return first ? text(first.ip) : text(status.podIP);
}

/** `true/total` of the readiness gates, each read from the first condition of its type; `<none>` without gates. */
function readinessGates(spec: Json, status: Json): string {
  const gates = listAt(spec, 'readinessGates');
  if (gates.length === 0) return '<none>';
  const conditions = listAt(status, 'conditions');
  const passed = gates.filter(
    (gate) => conditions.find((condition) => condition.type === gate.conditionType)?.status === 'True',
  ).length;
  return `${String(passed)}/${String(gates.length)}`;
}

const completed = (reason: string, message: string): readonly RowCondition[] => [
  { type: 'Completed', status: 'True', reason, message },
];
const succeeded = completed('Succeeded', 'The pod has completed successfully.');
const failed = completed('Failed', 'The pod failed.');

export const podPrinter: Printer = {
  columns,
  cells: (pod: KubeObject, now: Date) => {
    const spec = objectAt(pod, 'spec');
    const status = objectAt(pod, 'status');
    return [
      pod.metadata?.name ?? '',
      ...podStatusCells(pod, now),
      age(pod.metadata?.creationTimestamp, now),
      orNone(podIP(status)),
      orNone(text(spec.nodeName)),
      orNone(text(status.nominatedNodeName)),
      readinessGates(spec, status),
    ];
  },
  conditions: (pod: KubeObject) => {
    const phase = objectAt(pod, 'status').phase;
    return phase === 'Succeeded' ? succeeded : phase === 'Failed' ? failed : undefined;
  },
};
