// The node ports kube-apiserver's Service storage allocates from 30000-32767 (its default
// --service-node-port-range): one per port of a NodePort Service, or of a LoadBalancer one
// that allocates them; the same for ports sharing a port number; a health-check port for
// a LoadBalancer with externalTrafficPolicy Local. A requested port outside the range or
// already taken is a 422; an update keeps the ports a request leaves out.
import { randomInt } from 'node:crypto';
import type { KubeObject } from '../../../core/object.ts';
import { invalid } from '../http/status.ts';
import type { ResourceType } from '../resource-type.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const specOf = (object: KubeObject): Json => (isObject(object.spec) ? object.spec : {});
const portsOf = (object: KubeObject): Json[] => {
  const ports = specOf(object).ports;
  return Array.isArray(ports) ? ports.filter(isObject) : [];
};
const nodePortOf = (port: Json): number => (typeof port.nodePort === 'number' ? port.nodePort : 0);

const first = 30000;
const last = 32767;
const outOfRange = `provided port is not in the valid range. The range of valid ports is ${String(first)}-${String(last)}`;
const taken = 'provided port is already allocated';

/** What a Service needs: node ports at all, new ones for ports without, a health-check port. */
const needsNodePorts = (spec: Json) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
const allocatesNodePorts = (spec: Json) =>
  spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
const needsHealthCheck = (spec: Json) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

/** The node ports every other stored Service holds. */
function portsInUse(stored: readonly KubeObject[], self: KubeObject): Set<number> {
  const used = new Set<number>();
  for (const service of stored) {
    if (service.metadata?.uid !== undefined && service.metadata.uid === self.metadata?.uid) continue;
    for (const port of portsOf(service)) if (nodePortOf(port) !== 0) used.add(nodePortOf(port));
    const health = specOf(service).healthCheckNodePort;
    if (typeof health === 'number' && health !== 0) used.add(health);
  }
  return used;
}

class PortAllocation {
  readonly #used: Set<number>;
  readonly #type: ResourceType;
  readonly #name: string;

  constructor(used: Set<number>, type: ResourceType, name: string) {
    [this.#used, this.#type, this.#name] = [used, type, name];
  }

  /** Reserves a requested port, or answers the 422 naming `field`. */
  take(port: number, field: string): void {
    const problem = port < first || port > last ? outOfRange : this.#used.has(port) ? taken : undefined;
    if (problem !== undefined) {
      const message = `Invalid value: ${String(port)}: ${problem}`;
      throw invalid(this.#type, this.#name, [{ reason: 'FieldValueInvalid', message, field }]);
    }
    this.#used.add(port);
  }

  /** A free port, at random as kube-apiserver's allocator picks one. */
  next(): number {
    const free = last - first + 1 - [...this.#used].filter((port) => port >= first && port <= last).length;
    if (free <= 0) throw new RangeError(`no node port left in ${String(first)}-${String(last)}`);
    for (;;) {
      const port = first + randomInt(last - first + 1);
      if (!this.#used.has(port)) {
        this.#used.add(port);
        return port;
      }
    }
  }
}

/** On create: every port's node port, requested or allocated, and the health-check port. */
export function allocateNodePorts(type: ResourceType, service: KubeObject, stored: readonly KubeObject[]): void {
  const spec = specOf(service);
  const allocation = new PortAllocation(portsInUse(stored, service), type, service.metadata?.name ?? '');
  if (needsNodePorts(spec)) {
    const byPortNumber = new Map<unknown, number>();
    const ports = portsOf(service);
    ports.forEach((port, i) => {
      if (nodePortOf(port) === 0 && !allocatesNodePorts(spec)) return;
      const shared = byPortNumber.get(port.port);
      if (shared === undefined) {
        const requested = nodePortOf(ports.find((other) => other.port === port.port && nodePortOf(other) !== 0) ?? {});
        if (requested !== 0) allocation.take(requested, `spec.ports[${String(i)}].nodePort`);
        port.nodePort = requested !== 0 ? requested : allocation.next();
        byPortNumber.set(port.port, nodePortOf(port));
      } else if (nodePortOf(port) === 0) port.nodePort = shared;
      else if (nodePortOf(port) !== shared) allocation.take(nodePortOf(port), `spec.ports[${String(i)}].nodePort`);
    });
  }
  if (needsHealthCheck(spec)) allocateHealthCheck(spec, allocation);
}

function allocateHealthCheck(spec: Json, allocation: PortAllocation): void {
  const requested = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : 0;
  if (requested !== 0) allocation.take(requested, 'spec.healthCheckNodePort');
  else spec.healthCheckNodePort = allocation.next();
}

/**
 * On update: ports a request leaves out keep their node port, matched by port name
 * (patchAllocatedValues); new ports of a NodePort or LoadBalancer Service get one.
 */
export function updateNodePorts(
  type: ResourceType,
  service: KubeObject,
  live: KubeObject,
  stored: readonly KubeObject[],
): void {
  const [spec, old] = [specOf(service), specOf(live)];
  if (!needsNodePorts(spec)) return;
  const ports = portsOf(service);
  if (needsNodePorts(old)) {
    const inBoth = new Set(
      portsOf(live)
        .map(nodePortOf)
        .filter((port) => ports.some((p) => nodePortOf(p) === port)),
    );
    const byName = new Map(portsOf(live).map((port) => [port.name ?? '', nodePortOf(port)]));
    for (const port of ports) {
      const previous = byName.get(port.name ?? '') ?? 0;
      if (nodePortOf(port) === 0 && previous !== 0 && !inBoth.has(previous)) port.nodePort = previous;
    }
  }
  const kept = new Set(portsOf(live).map(nodePortOf));
  const allocation = new PortAllocation(portsInUse(stored, service), type, service.metadata?.name ?? '');
  ports.forEach((port, i) => {
    if (nodePortOf(port) === 0 && !allocatesNodePorts(spec)) return;
    if (nodePortOf(port) === 0) port.nodePort = allocation.next();
    else if (!kept.has(nodePortOf(port))) {
      allocation.take(nodePortOf(port), `spec.ports[${String(i)}].nodePort`);
      kept.add(nodePortOf(port));
    }
  });
  if (needsHealthCheck(spec) && !needsHealthCheck(old)) allocateHealthCheck(spec, allocation);
  else if (needsHealthCheck(spec) && spec.healthCheckNodePort === undefined)
    spec.healthCheckNodePort = old.healthCheckNodePort;
}
