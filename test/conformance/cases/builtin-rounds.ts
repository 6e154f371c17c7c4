// One round per built-in kind served beyond the first six: create, get, update, every
// patch type, server-side apply, list (and as a Table), watch from the creation, a protobuf
// read, a dry-run delete, delete.
// Objects carry a `round` label so lists and watches leave out what kube-apiserver
// bootstraps (its ~70 ClusterRoles and their bindings).
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, applyPatch, jsonPatch, mergePatch, strategicPatch } from '../conformance-case.ts';

type Json = Record<string, unknown>;
const tableAccept = { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' };

interface RoundOf {
  /** The kind, its collection's path and an object of it named `name` with `labels`. */
  readonly kind: string;
  /** What names the round's object and labels it. @default the kind in lower case */
  readonly slug?: string;
  /** The object's name, for kinds with a rule of their own (APIService). @default round-<slug> */
  readonly name?: string;
  readonly collection: string;
  readonly object: (name: string, labels: Record<string, string>) => Json;
  /** What the PUT changes in the object read back. */
  readonly update: (object: Json) => void;
  /** A strategic merge patch body (lists merged by key where the kind has keys). */
  readonly strategic: Json;
  /** Requests of the kind's subresources (/status, /scale), after the apply. */
  readonly subresources?: (item: string) => Step[];
  /** Whether the server prints the kind as a Table. @default true */
  readonly table?: boolean;
  /** The DELETEs' query, when the kind's default propagation is not the one to test. @default '' */
  readonly deleteQuery?: string;
}

const latest = (responses: readonly { json: unknown }[]) => structuredClone(responses.at(-1)?.json) as Json;
const rvOf = (response: { json: unknown } | undefined) =>
  ((response?.json as Json).metadata as Json).resourceVersion as string;

/** The steps of a round of one kind, on an object named and labelled after its slug. */
function round(roundOf: RoundOf): ConformanceCase {
  const { kind, collection, object, update, strategic, subresources, table = true, deleteQuery = '' } = roundOf;
  const slug = roundOf.slug ?? kind.toLowerCase();
  const name = roundOf.name ?? `round-${slug}`;
  const item = `${collection}/${name}`;
  const selector = `labelSelector=round%3D${slug}`;
  const labels = { round: slug };
  const steps: Step[] = [
    () => ({ method: 'POST', path: collection, body: object(name, labels) }),
    () => ({ method: 'GET', path: item }),
    (r) => {
      const body = latest(r);
      update(body);
      return { method: 'PUT', path: item, body };
    },
    () => ({ method: 'PATCH', path: item, headers: mergePatch, body: { metadata: { labels: { merged: 'yes' } } } }),
    () => ({
      method: 'PATCH',
      path: item,
      headers: jsonPatch,
      body: [{ op: 'add', path: '/metadata/annotations', value: { note: 'json-patch' } }],
    }),
    () => ({ method: 'PATCH', path: item, headers: strategicPatch, body: strategic }),
    () => ({
      method: 'PATCH',
      path: `${item}?fieldManager=round-applier&force=true`,
      headers: applyPatch,
      body: { ...object(name, { ...labels, applied: 'yes' }) },
    }),
    ...(subresources?.(item) ?? []),
    () => ({ method: 'GET', path: `${collection}?${selector}` }),
    ...(table
      ? [(): ReturnType<Step> => ({ method: 'GET', path: `${collection}?${selector}`, headers: tableAccept })]
      : []),
    (r) => ({
      method: 'GET',
      path: `${collection}?watch=true&timeoutSeconds=1&${selector}&resourceVersion=${rvOf(r[0])}`,
    }),
    () => ({ method: 'GET', path: item, headers: { accept: 'application/vnd.kubernetes.protobuf,application/json' } }),
    () => ({ method: 'DELETE', path: `${item}?dryRun=All${deleteQuery && `&${deleteQuery}`}` }),
    () => ({ method: 'DELETE', path: `${item}${deleteQuery && `?${deleteQuery}`}` }),
    () => ({ method: 'GET', path: item }),
  ];
  return {
    name: `round of ${slug === kind.toLowerCase() ? kind : `${kind} (${slug})`}: create, get, update, merge/JSON/strategic patch, apply, list, watch, protobuf, dry-run delete, delete`,
    steps,
  };
}

const rbac = '/apis/rbac.authorization.k8s.io/v1';
const apps = '/apis/apps/v1/namespaces/default';
const networking = '/apis/networking.k8s.io/v1/namespaces/default';

/** A pod template labelled `app: name`, and a selector for it. */
const podTemplate = (name: string, restartPolicy = 'Always') => ({
  metadata: { labels: { app: name } },
  spec: { restartPolicy, containers: [{ name: 'main', image: 'busybox:1.36', ports: [{ containerPort: 8080 }] }] },
});
const selector = (name: string) => ({ matchLabels: { app: name } });
const containerPatch = { spec: { template: { spec: { containers: [{ name: 'main', image: 'busybox:1.37' }] } } } };

/** A status write, a read of it, and when the kind has one, a read and a patch of its Scale. */
const statusAndScale =
  (status: Json, scale: boolean) =>
  (item: string): Step[] => [
    () => ({ method: 'PATCH', path: `${item}/status`, headers: mergePatch, body: { status } }),
    () => ({ method: 'GET', path: `${item}/status` }),
    ...(scale
      ? [
          (): ReturnType<Step> => ({ method: 'GET', path: `${item}/scale` }),
          (): ReturnType<Step> => ({
            method: 'PATCH',
            path: `${item}/scale`,
            headers: mergePatch,
            body: { spec: { replicas: 3 } },
          }),
        ]
      : []),
  ];
const meta = (name: string, labels: Record<string, string>) => ({ name, labels });
const rule = (resources: string[], verbs: string[]) => ({ apiGroups: [''], resources, verbs });

const services = '/api/v1/namespaces/default/services';
const serviceRound = (slug: string, spec: Json, update: (spec: Json) => void, strategic: Json): ConformanceCase =>
  round({
    kind: 'Service',
    slug,
    collection: services,
    object: (name, labels) => ({ apiVersion: 'v1', kind: 'Service', metadata: meta(name, labels), spec }),
    update: (object) => {
      update(object.spec as Json);
    },
    strategic,
    subresources: statusAndScale(
      {
        conditions: [
          { type: 'Tested', status: 'True', reason: 'Round', message: '', lastTransitionTime: '2026-01-01T00:00:00Z' },
        ],
      },
      false,
    ),
  });

export const builtinRoundCases: ConformanceCase[] = [
  // A requested cluster IP: the one kube-apiserver would allocate is random.
  serviceRound(
    'service',
    { clusterIP: '10.0.0.200', selector: { app: 'web' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] },
    (spec) => {
      spec.sessionAffinity = 'ClientIP';
    },
    { spec: { ports: [{ name: 'tls', port: 443 }] } },
  ),
  serviceRound(
    'headless-service',
    { clusterIP: 'None', ports: [{ port: 53, protocol: 'UDP' }] },
    (spec) => {
      spec.publishNotReadyAddresses = true;
    },
    { spec: { ports: [{ port: 53, protocol: 'UDP', name: 'dns' }] } },
  ),
  serviceRound(
    'externalname-service',
    { type: 'ExternalName', externalName: 'example.com' },
    (spec) => {
      spec.externalName = 'example.org';
    },
    { metadata: { annotations: { strategic: 'yes' } } },
  ),
  round({
    kind: 'ReplicaSet',
    collection: `${apps}/replicasets`,
    object: (name, labels) => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(name, labels),
      spec: { selector: selector(name), template: podTemplate(name) },
    }),
    update: (object) => {
      (object.spec as Json).replicas = 2;
    },
    strategic: containerPatch,
    subresources: statusAndScale(
      { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1 },
      true,
    ),
  }),
  round({
    kind: 'StatefulSet',
    collection: `${apps}/statefulsets`,
    object: (name, labels) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta(name, labels),
      spec: { serviceName: 'web', selector: selector(name), template: podTemplate(name) },
    }),
    update: (object) => {
      (object.spec as Json).minReadySeconds = 5;
    },
    strategic: containerPatch,
    subresources: statusAndScale(
      { replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1 },
      true,
    ),
  }),
  round({
    kind: 'DaemonSet',
    collection: `${apps}/daemonsets`,
    object: (name, labels) => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta(name, labels),
      spec: { selector: selector(name), template: podTemplate(name) },
    }),
    // A new template: its generation and the template generation annotation grow.
    update: (object) => {
      const template = (object.spec as Json).template as Json;
      template.metadata = { labels: { app: 'round-daemonset', tier: 'node' } };
    },
    strategic: containerPatch,
    subresources: statusAndScale(
      { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: 1 },
      false,
    ),
  }),
  round({
    kind: 'Job',
    collection: '/apis/batch/v1/namespaces/default/jobs',
    object: (name, labels) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta(name, labels),
      spec: { template: podTemplate(name, 'Never') },
    }),
    update: (object) => {
      (object.spec as Json).parallelism = 2;
    },
    strategic: { spec: { activeDeadlineSeconds: 600 } },
    subresources: statusAndScale({ active: 1, startTime: '2026-01-01T00:00:00Z' }, false),
    // batch/v1 orphans a Job's Pods by default, with a finalizer only the garbage collector removes.
    deleteQuery: 'propagationPolicy=Background',
  }),
  round({
    kind: 'Job',
    slug: 'job-without-labels',
    collection: '/apis/batch/v1/namespaces/default/jobs',
    // Created without labels; the apply gives it one (an apply that changes nothing is a
    // known difference: kube-apiserver records the manager, the embedded server does not).
    object: (name, labels) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, ...(labels.applied !== undefined && { labels: { applied: labels.applied } }) },
      spec: { template: podTemplate(name, 'Never') },
    }),
    update: (object) => {
      (object.spec as Json).parallelism = 2;
    },
    strategic: { spec: { activeDeadlineSeconds: 600 } },
    deleteQuery: 'propagationPolicy=Background',
  }),
  round({
    kind: 'CronJob',
    collection: '/apis/batch/v1/namespaces/default/cronjobs',
    object: (name, labels) => ({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta(name, labels),
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: podTemplate(name, 'OnFailure') } } },
    }),
    update: (object) => {
      (object.spec as Json).suspend = true;
    },
    strategic: {
      spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'main', args: ['date'] }] } } } } },
    },
    subresources: statusAndScale({ lastScheduleTime: '2026-01-01T00:00:00Z' }, false),
  }),
  round({
    kind: 'ServiceAccount',
    collection: '/api/v1/namespaces/default/serviceaccounts',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(name, labels),
      imagePullSecrets: [{ name: 'registry' }],
    }),
    update: (object) => {
      object.automountServiceAccountToken = false;
    },
    strategic: { secrets: [{ name: 'token-a' }] },
  }),
  round({
    kind: 'Event',
    collection: '/api/v1/namespaces/default/events',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta(name, labels),
      involvedObject: { kind: 'ConfigMap', name: 'watched', namespace: 'default', apiVersion: 'v1' },
      reason: 'Tested',
      message: 'a round of the conformance suite',
      type: 'Normal',
      count: 1,
      source: { component: 'kubeconflict' },
    }),
    update: (object) => {
      object.count = 2;
    },
    strategic: { message: 'patched', related: { kind: 'Pod', name: 'p' } },
  }),
  round({
    kind: 'Role',
    collection: `${rbac}/namespaces/default/roles`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(name, labels),
      rules: [rule(['configmaps'], ['get', 'list'])],
    }),
    update: (object) => {
      object.rules = [rule(['configmaps', 'secrets'], ['get'])];
    },
    strategic: { rules: [rule(['pods'], ['watch'])] },
  }),
  round({
    kind: 'RoleBinding',
    collection: `${rbac}/namespaces/default/rolebindings`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(name, labels),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'round-role' },
      subjects: [
        { kind: 'User', name: 'alice' },
        { kind: 'ServiceAccount', name: 'robot', namespace: 'default' },
      ],
    }),
    update: (object) => {
      object.subjects = [{ kind: 'Group', name: 'devs' }];
    },
    strategic: { subjects: [{ kind: 'User', name: 'bob' }] },
  }),
  round({
    kind: 'ClusterRole',
    collection: `${rbac}/clusterroles`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: meta(name, labels),
      rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }],
    }),
    update: (object) => {
      object.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { aggregate: 'yes' } }] };
    },
    strategic: { rules: [rule(['nodes'], ['list'])] },
  }),
  round({
    kind: 'ClusterRoleBinding',
    collection: `${rbac}/clusterrolebindings`,
    object: (name, labels) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(name, labels),
      roleRef: { kind: 'ClusterRole', name: 'round-clusterrole' },
      subjects: [{ kind: 'Group', name: 'ops' }],
    }),
    update: (object) => {
      object.subjects = [{ kind: 'User', name: 'carol' }];
    },
    strategic: { subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'default' }] },
  }),
  round({
    kind: 'Ingress',
    collection: `${networking}/ingresses`,
    object: (name, labels) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta(name, labels),
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'web.example.com',
            http: {
              paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
            },
          },
        ],
      },
    }),
    update: (object) => {
      object.spec = { ...(object.spec as Json), tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }] };
    },
    strategic: { spec: { defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } } } },
    subresources: statusAndScale(
      { loadBalancer: { ingress: [{ ip: '192.0.2.10', ports: [{ port: 80, protocol: 'TCP' }] }] } },
      false,
    ),
  }),
  round({
    kind: 'NetworkPolicy',
    collection: `${networking}/networkpolicies`,
    object: (name, labels) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(name, labels),
      spec: {
        podSelector: selector('web'),
        ingress: [{ from: [{ podSelector: selector('client') }], ports: [{ port: 8080 }] }],
      },
    }),
    update: (object) => {
      object.spec = {
        ...(object.spec as Json),
        egress: [
          {
            to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
            ports: [{ port: 53, protocol: 'UDP' }],
          },
        ],
      };
    },
    strategic: { spec: { policyTypes: ['Ingress', 'Egress'] } },
  }),
  round({
    kind: 'PodDisruptionBudget',
    collection: '/apis/policy/v1/namespaces/default/poddisruptionbudgets',
    object: (name, labels) => ({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta(name, labels),
      spec: { minAvailable: 1, selector: selector('web') },
    }),
    update: (object) => {
      object.spec = { selector: selector('web'), minAvailable: '50%', unhealthyPodEvictionPolicy: 'AlwaysAllow' };
    },
    strategic: { spec: { selector: { matchLabels: { tier: 'front' } } } },
    subresources: statusAndScale(
      {
        observedGeneration: 2,
        disruptionsAllowed: 1,
        currentHealthy: 2,
        desiredHealthy: 1,
        expectedPods: 2,
        conditions: [
          {
            type: 'DisruptionAllowed',
            status: 'True',
            reason: 'SufficientPods',
            message: '',
            observedGeneration: 2,
            lastTransitionTime: '2026-01-01T00:00:00Z',
          },
        ],
      },
      false,
    ),
  }),
  round({
    kind: 'EndpointSlice',
    collection: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
    object: (name, labels) => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta(name, { ...labels, 'kubernetes.io/service-name': 'web' }),
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.1.0.5'], conditions: { ready: true }, nodeName: 'node-a', zone: 'zone-a' },
        { addresses: ['10.1.0.6'], conditions: { ready: false, serving: true, terminating: true } },
      ],
      ports: [
        { name: 'http', port: 8080 },
        { port: 53, protocol: 'UDP' },
      ],
    }),
    update: (object) => {
      object.endpoints = [{ addresses: ['10.1.0.7'], hints: { forZones: [{ name: 'zone-a' }] } }];
    },
    strategic: { ports: [{ name: 'metrics', port: 9090 }] },
  }),
  round({
    kind: 'Endpoints',
    collection: '/api/v1/namespaces/default/endpoints',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta(name, labels),
      subsets: [
        {
          addresses: [{ ip: '10.1.0.5', nodeName: 'node-a' }, { ip: '10.1.0.6' }],
          notReadyAddresses: [{ ip: '10.1.0.9' }],
          ports: [
            { name: 'http', port: 8080 },
            { name: 'dns', port: 53, protocol: 'UDP' },
          ],
        },
      ],
    }),
    update: (object) => {
      object.subsets = [
        { addresses: [{ ip: '10.1.0.7' }] },
        { addresses: [{ ip: '10.1.0.8' }], ports: [{ port: 80 }] },
      ];
    },
    strategic: { metadata: { annotations: { strategic: 'yes' } } },
  }),
  round({
    kind: 'PersistentVolumeClaim',
    collection: '/api/v1/namespaces/default/persistentvolumeclaims',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta(name, labels),
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'slow', resources: { requests: { storage: '1Gi' } } },
    }),
    update: (object) => {
      (object.metadata as Json).annotations = { updated: 'yes' };
    },
    strategic: { metadata: { annotations: { strategic: 'yes' } } },
    subresources: statusAndScale(
      { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
      false,
    ),
  }),
  /** A ReplicationController without a selector: kube-apiserver takes its template's labels. */
  round({
    kind: 'ReplicationController',
    collection: '/api/v1/namespaces/default/replicationcontrollers',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: meta(name, labels),
      spec: { template: podTemplate(name) },
    }),
    update: (object) => {
      (object.spec as Json).replicas = 2;
    },
    strategic: containerPatch,
    subresources: statusAndScale(
      { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1 },
      true,
    ),
    // The default for core/v1 is to orphan: a finalizer only the garbage collector removes.
    deleteQuery: 'propagationPolicy=Background',
  }),
  /** A Node as a kubelet would register it, then its status as a kubelet reports it. */
  round({
    kind: 'Node',
    collection: '/api/v1/nodes',
    object: (name, labels) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(name, { ...labels, 'node-role.kubernetes.io/worker': '' }),
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
      status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } },
    }),
    update: (object) => {
      (object.spec as Json).unschedulable = true;
    },
    strategic: { spec: { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] } },
    subresources: statusAndScale(
      {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
            lastHeartbeatTime: '2026-01-01T00:00:00Z',
            lastTransitionTime: '2026-01-01T00:00:00Z',
          },
        ],
        addresses: [
          { type: 'InternalIP', address: '10.0.0.5' },
          { type: 'Hostname', address: 'round-node' },
        ],
        nodeInfo: {
          kernelVersion: '6.8.0-1-generic',
          osImage: 'Ubuntu 24.04 LTS',
          containerRuntimeVersion: 'containerd://2.1.0',
          kubeletVersion: 'v1.36.3',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
      false,
    ),
  }),
  round({
    kind: 'APIService',
    // kube-aggregator names an APIService `spec.version + "." + spec.group`; local (no
    // spec.service), so it is Available at once on both servers.
    name: 'v1.round-apiservice.example.com',
    collection: '/apis/apiregistration.k8s.io/v1/apiservices',
    object: (name, labels) => ({
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: meta(name, labels),
      spec: { group: 'round-apiservice.example.com', version: 'v1', groupPriorityMinimum: 100, versionPriority: 10 },
    }),
    update: (object) => {
      (object.spec as Json).versionPriority = 15;
    },
    strategic: { spec: { groupPriorityMinimum: 200 } },
    // A condition of another type, merged by type: kube-apiserver's availability controller
    // puts a local APIService's Available condition back at once, so that one is left alone.
    subresources: (item) => [
      () => ({
        method: 'PATCH',
        path: `${item}/status`,
        headers: strategicPatch,
        body: { status: { conditions: [{ type: 'Tested', status: 'True', reason: 'Round', message: 'm' }] } },
      }),
      () => ({ method: 'GET', path: `${item}/status` }),
    ],
  }),
  round({
    kind: 'Event',
    slug: 'events-v1-event',
    collection: '/apis/events.k8s.io/v1/namespaces/default/events',
    object: (name, labels) => ({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: meta(name, labels),
      eventTime: '2026-01-01T00:00:00.000000Z',
      type: 'Normal',
      reason: 'Rounded',
      action: 'Round',
      reportingController: 'kubeconflict.dev/round',
      reportingInstance: 'round-1',
      regarding: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web' },
      note: 'a round',
    }),
    update: (object) => {
      object.series = { count: 2, lastObservedTime: '2026-01-01T00:01:00.000000Z' };
    },
    strategic: { metadata: { annotations: { strategic: 'yes' } } },
  }),
];
