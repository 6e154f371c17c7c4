import type { KubeObject } from '../../src/core/object.ts';

/** One object of each root kind the servers serve, with the collection it is created in. */
export interface ProtobufCase {
  readonly collection: string;
  readonly object: KubeObject;
  /**
   * Whether a controller of kube-apiserver writes its status a moment after the create
   * (an APIService's availability): read it once that is done, and do not compare two
   * copies of it. @default false
   */
  readonly statusWritten?: true;
}

const meta = (name: string) => ({ name, labels: { app: 'proto', tier: '' }, annotations: { note: 'x' } });

const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: meta('cm'),
  data: { a: 'b', empty: '' },
  binaryData: { z: 'AAE=' },
};

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: meta('secret'),
  type: 'Opaque',
  data: { key: 'c2VjcmV0', none: '' },
};

const container = {
  name: 'app',
  image: 'registry.example/app:1',
  ports: [{ name: 'http', containerPort: 8080 }],
  resources: { limits: { cpu: '250m', memory: '64Mi' }, requests: { cpu: '0.1' } },
  livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 3 },
  readinessProbe: { tcpSocket: { port: 8080 } },
  securityContext: { runAsUser: 0, allowPrivilegeEscalation: false },
};

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('pod'),
  spec: {
    containers: [container],
    volumes: [
      { name: 'config', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } },
    ],
    terminationGracePeriodSeconds: 0,
    activeDeadlineSeconds: 3600,
  },
};

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('deploy'),
  spec: {
    replicas: 0,
    selector: { matchLabels: { app: 'proto' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    template: {
      metadata: { labels: { app: 'proto' } },
      spec: { containers: [{ name: 'app', image: 'registry.example/app:1' }] },
    },
  },
};

const lease = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: meta('lease'),
  spec: {
    holderIdentity: 'me',
    leaseDurationSeconds: 15,
    acquireTime: '2024-02-29T23:59:59.123456Z',
    renewTime: '1969-07-20T20:17:40.000001Z',
    leaseTransitions: 0,
  },
};

// Int-or-string in both forms, optional pointers, nested lists of structs.
const networkPolicy = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: meta('netpol'),
  spec: {
    podSelector: { matchLabels: { app: 'proto' } },
    ingress: [{ ports: [{ port: 8080 }, { port: 'http', protocol: 'TCP' }] }],
    egress: [
      { to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 53, endPort: 60 }] },
    ],
  },
};

const podDisruptionBudget = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: meta('pdb'),
  spec: { minAvailable: '50%', selector: { matchLabels: { app: 'proto' } } },
};

const endpointSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: meta('slice'),
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.1.0.5'], conditions: { ready: false, serving: true }, zone: 'a' }],
  ports: [{ name: 'http', port: 8080, appProtocol: 'http' }],
};

const replicationController = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: meta('rc'),
  spec: {
    replicas: 0,
    selector: { app: 'proto' },
    template: { metadata: { labels: { app: 'proto' } }, spec: { containers: [container] } },
  },
};

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: meta('proto-node'),
  spec: { podCIDRs: ['10.244.0.0/24'], taints: [{ key: 'dedicated', value: 'proto', effect: 'NoExecute' }] },
  status: {
    capacity: { cpu: '4', memory: '8Gi', 'ephemeral-storage': '100G' },
    conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:00Z', reason: 'KubeletReady' }],
    addresses: [{ type: 'InternalIP', address: '10.0.0.5' }],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: { kubeletVersion: 'v1.36.3', architecture: 'amd64', swap: { capacity: 4294967296 } },
    images: [{ names: ['registry.example/app:1'], sizeBytes: 1024 }],
  },
};

// A MicroTime with microseconds, a pointer struct (series), fields renamed from the core Event.
const eventsV1Event = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: meta('event'),
  eventTime: '2026-01-01T00:00:00.123456Z',
  series: { count: 2, lastObservedTime: '2026-01-01T00:01:00.654321Z' },
  type: 'Normal',
  reason: 'Pulled',
  action: 'Pull',
  reportingController: 'kubeconflict.dev/proto',
  reportingInstance: 'proto-1',
  regarding: { apiVersion: 'v1', kind: 'Pod', namespace: 'protobuf', name: 'pod' },
  note: 'pulled',
};

// Cluster-scoped, bytes (caBundle), a defaulted pointer (the service's port 443).
const apiService = {
  apiVersion: 'apiregistration.k8s.io/v1',
  kind: 'APIService',
  metadata: meta('v1.proto.example.com'),
  spec: {
    group: 'proto.example.com',
    version: 'v1',
    service: { namespace: 'protobuf', name: 'proto' },
    caBundle: 'AAEC',
    groupPriorityMinimum: 100,
    versionPriority: 10,
  },
};

/** Objects that exercise the special JSON mappings: times, quantities, int-or-string, bytes, maps. */
export function protobufCases(namespace: string): ProtobufCase[] {
  const core = `/api/v1/namespaces/${namespace}`;
  return [
    { collection: `${core}/configmaps`, object: configMap },
    { collection: `${core}/secrets`, object: secret },
    { collection: `${core}/pods`, object: pod },
    { collection: `/apis/apps/v1/namespaces/${namespace}/deployments`, object: deployment },
    { collection: `/apis/coordination.k8s.io/v1/namespaces/${namespace}/leases`, object: lease },
    { collection: `/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies`, object: networkPolicy },
    { collection: `/apis/policy/v1/namespaces/${namespace}/poddisruptionbudgets`, object: podDisruptionBudget },
    { collection: `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`, object: endpointSlice },
    { collection: `${core}/replicationcontrollers`, object: replicationController },
    { collection: '/api/v1/nodes', object: node },
    { collection: `/apis/events.k8s.io/v1/namespaces/${namespace}/events`, object: eventsV1Event },
    {
      collection: '/apis/apiregistration.k8s.io/v1/apiservices',
      object: apiService,
      statusWritten: true,
    },
  ];
}
