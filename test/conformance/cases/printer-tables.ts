// Services, PersistentVolumeClaims and Events as Tables (kubectl get svc, pvc, events -o
// wide): objects whose cells take each form their printers give them, beyond what the
// builtin rounds' single objects show. Each list is asked with includeObject=None so the
// rows compare as cells.
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, mergePatch } from '../conformance-case.ts';

type Json = Record<string, unknown>;
const tableAccept = { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
const core = '/api/v1/namespaces/default';
const services = `${core}/services`;
const claims = `${core}/persistentvolumeclaims`;
const events = `${core}/events`;

const post =
  (collection: string, kind: string, label: string, name: string, fields: Json, metadata: Json = {}): Step =>
  () => ({
    method: 'POST',
    path: collection,
    body: { apiVersion: 'v1', kind, metadata: { name, labels: { case: label }, ...metadata }, ...fields },
  });
const listTable =
  (collection: string, label: string): Step =>
  () => ({
    method: 'GET',
    path: `${collection}?labelSelector=case%3D${label}&includeObject=None`,
    headers: tableAccept,
  });
const patch =
  (path: string, body: Json): Step =>
  () => ({ method: 'PATCH', path, headers: mergePatch, body });

const service = (name: string, spec: Json) => post(services, 'Service', 'service-tables', name, { spec });
const claim = (name: string, spec: Json, metadata: Json = {}) =>
  post(claims, 'PersistentVolumeClaim', 'claim-tables', name, { spec }, metadata);
const event = (name: string, fields: Json) => post(events, 'Event', 'event-tables', name, fields);

const claimSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };

export const printerTableCases: ConformanceCase[] = [
  {
    name: 'service tables: node ports, external IPs, a pending and a ready load balancer, no ports, the selector',
    steps: [
      service('table-nodeport', {
        type: 'NodePort',
        clusterIP: '10.0.0.201',
        externalIPs: ['192.0.2.10', '192.0.2.9'],
        selector: { tier: 'front', app: 'web' },
        ports: [
          { name: 'http', port: 80, nodePort: 30080 },
          { name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 },
        ],
      }),
      service('table-balancer', {
        type: 'LoadBalancer',
        clusterIP: '10.0.0.202',
        allocateLoadBalancerNodePorts: false,
        ports: [{ port: 443, targetPort: 8443 }],
      }),
      service('table-ready-balancer', {
        type: 'LoadBalancer',
        clusterIP: '10.0.0.203',
        allocateLoadBalancerNodePorts: false,
        externalIPs: ['192.0.2.1'],
        ports: [{ port: 80, protocol: 'SCTP' }],
      }),
      listTable(services, 'service-tables'),
      patch(`${services}/table-ready-balancer/status`, {
        status: {
          loadBalancer: {
            ingress: [
              { hostname: 'lb.example.com' },
              { ip: '203.0.113.9', ipMode: 'VIP' },
              { ip: '198.51.100.3', ipMode: 'Proxy' },
              { ip: '203.0.113.9', ipMode: 'VIP' },
            ],
          },
        },
      }),
      service('table-no-ports', { clusterIP: 'None' }),
      listTable(services, 'service-tables'),
    ],
  },
  {
    name: 'claim tables: bound (capacity, access modes, beta class, volume mode, attributes class), bound without capacity, terminating',
    steps: [
      claim('table-bound', {
        ...claimSpec,
        accessModes: ['ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOnce'],
        storageClassName: 'fast',
        volumeName: 'pv-bound',
        volumeMode: 'Block',
        volumeAttributesClassName: 'gold',
      }),
      patch(`${claims}/table-bound/status`, {
        status: {
          phase: 'Bound',
          accessModes: ['ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteMany', 'ReadOnlyMany'],
          capacity: { storage: '2Gi' },
        },
      }),
      claim(
        'table-no-capacity',
        { ...claimSpec, volumeName: 'pv-empty' },
        { annotations: { 'volume.beta.kubernetes.io/storage-class': 'beta-class' } },
      ),
      claim('table-terminating', claimSpec),
      () => ({ method: 'DELETE', path: `${claims}/table-terminating` }),
      listTable(claims, 'claim-tables'),
      // Lets the claim go: with no controller, only this removes kube-apiserver's protection finalizer.
      patch(`${claims}/table-terminating`, { metadata: { finalizers: null } }),
    ],
  },
  {
    name: 'event tables: no timestamps, a series, first and last seen with a count, reporting component, trimmed message',
    steps: [
      event('table-bare', {
        involvedObject: { kind: 'Node' },
        reason: 'Bare',
        message: '  spaced out \n',
        reportingComponent: 'kubeconflict-controller',
        reportingInstance: 'instance-1',
      }),
      event('table-series', {
        involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'default', fieldPath: 'spec.containers{web}' },
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        action: 'Restarting',
        eventTime: '2026-01-01T00:00:00.000000Z',
        series: { count: 3, lastObservedTime: '2026-01-02T00:00:00.000000Z' },
        reportingComponent: 'kubelet',
        reportingInstance: 'node-a',
        source: { component: 'kubelet' },
      }),
      event('table-counted', {
        involvedObject: { kind: 'ConfigMap', name: 'settings', namespace: 'default' },
        type: 'Normal',
        reason: 'Counted',
        message: 'seen often',
        firstTimestamp: '2026-01-01T00:00:00Z',
        lastTimestamp: '2026-01-03T00:00:00Z',
        count: 5,
        source: { component: 'kubeconflict', host: 'node-b' },
      }),
      listTable(events, 'event-tables'),
    ],
  },
];
