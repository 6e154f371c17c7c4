// Workloads whose selector does not fit their template, and Jobs whose pods would restart
// Always: what kube-apiserver v1.36.3 refuses with 422, on create and on update.
import type { Step } from '../../../support/status-cases.ts';
import type { ConformanceCase } from '../../conformance-case.ts';

type Json = Record<string, unknown>;
const apps = '/apis/apps/v1/namespaces/default';
const batch = '/apis/batch/v1/namespaces/default';
const podTemplate = (labels: Json | undefined, restartPolicy?: string): Json => ({
  ...(labels && { metadata: { labels } }),
  spec: { containers: [{ name: 'c', image: 'x' }], ...(restartPolicy && { restartPolicy }) },
});
/** An apps/v1 workload of `kind` with `selector` (none when undefined) and template `labels`. */
const workload = (kind: string, name: string, selector: unknown, labels: Json | undefined): Json => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name },
  spec: { ...(selector !== undefined && { selector }), template: podTemplate(labels) },
});
const latest = (responses: readonly { json: unknown }[]) => structuredClone(responses.at(-1)?.json) as Json;

/** The selector mistakes of one apps/v1 kind, on create, and a changed selector on update. */
function selectorCase(kind: string): ConformanceCase {
  const slug = kind.toLowerCase();
  const collection = `${apps}/${slug}s`;
  const post =
    (name: string, selector: unknown, labels: Json | undefined): Step =>
    () => ({
      method: 'POST',
      path: collection,
      body: workload(kind, `${slug}-${name}`, selector, labels),
    });
  return {
    name: `invalid specs: a ${kind} whose selector does not select its template`,
    steps: [
      post('mismatch', { matchLabels: { app: 'a' } }, { app: 'b' }),
      post('missing', undefined, { app: 'a' }),
      post('empty', {}, { app: 'a' }),
      post('no-labels', { matchLabels: { app: 'a' } }, undefined),
      post('expression', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] }, { tier: 'db' }),
      post('exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { tier: 'db' }),
      post('operator', { matchExpressions: [{ key: 'tier', operator: 'Equals', values: ['db'] }] }, { tier: 'db' }),
      post('no-values', { matchExpressions: [{ key: 'tier', operator: 'In' }] }, { tier: 'db' }),
      post('extra-values', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: ['x'] }] }, {}),
      post('bad-label', { matchLabels: { app: 'bad value!' } }, { app: 'bad value!' }),
      () => {
        const body = workload(kind, `${slug}-restart`, { matchLabels: { app: 'a' } }, { app: 'a' });
        (body.spec as Json).template = {
          metadata: { labels: { app: 'a' } },
          spec: { containers: [], restartPolicy: 'Never' },
        };
        return { method: 'POST', path: collection, body };
      },
      post('valid', { matchLabels: { app: 'a' } }, { app: 'a', extra: 'x' }),
      (r) => {
        const body = latest(r);
        (body.spec as Json).selector = { matchLabels: { app: 'b' } };
        return { method: 'PUT', path: `${collection}/${slug}-valid`, body };
      },
      () => ({
        method: 'PATCH',
        path: `${collection}/${slug}-valid`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { spec: { template: { metadata: { labels: { app: 'c' } } } } },
      }),
    ],
  };
}

const job = (name: string, restartPolicy: string | undefined): Json => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: { template: podTemplate(undefined, restartPolicy) },
});
const cronJob = (name: string, restartPolicy: string | undefined): Json => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name },
  spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: podTemplate(undefined, restartPolicy) } } },
});

/** A valid workload of `kind` with `spec` merged in. */
const withSpec = (kind: string, name: string, spec: Json): Json => {
  const body = workload(kind, name, { matchLabels: { app: 'a' } }, { app: 'a' });
  return { ...body, spec: { ...(body.spec as Json), ...spec } };
};
const postTo =
  (kind: string, name: string, spec: Json): Step =>
  () => ({
    method: 'POST',
    path: `${apps}/${kind.toLowerCase()}s`,
    body: withSpec(kind, name, spec),
  });

