// Part of kube-apiserver v1.36.3's Node validation (ValidateNode, and ValidateNodeUpdate on
// updates): the taints, a pod CIDR or provider ID once set, the externalID, and addresses
// listed twice. Messages are the real server's (a value as Go writes the internal struct,
// field names without JSON tags); the taints' path is its own `metadata.taints`, and an
// update reports their errors twice, as it runs both functions.
import type { KubeObject } from '../../../core/object.ts';
import { labelKeyErrors, labelValueErrors } from '../../../core/names.ts';
import type { Cause } from '../http/status.ts';
import { invalidValue, required } from '../handlers/validate.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const specOf = (node: KubeObject | undefined): Json => (isObject(node?.spec) ? node.spec : {});
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const forbidden = (field: string, detail: string): Cause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${detail}`,
  field,
});
const duplicate = (field: string, value: unknown, detail?: string): Cause => ({
  reason: 'FieldValueDuplicate',
  message: `Duplicate value: ${JSON.stringify(value)}${detail ? `: ${detail}` : ''}`,
  field,
});

/** A taint as Go's JSON writes the internal struct into a message: its field names, no tags. */
const asGoWrites = (taint: Json): Json => ({
  Key: text(taint.key),
  Value: text(taint.value),
  Effect: text(taint.effect),
  TimeAdded: taint.timeAdded ?? null,
});

/** validateNodeTaints: key, value, effect, and one taint per key and effect. */
function taintCauses(node: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const seen = new Set<string>();
  listOf(specOf(node).taints).forEach((taint, index) => {
    const path = `metadata.taints[${String(index)}]`;
    const key = text(taint.key);
    const value = text(taint.value);
    const effect = text(taint.effect);
    for (const detail of labelKeyErrors(key)) causes.push(invalidValue(`${path}.key`, key, detail));
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length > 0) causes.push(invalidValue(`${path}.value`, value, valueErrors.join(';')));
    if (effect === '') causes.push(required(`${path}.effect`, ''));
    else if (!effects.includes(effect)) {
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${JSON.stringify(effect)}: supported values: ${effects.map((e) => `"${e}"`).join(', ')}`,
        field: `${path}.effect`,
      });
    }
    const identity = JSON.stringify([key, effect]);
    if (seen.has(identity))
      causes.push(duplicate(path, asGoWrites(taint), 'taints must be unique by key and effect pair'));
    seen.add(identity);
  });
  return causes;
}

const cidrsOf = (spec: Json): unknown[] => (Array.isArray(spec.podCIDRs) ? (spec.podCIDRs as unknown[]) : []);

/** ValidateNodeUpdate's rules on what a Node may not change, and on duplicate addresses. */
function updateCauses(node: KubeObject, old: KubeObject): Cause[] {
  const causes: Cause[] = [];
  const status = isObject(node.status) ? node.status : {};
  const addresses = new Set<string>();
  listOf(status.addresses).forEach((address, index) => {
    const identity = JSON.stringify([text(address.type), text(address.address)]);
    const written = { Type: text(address.type), Address: text(address.address) };
    if (addresses.has(identity)) causes.push(duplicate(`status.addresses[${String(index)}]`, written));
    addresses.add(identity);
  });
  const [spec, oldSpec] = [specOf(node), specOf(old)];
  const [cidrs, oldCidrs] = [cidrsOf(spec), cidrsOf(oldSpec)];
  const podCidrChange = forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid');
  if (oldCidrs.length > 0 && oldCidrs.length !== cidrs.length) causes.push(podCidrChange);
  else if (oldCidrs.length > 0)
    for (const [i, cidr] of oldCidrs.entries()) if (cidr !== cidrs[i]) causes.push(podCidrChange);
  const oldProvider = text(oldSpec.providerID);
  if (oldProvider !== '' && oldProvider !== text(spec.providerID)) {
    causes.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  return [...causes, ...taintCauses(node)];
}

/** The node strategy's Validate (a create) and ValidateUpdate (ValidateNode, then ValidateNodeUpdate). */
export function nodeCauses(node: KubeObject, old: KubeObject | undefined): Cause[] {
  if (old === undefined) return taintCauses(node);
  const externalId = text(specOf(node).externalID) !== text(specOf(old).externalID);
  return [
    ...taintCauses(node),
    ...updateCauses(node, old),
    ...(externalId ? [forbidden('spec.externalID', 'may not be updated')] : []),
  ];
}
