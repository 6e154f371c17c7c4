// A Service's ports, checked as kube-apiserver v1.36.3's validateServicePort checks each
// one, after defaulting (so that a port out of range reports `targetPort` too, defaulted
// from it): its name (required among several, a DNS-1123 label, unique), its number, its
// protocol, and a numeric targetPort. A named targetPort and appProtocol are not checked.
import type { KubeObject } from '../../../core/object.ts';
import { dnsLabelErrors } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { duplicate, notSupported } from './field-causes.ts';

type Json = Record<string, unknown>;
const outOfRange = 'must be between 1 and 65535, inclusive';
const protocols = ['SCTP', 'TCP', 'UDP'];

function portNumberCauses(field: string, value: unknown): FieldCause[] {
  // A fraction never gets here on kube-apiserver (its decoder refuses it first).
  if (typeof value !== 'number' || !Number.isInteger(value)) return [];
  return value >= 1 && value <= 65535 ? [] : [invalidValue(field, value, outOfRange)];
}

function nameCauses(name: unknown, several: boolean, seen: Set<string>, at: string): FieldCause[] {
  const text = typeof name === 'string' ? name : '';
  if (text === '') return several ? [required(`${at}.name`, '')] : [];
  const causes = dnsLabelErrors(text).map((detail) => invalidValue(`${at}.name`, text, detail));
  if (seen.has(text)) causes.push(duplicate(`${at}.name`, text));
  seen.add(text);
  return causes;
}

function protocolCauses(protocol: unknown, at: string): FieldCause[] {
  const text = typeof protocol === 'string' ? protocol : '';
  if (text === '') return [required(`${at}.protocol`, '')];
  return protocols.includes(text) ? [] : [notSupported(`${at}.protocol`, text, protocols)];
}

export const portsOf = (object: KubeObject): Json[] => {
  const spec = object.spec as { ports?: unknown } | undefined;
  const ports = Array.isArray(spec?.ports) ? (spec.ports as unknown[]) : [];
  return ports.map((port) => (typeof port === 'object' && port !== null ? (port as Json) : {}));
};

/** The causes of a 422 for each of `spec.ports`, in kube-apiserver's order. */
export function servicePortCauses(object: KubeObject): FieldCause[] {
  const ports = portsOf(object);
  const names = new Set<string>();
  return ports.flatMap((port, index) => {
    const at = `spec.ports[${String(index)}]`;
    return [
      ...nameCauses(port.name, ports.length > 1, names, at),
      ...portNumberCauses(`${at}.port`, port.port),
      ...protocolCauses(port.protocol, at),
      ...portNumberCauses(`${at}.targetPort`, port.targetPort),
    ];
  });
}

/** A second port of the same number and protocol: Go shows the key, an internal ServicePort. */
export function duplicatePortCauses(object: KubeObject): FieldCause[] {
  const seen = new Set<string>();
  return portsOf(object).flatMap((port, index) => {
    const key = {
      Name: '',
      Protocol: port.protocol ?? '',
      AppProtocol: null,
      Port: port.port ?? 0,
      TargetPort: 0,
      NodePort: 0,
    };
    const text = JSON.stringify(key);
    const found = seen.has(text);
    seen.add(text);
    return found ? [duplicate(`spec.ports[${String(index)}]`, key)] : [];
  });
}
