// What kube-apiserver v1.36.3 (pkg/apis/networking/validation) refuses of an Ingress's
// rules, in its order: no rules and no default backend, a host that is an IP or not a DNS
// name, a rule without paths, a path without a known pathType or not absolute, with `//`,
// `/./`, `/../` or an encoded slash, or ending in `/.` or `/..`; a backend without a service
// or a port. Not checked: resource backends, TLS, ingressClassName.
import { isIP } from 'node:net';
import type { KubeObject } from '../../../core/object.ts';
import { dnsLabelErrors, dnsSubdomainErrors, regexError } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import { notSupported } from './field-causes.ts';
import { portNameErrors } from './port-name.ts';
import { type Json, isObject, objectsIn, text } from './json-fields.ts';

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'];
const badSequences = ['//', '/./', '/../', '%2f', '%2F'];
const badSuffixes = ['/..', '/.'];

const wildcardFormat = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const wildcardMessage =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";

function hostCauses(host: string, field: string): FieldCause[] {
  if (host === '') return [];
  const causes: FieldCause[] = [];
  if (isIP(host) !== 0) causes.push(invalidValue(field, host, 'must be a DNS name, not an IP address'));
  const errors = host.includes('*') ? wildcardErrors(host) : dnsSubdomainErrors(host);
  return [...causes, ...errors.map((detail) => invalidValue(field, host, detail))];
}

function wildcardErrors(host: string): string[] {
  const errors = host.length > 253 ? ['must be no more than 253 characters'] : [];
  if (!new RegExp(`^${wildcardFormat}$`).test(host))
    errors.push(regexError(wildcardMessage, wildcardFormat, '*.example.com'));
  return errors;
}

function pathValueCauses(path: string, type: string, field: string): FieldCause[] {
  if (type === 'ImplementationSpecific')
    return path !== '' && !path.startsWith('/') ? [invalidValue(field, path, 'must be an absolute path')] : [];
  const causes = path.startsWith('/') ? [] : [invalidValue(field, path, 'must be an absolute path')];
  if (path === '') return causes;
  for (const sequence of badSequences)
    if (path.includes(sequence)) causes.push(invalidValue(field, path, `must not contain '${sequence}'`));
  for (const suffix of badSuffixes)
    if (path.endsWith(suffix)) causes.push(invalidValue(field, path, `cannot end with '${suffix}'`));
  return causes;
}

function serviceBackendCauses(service: Json, at: string): FieldCause[] {
  const name = text(service.name);
  const causes =
    name === ''
      ? [required(`${at}.service.name`, '')]
      : dnsLabelErrors(name).map((detail) => invalidValue(`${at}.service.name`, name, detail));
  const port = isObject(service.port) ? service.port : {};
  const portName = text(port.name);
  const portNumber = typeof port.number === 'number' ? port.number : 0;
  if (portName !== '' && portNumber !== 0) causes.push(invalidValue(at, '', 'cannot set both port name & port number'));
  else if (portName !== '')
    causes.push(...portNameErrors(portName).map((detail) => invalidValue(`${at}.service.port.name`, portName, detail)));
  else if (portNumber !== 0) {
    if (portNumber < 1 || portNumber > 65535)
      causes.push(invalidValue(`${at}.service.port.number`, portNumber, 'must be between 1 and 65535, inclusive'));
  } else causes.push(required(at, 'port name or number is required'));
  return causes;
}

function backendCauses(backend: unknown, at: string): FieldCause[] {
  const { resource, service } = isObject(backend) ? backend : {};
  if (isObject(resource) && isObject(service))
    return [invalidValue(at, '', 'cannot set both resource and service backends')];
  if (isObject(resource)) return [];
  if (isObject(service)) return serviceBackendCauses(service, at);
  return [invalidValue(at, '', 'resource or service backend is required')];
}

function ingressPathCauses(path: Json, at: string): FieldCause[] {
  if (path.pathType == null) return [required(`${at}.pathType`, 'pathType must be specified')];
  const type = text(path.pathType);
  const causes = pathTypes.includes(type)
    ? pathValueCauses(text(path.path), type, `${at}.path`)
    : [notSupported(`${at}.pathType`, path.pathType, pathTypes)];
  return [...causes, ...backendCauses(path.backend, `${at}.backend`)];
}

function ruleCauses(rule: Json, at: string): FieldCause[] {
  const causes = hostCauses(text(rule.host), `${at}.host`);
  if (!isObject(rule.http)) return causes;
  const paths = objectsIn(rule.http.paths);
  if (paths.length === 0) causes.push(required(`${at}.http.paths`, ''));
  paths.forEach((path, index) => causes.push(...ingressPathCauses(path, `${at}.http.paths[${String(index)}]`)));
  return causes;
}

export function validateIngress(object: KubeObject): FieldCause[] {
  const spec = isObject(object.spec) ? object.spec : {};
  const rules = objectsIn(spec.rules);
  const causes: FieldCause[] = [];
  if (rules.length === 0 && !isObject(spec.defaultBackend))
    causes.push(invalidValue('spec', spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'));
  if (isObject(spec.defaultBackend)) causes.push(...backendCauses(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, index) => causes.push(...ruleCauses(rule, `spec.rules[${String(index)}]`)));
  return causes;
}
