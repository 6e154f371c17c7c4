// core/v1 Services: kube-apiserver v1.36.3's defaults (SetDefaults_Service), and what its
// Service REST allocates on create, after field ownership is recorded: a cluster IP from
// 10.0.0.0/24 (kube-apiserver's default range, 10.0.0.1 left to the `kubernetes` Service
// it creates) and the IP families. A requested cluster IP is taken as it is (not checked
// against the range or other Services), and NodePorts are not allocated.
import { invalid } from '../http/status.ts';
import { dropTypeDependentFields } from './service-type-change.ts';
import { allocateNodePorts, updateNodePorts } from './service-node-ports.ts';
import { serviceWarnings } from '../warnings/kind-warnings.ts';
import { randomInt } from 'node:crypto';
import type { KubeObject } from '../../../core/object.ts';
import type { ResourceType } from '../resource-type.ts';
import { validateService } from './validate-service.ts';
import { standardVerbs } from './verbs.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const specOf = (object: KubeObject): Json => (isObject(object.spec) ? object.spec : (object.spec = {}));

function defaultService(object: KubeObject): void {
  const spec = specOf(object);
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = isObject(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : {};
    const clientIP = isObject(config.clientIP) ? config.clientIP : {};
    if (clientIP.timeoutSeconds == null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of Array.isArray(spec.ports) ? (spec.ports as unknown[]) : []) {
    if (!isObject(port)) continue;
    port.protocol ||= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs.length : 0;
  const exposed =
    spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && externalIPs > 0);
  if (exposed) spec.externalTrafficPolicy ||= 'Cluster';
  if (['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type as string)) spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

/** A free address of 10.0.0.2 to 10.0.0.254, at random as kube-apiserver's allocator picks. */
function freeClusterIP(stored: () => readonly KubeObject[]): string {
  const used = new Set(stored().map((service) => (isObject(service.spec) ? service.spec.clusterIP : undefined)));
  const free = Array.from({ length: 253 }, (_, index) => `10.0.0.${String(index + 2)}`).filter((ip) => !used.has(ip));
  const ip = free[randomInt(free.length || 1)];
  if (ip === undefined) throw new RangeError('no cluster IP left in 10.0.0.0/24');
  return ip;
}

/** A requested cluster IP must be in 10.0.0.0/24 (network and broadcast addresses excluded) and free. */
function reserveClusterIP(object: KubeObject, ip: string, stored: () => readonly KubeObject[]): void {
  const match = /^10\.0\.0\.(\d{1,3})$/.exec(ip);
  const host = match ? Number(match[1]) : -1;
  const taken = stored().some((service) => isObject(service.spec) && service.spec.clusterIP === ip);
  const problem =
    host < 1 || host > 254
      ? 'the provided network does not match the current range' // the MultiCIDR allocator's words
      : taken
        ? 'provided IP is already allocated'
        : undefined;
  if (problem === undefined) return;
  const requested = Array.isArray(specOf(object).clusterIPs) ? specOf(object).clusterIPs : [ip];
  const message = `Invalid value: ${JSON.stringify(requested)}: failed to allocate IP ${ip}: ${problem}`;
  throw invalid(services, object.metadata?.name ?? '', [
    { reason: 'FieldValueInvalid', message, field: 'spec.clusterIPs' },
  ]);
}

/** The Service REST's create: IP families and cluster IPs, none for an ExternalName Service. */
function allocate(object: KubeObject, stored: () => readonly KubeObject[]): void {
  const spec = specOf(object);
  if (spec.type === 'ExternalName') return;
  const headless = spec.clusterIP === 'None';
  const selector = isObject(spec.selector) ? Object.keys(spec.selector).length : 0;
  if (headless && selector === 0) {
    spec.ipFamilyPolicy ??= 'RequireDualStack';
    spec.ipFamilies ??= ['IPv4', 'IPv6'];
  } else {
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.ipFamilies ??= ['IPv4'];
  }
  if (typeof spec.clusterIP !== 'string' || spec.clusterIP === '') spec.clusterIP = freeClusterIP(stored);
  else if (!headless) reserveClusterIP(object, spec.clusterIP, stored);
  spec.clusterIPs ??= [spec.clusterIP];
  allocateNodePorts(services, object, stored());
}

/** An update keeps what was allocated when the request leaves it out (patchAllocatedValues). */
function keepAllocated(object: KubeObject, live: KubeObject, stored: () => readonly KubeObject[]): void {
  // After field ownership is recorded: kube-apiserver's field manager sees the request as sent.
  dropTypeDependentFields(object, live);
  updateNodePorts(services, object, live, stored());
  const spec = specOf(object);
  const old = isObject(live.spec) ? live.spec : {};
  for (const key of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) {
    if ((spec[key] === undefined || spec[key] === '') && old[key] !== undefined) spec[key] = structuredClone(old[key]);
  }
}

export const services: ResourceType = {
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  namespaced: true,
  shortNames: ['svc'],
  verbs: standardVerbs,
  unconditionalUpdate: true,
  generation: 'none',
  statusSubresource: true,
  warningsOnWrite: serviceWarnings,
  statusOnCreate: {},
  prepareStatusUpdate: (object, live) => {
    if (live.spec === undefined) Reflect.deleteProperty(object, 'spec');
    else object.spec = structuredClone(live.spec);
  },
  prepareForUpdate: keepAllocated,
  // pkg/registry/core/service/storage sets ReturnDeletedObject.
  returnDeletedObject: true,
  categories: ['all'],
  applyDefaults: defaultService,
  admitOnCreate: allocate,
  validate: validateService,
};
