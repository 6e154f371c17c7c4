// What a Service update that changes its type wipes, as kube-apiserver's strategy does
// (dropTypeDependentFields): values the old type needed, maybe allocated, that the new
// type does not, unless the request also changed them (then validation speaks).
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../../core/object.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const specOf = (object: KubeObject): Json => (isObject(object.spec) ? object.spec : {});

const needsClusterIP = (spec: Json) => spec.type !== 'ExternalName';
const needsNodePort = (spec: Json) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
const needsHealthCheck = (spec: Json) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
const externallyAccessible = (spec: Json) =>
  spec.type === 'NodePort' ||
  spec.type === 'LoadBalancer' ||
  (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);

const nodePorts = (spec: Json): Set<unknown> =>
  new Set(
    (Array.isArray(spec.ports) ? spec.ports : [])
      .map((port: unknown) => (isObject(port) ? port.nodePort : 0))
      .filter(Boolean),
  );
const same = (spec: Json, old: Json, key: string) => isDeepStrictEqual(spec[key], old[key]);

export function dropTypeDependentFields(service: KubeObject, live: KubeObject): void {
  const [spec, old] = [specOf(service), specOf(live)];
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (same(spec, old, 'clusterIP') && same(spec, old, 'clusterIPs'))
      [spec.clusterIP, spec.clusterIPs] = [undefined, undefined];
    if (same(spec, old, 'ipFamilies')) spec.ipFamilies = undefined;
    if (same(spec, old, 'ipFamilyPolicy')) spec.ipFamilyPolicy = undefined;
  }
  if (needsNodePort(old) && !needsNodePort(spec) && isDeepStrictEqual(nodePorts(spec), nodePorts(old))) {
    for (const port of Array.isArray(spec.ports) ? spec.ports : []) if (isObject(port)) delete port.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(spec) && same(spec, old, 'healthCheckNodePort'))
    delete spec.healthCheckNodePort;
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    const both = spec.allocateLoadBalancerNodePorts !== undefined && old.allocateLoadBalancerNodePorts !== undefined;
    if (both && same(spec, old, 'allocateLoadBalancerNodePorts')) delete spec.allocateLoadBalancerNodePorts;
    if (same(spec, old, 'loadBalancerClass')) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && same(spec, old, 'externalTrafficPolicy')) {
    delete spec.externalTrafficPolicy;
  }
  for (const key of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'])
    if (spec[key] === undefined) Reflect.deleteProperty(spec, key);
  if (spec.type !== 'LoadBalancer' && isObject(service.status)) service.status.loadBalancer = {};
}
