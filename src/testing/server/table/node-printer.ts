// The printer of core/v1 Nodes (k8s.io/kubernetes pkg/printers/internalversion printNode):
// columns and descriptions as kube-apiserver v1.36.3 sends them, cells as that function
// computes them from the status a kubelet would report.
import type { KubeObject } from '../../../core/object.ts';
import { byCodePoint } from '../selectors/code-point-order.ts';
import { ageColumn, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';
import { listAt, objectAt, text } from './json-access.ts';

const addressesDescription =
  "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

/** `Ready` or `NotReady` from the last Ready condition (`Unknown` without one), then `SchedulingDisabled`. */
function nodeStatus(node: KubeObject): string {
  const ready = listAt(node.status, 'conditions').findLast((condition) => condition.type === 'Ready');
  const status = ready === undefined ? ['Unknown'] : [ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (objectAt(node, 'spec').unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

const rolePrefix = 'node-role.kubernetes.io/';

/** findNodeRoles: each `node-role.kubernetes.io/<role>` label's role and a `kubernetes.io/role` value, sorted, once each. */
function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(rolePrefix) && key.length > rolePrefix.length) roles.add(key.slice(rolePrefix.length));
    else if (key === 'kubernetes.io/role' && value !== '') roles.add(value);
  }
  return roles.size > 0 ? [...roles].sort(byCodePoint).join(',') : '<none>';
}

/** The first address of `type`, `<none>` without one. */
const addressOf = (node: KubeObject, type: string): string =>
  text(listAt(node.status, 'addresses').find((address) => address.type === type)?.address) || '<none>';

export const nodePrinter: Printer = {
  columns: [
    nameColumn,
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    ageColumn,
    column('Version', 'Kubelet Version reported by the node.'),
    column('Internal-IP', addressesDescription, { priority: 1 }),
    column('External-IP', addressesDescription, { priority: 1 }),
    column('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', {
      priority: 1,
    }),
    column('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", {
      priority: 1,
    }),
    column(
      'Container-Runtime',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      { priority: 1 },
    ),
  ],
  cells: (node, now) => {
    const info = objectAt(node.status, 'nodeInfo');
    const architecture = text(info.architecture);
    const kernel = (text(info.kernelVersion) || '<unknown>') + (architecture && ` (${architecture})`);
    return [
      node.metadata?.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      age(node.metadata?.creationTimestamp, now),
      text(info.kubeletVersion),
      addressOf(node, 'InternalIP'),
      addressOf(node, 'ExternalIP'),
      text(info.osImage) || '<unknown>',
      kernel,
      text(info.containerRuntimeVersion) || '<unknown>',
    ];
  },
};
