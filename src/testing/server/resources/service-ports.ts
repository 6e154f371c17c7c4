// A Service's port numbers, checked as kube-apiserver v1.36.3's ValidateService checks them
// (validation.IsValidPortNum on `port`, and on `targetPort` when it is a number), after
// defaulting, so that a port out of range reports `targetPort` too (defaulted from it).
// Port names, protocols and duplicates are not checked here.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue } from '../handlers/validate.ts';

const outOfRange = 'must be between 1 and 65535, inclusive';

function portCauses(field: string, value: unknown): FieldCause[] {
  // A fraction never gets here on kube-apiserver (its decoder refuses it first).
  if (typeof value !== 'number' || !Number.isInteger(value)) return [];
  return value >= 1 && value <= 65535 ? [] : [invalidValue(field, value, outOfRange)];
}

/** The causes of a 422 for `spec.ports[*].port` and numeric `targetPort` out of 1..65535. */
export function servicePortCauses(object: KubeObject): FieldCause[] {
  const spec = object.spec as { ports?: unknown } | undefined;
  const ports = Array.isArray(spec?.ports) ? (spec.ports as unknown[]) : [];
  return ports.flatMap((port, index) => {
    if (typeof port !== 'object' || port === null) return [];
    const { port: number, targetPort } = port as { port?: unknown; targetPort?: unknown };
    const at = `spec.ports[${String(index)}]`;
    return [...portCauses(`${at}.port`, number), ...portCauses(`${at}.targetPort`, targetPort)];
  });
}
