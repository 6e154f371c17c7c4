// Node ports as kube-apiserver's Service storage allocates them: requested ones reserved
// (a 422 outside 30000-32767 or when taken), the others picked at random (compared as "in
// range"), kept when an update leaves them out, a health-check port for a Local
// LoadBalancer, none for a LoadBalancer that allocates none.
import { type ConformanceCase, mergePatch } from '../conformance-case.ts';

const services = '/api/v1/namespaces/default/services';

const service = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, labels: { case: 'node-ports' } },
  spec: { clusterIP: 'None', ...spec },
});

/** Allocated values are random: each becomes whether it is in the range (a cluster IP, "ip"). */
function allocatedInRange(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allocatedInRange);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if ((key === 'nodePort' || key === 'healthCheckNodePort') && typeof value === 'number')
        return [key, value >= 30000 && value <= 32767 ? 'in range' : value];
      if (key === 'clusterIP' || key === 'clusterIPs') return [key, 'ip'];
      return [key, allocatedInRange(value)];
    }),
  );
}

export const nodePortCases: ConformanceCase[] = [
  {
    name: 'cluster IPs: a requested one outside 10.0.0.0/24, or taken, refused with the allocator 422',
    steps: [
      () => ({
        method: 'POST',
        path: services,
        body: service('ip-held', { clusterIP: '10.0.0.211', ports: [{ port: 80 }] }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('ip-taken', { clusterIP: '10.0.0.211', ports: [{ port: 80 }] }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('ip-outside', { clusterIP: '10.1.0.5', ports: [{ port: 80 }] }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('ip-broadcast', { clusterIP: '10.0.0.255', clusterIPs: ['10.0.0.255'], ports: [{ port: 80 }] }),
      }),
      () => ({ method: 'DELETE', path: `${services}/ip-held` }),
    ],
  },
  {
    name: 'node ports: a requested one reserved, taken or out of range refused, kept by an update that leaves it out',
    steps: [
      () => ({
        method: 'POST',
        path: services,
        body: service('np-fixed', {
          clusterIP: '',
          type: 'NodePort',
          ports: [{ name: 'web', port: 80, nodePort: 30555 }],
        }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('np-taken', { clusterIP: '', type: 'NodePort', ports: [{ port: 81, nodePort: 30555 }] }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('np-low', { clusterIP: '', type: 'NodePort', ports: [{ port: 82, nodePort: 80 }] }),
      }),
      () => ({
        method: 'PATCH',
        path: `${services}/np-fixed`,
        headers: mergePatch,
        body: { spec: { ports: [{ name: 'web', port: 8080 }] } },
      }),
      () => ({ method: 'DELETE', path: `${services}/np-fixed` }),
    ],
    select: allocatedInRange,
  },
  {
    name: 'node ports: allocated for each port (one for a shared port number), a Local LoadBalancer health check, none when not allocated',
    select: allocatedInRange,
    steps: [
      () => ({
        method: 'POST',
        path: services,
        body: service('np-any', {
          clusterIP: '',
          type: 'NodePort',
          ports: [
            { name: 'tcp', port: 53, protocol: 'TCP' },
            { name: 'udp', port: 53, protocol: 'UDP' },
            { name: 'web', port: 80 },
          ],
        }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('np-local', {
          clusterIP: '',
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Local',
          ports: [{ port: 443 }],
        }),
      }),
      () => ({
        method: 'POST',
        path: services,
        body: service('np-none', {
          clusterIP: '',
          type: 'LoadBalancer',
          allocateLoadBalancerNodePorts: false,
          ports: [{ port: 443 }],
        }),
      }),
      () => ({
        method: 'PATCH',
        path: `${services}/np-none`,
        headers: mergePatch,
        body: { spec: { type: 'NodePort' } },
      }),
      () => ({ method: 'DELETE', path: `${services}?labelSelector=case%3Dnode-ports` }),
    ],
  },
];