export const invalidWorkloadCases: ConformanceCase[] = [
  ...['DaemonSet', 'ReplicaSet', 'StatefulSet', 'Deployment'].map(selectorCase),
  {
    name: 'invalid specs: negative replicas, and Deployment strategies and deadlines',
    steps: [
      postTo('ReplicaSet', 'negative', { replicas: -1, minReadySeconds: -5 }),
      postTo('StatefulSet', 'negative', { replicas: -1, minReadySeconds: -5 }),
      postTo('Deployment', 'negative', { replicas: -1, minReadySeconds: -5, revisionHistoryLimit: -1 }),
      postTo('Deployment', 'zero-zero', { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } }),
      postTo('Deployment', 'percents', { strategy: { rollingUpdate: { maxSurge: 'lots', maxUnavailable: '150%' } } }),
      postTo('Deployment', 'recreate', { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      postTo('Deployment', 'blue-green', { strategy: { type: 'BlueGreen' } }),
      postTo('Deployment', 'deadline', { minReadySeconds: 600, progressDeadlineSeconds: 600 }),
      postTo('Deployment', 'scaled', { replicas: 2 }),
      () => ({
        method: 'PATCH',
        path: `${apps}/deployments/scaled`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { spec: { replicas: -3 } },
      }),
    ],
  },
  {
    name: 'invalid specs: Jobs and CronJobs whose pods restart Always or by an unknown policy; CronJob schedules',
    steps: [
      () => ({ method: 'POST', path: `${batch}/jobs`, body: job('restart-default', undefined) }),
      () => ({ method: 'POST', path: `${batch}/jobs`, body: job('restart-always', 'Always') }),
      () => ({ method: 'POST', path: `${batch}/jobs`, body: job('restart-sometimes', 'Sometimes') }),
      () => ({ method: 'POST', path: `${batch}/cronjobs`, body: cronJob('restart-default', undefined) }),
      () => ({ method: 'POST', path: `${batch}/cronjobs`, body: cronJob('restart-sometimes', 'Sometimes') }),
      () => ({ method: 'POST', path: `${batch}/cronjobs`, body: cronJob('restart-never', 'Never') }),
      ...[
        '',
        'bogus',
        '* * * * * *',
        '61 * * * *',
        '*/0 * * * *',
        '5-1 * * * *',
        '1-2-3 * * * *',
        '* * 0 * *',
        '* * * foo *',
        '* * * JAN-MAR MON-FRI',
        '@fortnightly',
        '@hourly',
        'CRON_TZ=UTC 0 * * * *',
        '1/2/3 * * * *',
        '-1 * * * *',
      ].map((schedule, index): Step => () => {
        const body = cronJob(`schedule-${String(index)}`, 'Never');
        (body.spec as Json).schedule = schedule;
        return { method: 'POST', path: `${batch}/cronjobs`, body };
      }),
      () => {
        const body = job('negative-counts', 'Never');
        Object.assign(body.spec as Json, { parallelism: -1, completions: -2, backoffLimit: -3 });
        return { method: 'POST', path: `${batch}/jobs`, body };
      },
      () => {
        const body = cronJob('negative-counts', 'Never');
        const jobSpec = ((body.spec as Json).jobTemplate as Json).spec as Json;
        Object.assign(jobSpec, { activeDeadlineSeconds: -1, ttlSecondsAfterFinished: -1 });
        return { method: 'POST', path: `${batch}/cronjobs`, body };
      },
      () => {
        const body = cronJob('policies', 'Never');
        Object.assign(body.spec as Json, { concurrencyPolicy: 'Sometimes', successfulJobsHistoryLimit: -1 });
        return { method: 'POST', path: `${batch}/cronjobs`, body };
      },
      () => ({
        method: 'PATCH',
        path: `${batch}/cronjobs/restart-never`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'Always' } } } } } },
      }),
    ],
  },
];
