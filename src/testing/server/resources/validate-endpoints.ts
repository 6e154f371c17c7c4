// What kube-apiserver v1.36.3's ValidateEndpoints refuses of an Endpoints' subsets, in its
// order: a subset without addresses, a port without a name among several, a name that is
// not a DNS-1123 label, a port out of range, an unknown protocol. An update that leaves the
// subsets as they were is not refused for them. Not checked: addresses (IPs, hostnames,
// node names) and appProtocol.
import type { KubeObject } from '../../../core/object.ts';
import { dnsLabelErrors } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { notSupported, sameJson } from './field-causes.ts';
import { type Json, objectsIn } from './json-fields.ts';

const some = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
const protocols = ['SCTP', 'TCP', 'UDP'];

function portCauses(port: Json, several: boolean, at: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = typeof port.name === 'string' ? port.name : '';
  if (name === '' && several) causes.push(required(`${at}.name`, ''));
  else if (name !== '') causes.push(...dnsLabelErrors(name).map((detail) => invalidValue(`${at}.name`, name, detail)));
  const number = typeof port.port === 'number' ? port.port : 0;
  if (number < 1 || number > 65535)
    causes.push(invalidValue(`${at}.port`, number, 'must be between 1 and 65535, inclusive'));
  const protocol = typeof port.protocol === 'string' ? port.protocol : '';
  if (protocol === '') causes.push(required(`${at}.protocol`, ''));
  else if (!protocols.includes(protocol)) causes.push(notSupported(`${at}.protocol`, protocol, protocols));
  return causes;
}

function subsetCauses(subset: Json, at: string): FieldCause[] {
  const causes =
    some(subset.addresses) || some(subset.notReadyAddresses)
      ? []
      : [required(at, 'must specify `addresses` or `notReadyAddresses`')];
  const ports = objectsIn(subset.ports);
  ports.forEach((port, index) => causes.push(...portCauses(port, ports.length > 1, `${at}.ports[${String(index)}]`)));
  return causes;
}

export function validateEndpoints(object: KubeObject, live: KubeObject | undefined): FieldCause[] {
  const causes = objectsIn(object.subsets).flatMap((subset, index) =>
    subsetCauses(subset, `subsets[${String(index)}]`),
  );
  // Subsets stored before a rule existed stay valid while they are left unchanged.
  if (causes.length > 0 && live && sameJson(object.subsets ?? null, live.subsets ?? null)) return [];
  return causes;
}
