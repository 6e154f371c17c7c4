// Pods as Tables (kubectl get pods, kubectl get all): the columns and cells of a Pod as
// stored (never run: 0/N, Pending), of the list, empty or not, with includeObject, and
// of Pods whose status was written through /status (running, crash-looping, finished,
// failing to initialize). Not here: a Pod held by a finalizer while deleted (Terminating),
// which the embedded server deletes at once (pods are deleted with grace period 0).
import type { RawResponse } from '../../support/raw-http.ts';
import { type ConformanceCase, paths } from '../conformance-case.ts';

const tableAccept = { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
const labels = { case: 'pod-tables' };
const getTable = (path: string) => () => ({ method: 'GET' as const, path, headers: tableAccept });
const listTable = (query: string) => getTable(`${paths.pods}?labelSelector=case%3Dpod-tables${query}`);

/** A Pod of two containers and a sidecar (an init container that restarts), with a readiness gate. */
const pod = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: {
    initContainers: [
      { name: 'setup', image: 'busybox:1.36' },
      { name: 'proxy', image: 'envoy:1.30', restartPolicy: 'Always' },
    ],
    containers: [
      { name: 'web', image: 'nginx:1.27' },
      { name: 'log', image: 'busybox:1.36' },
    ],
    readinessGates: [{ conditionType: 'example.com/ready' }],
    ...spec,
  },
});
const create = (name: string, spec?: Record<string, unknown>) => () => ({
  method: 'POST' as const,
  path: paths.pods,
  body: pod(name, spec),
});

const longAgo = '2020-01-01T00:00:00Z';
const running = { running: { startedAt: longAgo } };
const exited = (exitCode: number, reason?: string) => ({
  terminated: { exitCode, ...(reason && { reason }), startedAt: longAgo, finishedAt: longAgo },
});
const containerStatus = (name: string, state: object, more: Record<string, unknown> = {}) => ({
  name,
  image: 'img',
  imageID: '',
  ready: false,
  restartCount: 0,
  state,
  ...more,
});

/** PUT /status of the Pod `name` as its creation (an earlier step) answered, with `status`. */
const writeStatus = (name: string, status: Record<string, unknown>) => (r: readonly RawResponse[]) => {
  const created = r.find((response) => (response.json as { metadata?: { name?: string } }).metadata?.name === name);
  const object = structuredClone(created?.json) as { status: unknown };
  object.status = status;
  return { method: 'PUT' as const, path: `${paths.pods}/${name}/status`, body: object };
};

const runningStatus = {
  phase: 'Running',
  conditions: [
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: 'False' },
    { type: 'example.com/ready', status: 'True' },
  ],
  podIP: '10.1.2.3',
  podIPs: [{ ip: '10.1.2.3' }],
  initContainerStatuses: [
    containerStatus('setup', exited(0, 'Completed')),
    containerStatus('proxy', running, { ready: true, started: true, restartCount: 1, lastState: exited(1, 'Error') }),
  ],
  containerStatuses: [
    containerStatus('web', running, { ready: true, started: true }),
    containerStatus(
      'log',
      { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } },
      {
        restartCount: 4,
        lastState: exited(2),
      },
    ),
  ],
};

const initDone = [
  containerStatus('setup', exited(0, 'Completed')),
  containerStatus('proxy', running, { ready: true, started: true }),
];
const finishedAndRunning = [
  containerStatus('web', exited(0, 'Completed')),
  containerStatus('log', running, { ready: true, started: true }),
];
/** Pods and the status each is given, one per way printPod names a status. */
const stateCases: [string, Record<string, unknown>][] = [
  ['state-notready', { phase: 'Running', initContainerStatuses: initDone, containerStatuses: finishedAndRunning }],
  [
    'state-running',
    {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      initContainerStatuses: initDone,
      containerStatuses: finishedAndRunning,
    },
  ],
  [
    'state-signal',
    {
      phase: 'Running',
      initContainerStatuses: initDone,
      containerStatuses: [
        containerStatus('web', { terminated: { exitCode: 137, signal: 9, finishedAt: longAgo } }),
        containerStatus('log', exited(0, 'Completed')),
      ],
    },
  ],
  [
    'state-init-waiting',
    {
      phase: 'Pending',
      initContainerStatuses: [
        containerStatus('setup', exited(0, 'Completed')),
        containerStatus('proxy', { waiting: { reason: 'ImagePullBackOff' } }),
      ],
    },
  ],
  ['state-init-running', { phase: 'Pending', initContainerStatuses: [containerStatus('setup', running)] }],
  [
    'state-gated',
    { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
  ],
];

export const podTableCases: ConformanceCase[] = [
  {
    name: 'pod tables: a stored Pod, its list with and without objects, an empty list',
    steps: [
      create('table-pod'),
      getTable(`${paths.pods}/table-pod`),
      listTable(''),
      listTable('&includeObject=Object'),
      listTable('&includeObject=None'),
      listTable('&includeObject=Metadata'),
      getTable(`${paths.pods}?labelSelector=case%3Dno-such-pod`),
      getTable(`${paths.pods}/table-pod?includeObject=Object`),
    ],
  },
  {
    name: 'pod tables: a status written through /status (sidecar, crash loop, restarts ago, IP, node, gates)',
    steps: [
      create('table-running', { nodeName: 'node-a' }),
      writeStatus('table-running', runningStatus),
      getTable(`${paths.pods}/table-running?includeObject=None`),
    ],
  },
  {
    name: 'pod tables: a Pod that succeeded, one that failed to initialize (nominated node), one that failed (row conditions)',
    steps: [
      create('table-done'),
      writeStatus('table-done', {
        phase: 'Succeeded',
        initContainerStatuses: [containerStatus('setup', exited(0, 'Completed'))],
        containerStatuses: [
          containerStatus('web', exited(0, 'Completed')),
          containerStatus('log', exited(0, 'Completed')),
        ],
      }),
      getTable(`${paths.pods}/table-done?includeObject=None`),
      create('table-init'),
      writeStatus('table-init', {
        phase: 'Pending',
        nominatedNodeName: 'node-b',
        initContainerStatuses: [containerStatus('setup', exited(137), { restartCount: 2 })],
      }),
      getTable(`${paths.pods}/table-init?includeObject=None`),
      create('table-failed'),
      writeStatus('table-failed', {
        phase: 'Failed',
        reason: 'Evicted',
        containerStatuses: [containerStatus('web', exited(1, 'Error')), containerStatus('log', exited(0))],
      }),
      getTable(`${paths.pods}/table-failed?includeObject=None`),
    ],
  },
  {
    name: 'pod tables: container states name the status (NotReady, Running, Signal:N, Init:<reason>, Init:i/n, SchedulingGated)',
    steps: [
      ...stateCases.flatMap(([name, status]) => [create(name), writeStatus(name, status)]),
      listTable('&includeObject=None'),
    ],
  },
];
