// What kube-apiserver v1.36.3's validateService refuses of a Service's spec that people
// get wrong, in its order: no ports, each port's own errors, selector labels, an unknown type, and two ports
// of one number and protocol. Cluster IPs, traffic policies and node ports are not checked.
import type { KubeObject } from '../../../core/object.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { labelCauses, required } from '../handlers/validate.ts';
import { notSupported } from './field-causes.ts';
import { duplicatePortCauses, portsOf, servicePortCauses } from './service-ports.ts';

type Json = Record<string, unknown>;
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** A headless Service (clusterIP None) or an ExternalName one needs no port. */
function needsPorts(spec: Json): boolean {
  const clusterIPs = Array.isArray(spec.clusterIPs) ? (spec.clusterIPs as unknown[]) : [];
  const headless = spec.clusterIP === 'None' || clusterIPs[0] === 'None';
  return !headless && spec.type !== 'ExternalName';
}

function typeCauses(type: unknown): FieldCause[] {
  const text = typeof type === 'string' ? type : '';
  if (text === '') return [required('spec.type', '')];
  return serviceTypes.includes(text) ? [] : [notSupported('spec.type', text, serviceTypes)];
}

export function validateService(object: KubeObject): FieldCause[] {
  const spec = (typeof object.spec === 'object' && object.spec !== null ? object.spec : {}) as Json;
  return [
    ...(portsOf(object).length === 0 && needsPorts(spec) ? [required('spec.ports', '')] : []),
    ...servicePortCauses(object),
    ...labelCauses('spec.selector', spec.selector),
    ...typeCauses(spec.type),
    ...duplicatePortCauses(object),
  ];
}
