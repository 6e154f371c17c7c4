// networking.k8s.io/v1 Ingresses and NetworkPolicies, with kube-apiserver v1.36.3's
// defaults (pkg/apis/networking/v1/defaults.go) and strategies (pkg/registry/networking):
// generation on spec changes, an Ingress's status only through `/status`. Stored and
// served only: no ingress controller or network plugin acts on them.
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { specOnlyStatusUpdate } from './status-strategies.ts';
import { standardVerbs } from './verbs.ts';
import { validateIngress } from './validate-ingress.ts';
import { validateNetworkPolicy } from './validate-network-policy.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const group = 'networking.k8s.io';

export const ingresses: ResourceType = {
  group,
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  singular: 'ingress',
  namespaced: true,
  shortNames: ['ing'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'spec',
  statusSubresource: true,
  prepareStatusUpdate: specOnlyStatusUpdate,
  statusOnCreate: {},
  validate: validateIngress,
};

/** A rule's ports are TCP unless they say otherwise. */
function defaultRulePorts(rules: unknown): void {
  if (!Array.isArray(rules)) return;
  for (const rule of rules as unknown[]) {
    if (!isObject(rule) || !Array.isArray(rule.ports)) continue;
    for (const port of rule.ports as unknown[]) if (isObject(port)) port.protocol ??= 'TCP';
  }
}

/** SetObjectDefaults_NetworkPolicy: policyTypes from the rules present, ports TCP. */
function defaultNetworkPolicy(object: KubeObject): void {
  const spec = isObject(object.spec) ? object.spec : (object.spec = {});
  const policyTypes = spec.policyTypes;
  if (!Array.isArray(policyTypes) || policyTypes.length === 0) {
    const egress = Array.isArray(spec.egress) && spec.egress.length > 0;
    spec.policyTypes = egress ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  defaultRulePorts(spec.ingress);
  defaultRulePorts(spec.egress);
}

export const networkPolicies: ResourceType = {
  group,
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  singular: 'networkpolicy',
  namespaced: true,
  shortNames: ['netpol'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'spec',
  statusSubresource: false,
  applyDefaults: defaultNetworkPolicy,
  validate: validateNetworkPolicy,
};

export const networkingTypes: readonly ResourceType[] = [ingresses, networkPolicies];
