// apiregistration.k8s.io/v1 APIServices as kube-aggregator v0.36.3 stores them
// (pkg/registry/apiservice: the strategy, its status strategy, the validation of
// pkg/apis/apiregistration/validation). Stored only: nothing is proxied, no availability
// controller checks a service, and an APIService adds no group to discovery.
import type { KubeObject } from '../../../core/object.ts';
import { dns1035LabelErrors, dnsSubdomainErrors } from '../../../core/names.ts';
import { timestamp } from '../clock.ts';
import type { Cause } from '../http/status.ts';
import { invalidValue, required } from '../handlers/validate.ts';
import type { ResourceType } from '../resource-type.ts';
import { objectAt } from './object-at.ts';
import { standardVerbs } from './verbs.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const numberOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** The condition PrepareForCreate gives an APIService served by kube-apiserver itself. */
export const localAvailable = (time: string): Json => ({
  type: 'Available',
  status: 'True',
  lastTransitionTime: time,
  reason: 'Local',
  message: 'Local APIServices are always available',
});

/** SetDefaults_ServiceReference: port 443. */
function defaultAPIService(object: KubeObject): void {
  const spec = objectAt(object, 'spec');
  if (isObject(spec.service)) spec.service.port ??= 443;
}

/** PrepareForCreate: status starts empty, a local APIService (no spec.service) Available. */
function prepareCreate(object: KubeObject, live: KubeObject | undefined): void {
  if (live) return;
  object.status =
    isObject(object.spec) && isObject(object.spec.service) ? {} : { conditions: [localAvailable(timestamp())] };
}

/** The status strategy keeps spec, labels, annotations, finalizers and ownerReferences. */
function prepareStatusUpdate(object: KubeObject, live: KubeObject): void {
  if (live.spec === undefined) delete object.spec;
  else object.spec = structuredClone(live.spec);
  const metadata = (object.metadata ??= {}) as Json;
  const old = (live.metadata ?? {}) as Json;
  for (const key of ['labels', 'annotations', 'finalizers', 'ownerReferences']) {
    if (old[key] === undefined) Reflect.deleteProperty(metadata, key);
    else metadata[key] = structuredClone(old[key]);
  }
}

/** The name rule: a path segment, and exactly `spec.version + "." + spec.group`. */
function apiServiceNameErrors(name: string, object: KubeObject): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const segmentErrors = ['/', '%'].filter((bad) => name.includes(bad)).map((bad) => `may not contain '${bad}'`);
  if (segmentErrors.length > 0) return segmentErrors;
  const spec = isObject(object.spec) ? object.spec : {};
  const requiredName = `${text(spec.version)}.${text(spec.group)}`;
  return name === requiredName ? [] : [`must be \`spec.version+"."+spec.group\`: ${JSON.stringify(requiredName)}`];
}

/** ValidateAPIService beyond metadata, in its order. */
function validateAPIService(object: KubeObject): Cause[] {
  const spec = isObject(object.spec) ? object.spec : {};
  const causes: Cause[] = [];
  const group = text(spec.group);
  const version = text(spec.version);
  if (group === '' && version !== 'v1')
    causes.push(required('spec.group', 'only v1 may have an empty group and it better be legacy kube'));
  if (group !== '')
    for (const detail of dnsSubdomainErrors(group)) causes.push(invalidValue('spec.group', group, detail));
  for (const detail of dns1035LabelErrors(version)) causes.push(invalidValue('spec.version', version, detail));
  const groupPriority = numberOf(spec.groupPriorityMinimum);
  if (groupPriority <= 0 || groupPriority > 20000)
    causes.push(invalidValue('spec.groupPriorityMinimum', groupPriority, 'must be positive and less than 20000'));
  const versionPriority = numberOf(spec.versionPriority);
  if (versionPriority <= 0 || versionPriority > 1000)
    causes.push(invalidValue('spec.versionPriority', versionPriority, 'must be positive and less than 1000'));
  return [...causes, ...serviceCauses(spec)];
}

/** A local APIService may not carry TLS settings; a service reference needs a name, namespace and port. */
function serviceCauses(spec: Json): Cause[] {
  const causes: Cause[] = [];
  const caBundle = text(spec.caBundle);
  const skipVerify = spec.insecureSkipTLSVerify === true;
  if (!isObject(spec.service)) {
    if (caBundle !== '') {
      const size = Buffer.from(caBundle, 'base64').length;
      causes.push(invalidValue('spec.caBundle', `${String(size)} bytes`, 'local APIServices may not have a caBundle'));
    }
    if (skipVerify)
      causes.push(
        invalidValue('spec.insecureSkipTLSVerify', true, 'local APIServices may not have insecureSkipTLSVerify'),
      );
    return causes;
  }
  const { service } = spec;
  if (text(service.namespace) === '') causes.push(required('spec.service.namespace', ''));
  if (text(service.name) === '') causes.push(required('spec.service.name', ''));
  const port = numberOf(service.port);
  if (port < 1 || port > 65535)
    causes.push(invalidValue('spec.service.port', port, 'port is not valid: must be between 1 and 65535, inclusive'));
  if (skipVerify && caBundle !== '')
    causes.push(invalidValue('spec.insecureSkipTLSVerify', true, 'may not be true if caBundle is present'));
  return causes;
}

export const apiServices: ResourceType = {
  group: 'apiregistration.k8s.io',
  version: 'v1',
  kind: 'APIService',
  plural: 'apiservices',
  singular: 'apiservice',
  namespaced: false,
  shortNames: [],
  verbs: standardVerbs,
  categories: ['api-extensions'],
  unconditionalUpdate: false,
  generation: 'none',
  statusSubresource: true,
  statusOnCreate: {},
  applyDefaults: defaultAPIService,
  prepareWrite: prepareCreate,
  prepareStatusUpdate,
  nameErrors: apiServiceNameErrors,
  validate: validateAPIService,
};
