// core/v1 Nodes with kube-apiserver v1.36.3's defaults (SetDefaults_NodeStatus: allocatable
// is the capacity when not given), strategy (pkg/registry/core/node: a create keeps the
// status it is sent, later only `/status` writes it; the removed spec.configSource and
// status.config are dropped) and what the TaintNodesByCondition admission plugin adds on
// create (the `node.kubernetes.io/not-ready:NoSchedule` taint the node lifecycle controller
// would lift). Stored, not run: no kubelet registers, heartbeats or reports on them.
import { nodeWarnings } from '../warnings/kind-warnings.ts';
import type { ResourceType } from '../resource-type.ts';
import type { KubeObject } from '../../../core/object.ts';
import { nodeCauses } from './node-validation.ts';
import { objectAt } from './object-at.ts';
import { specOnlyStatusUpdate } from './status-strategies.ts';
import { standardVerbs } from './verbs.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function defaultNode(object: KubeObject): void {
  const status = isObject(object.status) ? object.status : undefined;
  if (status && status.allocatable == null && isObject(status.capacity)) status.allocatable = { ...status.capacity };
  if (isObject(object.spec)) convertPodCidr(object.spec);
}

/**
 * The round trip through the internal NodeSpec, which has only podCIDRs: a podCIDR that
 * is not the first of podCIDRs replaces them, and podCIDR is always their first.
 */
function convertPodCidr(spec: Json): void {
  const single = typeof spec.podCIDR === 'string' ? spec.podCIDR : '';
  const cidrs: unknown[] = Array.isArray(spec.podCIDRs) ? spec.podCIDRs : [];
  if (single !== '' && cidrs[0] !== single) spec.podCIDRs = [single];
  const first: unknown = Array.isArray(spec.podCIDRs) ? spec.podCIDRs[0] : undefined;
  if (typeof first === 'string') spec.podCIDR = first;
  else delete spec.podCIDR;
}

/** Fields of the removed DynamicKubeletConfig feature, which the strategies drop. */
function dropConfigSource(object: KubeObject): void {
  if (isObject(object.spec)) delete object.spec.configSource;
  if (isObject(object.status)) delete object.status.config;
}

const notReady = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };

/** TaintNodesByCondition: the not-ready taint, unless one with its key and effect is there. */
function addNotReadyTaint(object: KubeObject): void {
  const spec = objectAt(object, 'spec');
  const taints: unknown[] = Array.isArray(spec.taints) ? spec.taints : [];
  const present = taints.some(
    (taint) => isObject(taint) && taint.key === notReady.key && taint.effect === notReady.effect,
  );
  if (!present) spec.taints = [...taints, { ...notReady }];
}

export const nodes: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  singular: 'node',
  namespaced: false,
  shortNames: ['no'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: true,
  prepareWrite: dropConfigSource,
  prepareStatusUpdate: (object, live) => {
    specOnlyStatusUpdate(object, live);
    if (isObject(object.status)) delete object.status.config;
  },
  applyDefaults: defaultNode,
  validate: nodeCauses,
  warningsOnWrite: nodeWarnings,
  admitOnCreate: addNotReadyTaint,
};
