// A kind's default garbage collection policy (its strategy's DefaultGarbageCollectionPolicy):
// a batch/v1 Job deleted without a propagationPolicy orphans its Pods, held by an `orphan`
// finalizer only the garbage collector removes (none runs here, so the case removes it);
// Events take no part in garbage collection, so a policy does not hold them.
import type { Step } from '../../support/status-cases.ts';
import { type ConformanceCase, mergePatch } from '../conformance-case.ts';

const jobs = '/apis/batch/v1/namespaces/default/jobs';
const events = '/api/v1/namespaces/default/events';
const release =
  (path: string): Step =>
  () => ({ method: 'PATCH', path, headers: mergePatch, body: { metadata: { finalizers: null } } });

const job = (name: string) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: {
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36' }] } },
  },
});
const event = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name },
  involvedObject: { kind: 'ConfigMap', name: 'watched', namespace: 'default' },
  reason: 'Tested',
  message: 'deleted with a propagation policy',
});

export const collectionPolicyCases: ConformanceCase[] = [
  {
    name: 'collection policy: a batch/v1 Job deleted without propagationPolicy is held by orphan; Background, Foreground as asked',
    steps: [
      () => ({ method: 'POST', path: jobs, body: job('policy-job') }),
      () => ({ method: 'DELETE', path: `${jobs}/policy-job?dryRun=All` }),
      () => ({ method: 'DELETE', path: `${jobs}/policy-job` }),
      () => ({ method: 'GET', path: `${jobs}/policy-job` }),
      release(`${jobs}/policy-job`),
      () => ({ method: 'GET', path: `${jobs}/policy-job` }),
      () => ({ method: 'POST', path: jobs, body: job('policy-job-fg') }),
      () => ({ method: 'DELETE', path: `${jobs}/policy-job-fg?propagationPolicy=Foreground` }),
      release(`${jobs}/policy-job-fg`),
      () => ({ method: 'POST', path: jobs, body: job('policy-job-bg') }),
      () => ({ method: 'DELETE', path: `${jobs}/policy-job-bg?propagationPolicy=Background` }),
    ],
  },
  {
    name: 'collection policy: an Event deleted with Orphan, Foreground or orphanDependents goes at once',
    steps: [
      () => ({ method: 'POST', path: events, body: event('policy-event-a') }),
      () => ({ method: 'DELETE', path: `${events}/policy-event-a?propagationPolicy=Orphan` }),
      () => ({ method: 'GET', path: `${events}/policy-event-a` }),
      () => ({ method: 'POST', path: events, body: event('policy-event-b') }),
      () => ({ method: 'DELETE', path: `${events}/policy-event-b?propagationPolicy=Foreground` }),
      () => ({ method: 'POST', path: events, body: event('policy-event-c') }),
      () => ({ method: 'DELETE', path: `${events}/policy-event-c?orphanDependents=true` }),
    ],
  },
];
