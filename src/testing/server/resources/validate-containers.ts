// What kube-apiserver v1.36.3's validateContainers refuses of a pod spec's containers that
// people get wrong, in its order: no containers, a container without a name (or one that is
// not a DNS-1123 label) or without an image, an unknown terminationMessagePolicy, ports
// (name, containerPort, hostPort, protocol), env vars without a name, an unknown
// imagePullPolicy, and a name used twice. Not checked: env var name syntax and valueFrom,
// volume mounts, resources, probes, lifecycle, security contexts, init containers.
import { dnsLabelErrors } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { duplicate, notSupported } from './field-causes.ts';
import { portNameErrors } from './port-name.ts';
import { type Json, number, objectsIn, text } from './json-fields.ts';

const outOfRange = 'must be between 1 and 65535, inclusive';
const inRange = (port: number): boolean => port >= 1 && port <= 65535;
const protocols = ['SCTP', 'TCP', 'UDP'];

/** A value that must be one of `supported` (Required when empty). */
function oneOf(value: unknown, supported: readonly string[], field: string): FieldCause[] {
  const chosen = text(value);
  if (chosen === '') return [required(field, '')];
  return supported.includes(chosen) ? [] : [notSupported(field, chosen, supported)];
}

function portCauses(ports: Json[], at: string): FieldCause[] {
  const names = new Set<string>();
  return ports.flatMap((port, index) => {
    const field = `${at}[${String(index)}]`;
    const causes: FieldCause[] = [];
    const name = text(port.name);
    const nameErrors = name === '' ? [] : portNameErrors(name);
    causes.push(...nameErrors.map((detail) => invalidValue(`${field}.name`, name, detail)));
    if (name !== '' && nameErrors.length === 0) {
      if (names.has(name)) causes.push(duplicate(`${field}.name`, name));
      names.add(name);
    }
    const containerPort = number(port.containerPort);
    if (containerPort === 0) causes.push(required(`${field}.containerPort`, ''));
    else if (!inRange(containerPort)) causes.push(invalidValue(`${field}.containerPort`, containerPort, outOfRange));
    const hostPort = number(port.hostPort);
    if (hostPort !== 0 && !inRange(hostPort)) causes.push(invalidValue(`${field}.hostPort`, hostPort, outOfRange));
    return [...causes, ...oneOf(port.protocol, protocols, `${field}.protocol`)];
  });
}

function containerCauses(container: Json, at: string): FieldCause[] {
  const name = text(container.name);
  const causes =
    name === ''
      ? [required(`${at}.name`, '')]
      : dnsLabelErrors(name).map((detail) => invalidValue(`${at}.name`, name, detail));
  if (text(container.image) === '') causes.push(required(`${at}.image`, ''));
  causes.push(
    ...oneOf(container.terminationMessagePolicy, ['File', 'FallbackToLogsOnError'], `${at}.terminationMessagePolicy`),
    ...portCauses(objectsIn(container.ports), `${at}.ports`),
    ...objectsIn(container.env).flatMap((variable, index) =>
      text(variable.name) === '' ? [required(`${at}.env[${String(index)}].name`, '')] : [],
    ),
    ...oneOf(container.imagePullPolicy, ['Always', 'IfNotPresent', 'Never'], `${at}.imagePullPolicy`),
  );
  return causes;
}

/** The causes of a pod spec's `containers` (after defaulting), at `path` (`spec.containers`). */
export function containersCauses(containers: unknown, path: string): FieldCause[] {
  const list = objectsIn(containers);
  if (list.length === 0) return [required(path, '')];
  const names = new Set<string>();
  return list.flatMap((container, index) => {
    const at = `${path}[${String(index)}]`;
    const name = text(container.name);
    const causes = containerCauses(container, at);
    if (names.has(name)) causes.push(duplicate(`${at}.name`, name));
    names.add(name);
    return causes;
  });
}
