// What kube-apiserver v1.36.3 (pkg/apis/networking/validation) refuses of a
// NetworkPolicy's rules, in its order: ports of an unknown protocol, out of range or badly
// named, an endPort below its port or without a numeric one; peers that name nothing, or an
// ipBlock beside a selector; invalid selectors; more than two policyTypes, or unknown
// ones. Not checked: ipBlock CIDRs.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { forbidden, notSupported } from './field-causes.ts';
import { portNameErrors } from './port-name.ts';
import { labelSelectorCauses } from './validate-label-selector.ts';
import { type Json, isObject, objectsIn } from './json-fields.ts';

const outOfRange = 'must be between 1 and 65535, inclusive';
const inRange = (port: number): boolean => port >= 1 && port <= 65535;

function numericPortCauses(port: number, endPort: unknown, at: string): FieldCause[] {
  const causes = inRange(port) ? [] : [invalidValue(`${at}.port`, port, outOfRange)];
  if (typeof endPort !== 'number') return causes;
  // Go shows the port, not the endPort, as the value of this one.
  if (endPort < port) causes.push(invalidValue(`${at}.endPort`, port, 'must be greater than or equal to `port`'));
  if (!inRange(endPort)) causes.push(invalidValue(`${at}.endPort`, endPort, outOfRange));
  return causes;
}

function portCauses(entry: Json, at: string): FieldCause[] {
  const { protocol, port, endPort } = entry;
  const causes: FieldCause[] = [];
  if (protocol != null && !['TCP', 'UDP', 'SCTP'].includes(protocol as string))
    causes.push(notSupported(`${at}.protocol`, protocol, ['TCP', 'UDP', 'SCTP']));
  if (typeof port === 'number') return [...causes, ...numericPortCauses(port, endPort, at)];
  if (typeof port === 'string') {
    if (endPort != null)
      causes.push(invalidValue(`${at}.endPort`, endPort, 'may not be specified when `port` is non-numeric'));
    return [...causes, ...portNameErrors(port).map((detail) => invalidValue(`${at}.port`, port, detail))];
  }
  if (endPort != null)
    causes.push(invalidValue(`${at}.endPort`, endPort, 'may not be specified when `port` is not specified'));
  return causes;
}

function peerCauses(peer: Json, at: string): FieldCause[] {
  const causes = [
    ...labelSelectorCauses(peer.podSelector, `${at}.podSelector`),
    ...labelSelectorCauses(peer.namespaceSelector, `${at}.namespaceSelector`),
  ];
  const named = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((key) => isObject(peer[key])).length;
  if (named === 0) causes.push(required(at, 'must specify a peer'));
  else if (named > 1 && isObject(peer.ipBlock))
    causes.push(forbidden(at, 'may not specify both ipBlock and another peer'));
  return causes;
}

function ruleCauses(rules: unknown, direction: 'ingress' | 'egress'): FieldCause[] {
  const peers = direction === 'ingress' ? 'from' : 'to';
  return objectsIn(rules).flatMap((rule, index) => {
    const at = `spec.${direction}[${String(index)}]`;
    return [
      ...objectsIn(rule.ports).flatMap((port, i) => portCauses(port, `${at}.ports[${String(i)}]`)),
      ...objectsIn(rule[peers]).flatMap((peer, i) => peerCauses(peer, `${at}.${peers}[${String(i)}]`)),
    ];
  });
}

function policyTypeCauses(types: unknown): FieldCause[] {
  if (!Array.isArray(types)) return [];
  if (types.length > 2) return [invalidValue('spec.policyTypes', types, 'may not specify more than two policyTypes')];
  return types.flatMap((type, index) =>
    type === 'Ingress' || type === 'Egress'
      ? []
      : [notSupported(`spec.policyTypes[${String(index)}]`, type, ['Ingress', 'Egress'])],
  );
}

export function validateNetworkPolicy(object: KubeObject): FieldCause[] {
  const spec = isObject(object.spec) ? object.spec : {};
  return [
    ...labelSelectorCauses(spec.podSelector, 'spec.podSelector'),
    ...ruleCauses(spec.ingress, 'ingress'),
    ...ruleCauses(spec.egress, 'egress'),
    ...policyTypeCauses(spec.policyTypes),
  ];
}
