import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { StatusError } from '../http/status.ts';
import { allocateNodePorts, updateNodePorts } from './service-node-ports.ts';
import { services } from './service-type.ts';

// The conformance suite compares these allocations with kube-apiserver's (cases/node-ports.ts).
type Port = { port: number; nodePort?: number; name?: string };
const service = (type: string, ports: Port[], extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 's', uid: 'u1' },
  spec: { type, ports, ...extra },
});
const portsOf = (object: KubeObject) => (object.spec as { ports: Port[] }).ports;
const inRange = (port: number | undefined) => port !== undefined && port >= 30000 && port <= 32767;

describe('node ports', () => {
  it('allocates one per port number in the range, avoiding those other Services hold', () => {
    const other = service('NodePort', [{ port: 1, nodePort: 30000 }]);
    other.metadata = { name: 'o', uid: 'u2' };
    const created = service('NodePort', [{ port: 53 }, { port: 53 }, { port: 80 }]);
    allocateNodePorts(services, created, [other]);
    const [a, b, c] = portsOf(created).map((port) => port.nodePort);
    assert.ok(inRange(a) && inRange(c) && a !== c && a !== 30000 && c !== 30000);
    assert.equal(b, a);
  });

  it('refuses a requested port outside the range or held by another Service, with the 422 naming it', () => {
    const holder = service('NodePort', [{ port: 1, nodePort: 30555 }]);
    holder.metadata = { name: 'h', uid: 'u3' };
    assert.throws(
      () => {
        allocateNodePorts(services, service('NodePort', [{ port: 80, nodePort: 30555 }]), [holder]);
      },
      (error: unknown) => error instanceof StatusError && error.message.includes('provided port is already allocated'),
    );
    assert.throws(
      () => {
        allocateNodePorts(services, service('NodePort', [{ port: 80, nodePort: 80 }]), []);
      },
      (error: unknown) =>
        error instanceof StatusError && error.message.includes('The range of valid ports is 30000-32767'),
    );
  });

  it('gives none to a LoadBalancer that allocates none, and a health-check port to a Local one', () => {
    const none = service('LoadBalancer', [{ port: 443 }], { allocateLoadBalancerNodePorts: false });
    allocateNodePorts(services, none, []);
    assert.equal(portsOf(none)[0]?.nodePort, undefined);
    const local = service('LoadBalancer', [{ port: 443 }], { externalTrafficPolicy: 'Local' });
    allocateNodePorts(services, local, []);
    assert.ok(inRange((local.spec as { healthCheckNodePort?: number }).healthCheckNodePort));
  });

  it('keeps, by port name, the node port an update leaves out', () => {
    const live = service('NodePort', [{ name: 'web', port: 80, nodePort: 30123 }]);
    const updated = service('NodePort', [{ name: 'web', port: 8080 }]);
    updateNodePorts(services, updated, live, [live]);
    assert.equal(portsOf(updated)[0]?.nodePort, 30123);
  });
});
