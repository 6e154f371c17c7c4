// The causes here are kube-apiserver v1.36.3's, recorded by the conformance cases in
// test/conformance/cases/invalid/workloads.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { daemonSets, jobs, replicaSets, statefulSets } from './workload-types.ts';
import { deployments } from './builtin-types.ts';
import type { ResourceType } from '../resource-type.ts';

type Json = Record<string, unknown>;
const workload = (kind: string, selector: unknown, labels: Json | undefined, restartPolicy?: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'w' },
  spec: {
    ...(selector !== undefined && { selector }),
    template: {
      ...(labels && { metadata: { labels } }),
      spec: { containers: [{ name: 'c', image: 'x' }], ...(restartPolicy && { restartPolicy }) },
    },
  },
});
/** The causes of `object` as the server checks it, after defaulting. */
function causesOf(type: ResourceType, object: KubeObject, live?: KubeObject): unknown {
  type.applyDefaults?.(object);
  if (live) type.applyDefaults?.(live);
  return type.validate?.(object, live);
}
const mismatch = (labels: string) => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${labels}: \`selector\` does not match template \`labels\``,
  field: 'spec.template.metadata.labels',
});
const selectorRequired = { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' };

describe('workload validation', () => {
  it('refuses a template its selector does not select, by labels or by expressions', () => {
    for (const type of [daemonSets, replicaSets, statefulSets, deployments]) {
      assert.deepEqual(causesOf(type, workload(type.kind, { matchLabels: { app: 'a' } }, { app: 'b' })), [
        mismatch('{"app":"b"}'),
      ]);
      const expression = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] };
      assert.deepEqual(causesOf(type, workload(type.kind, expression, { tier: 'db' })), [mismatch('{"tier":"db"}')]);
      assert.deepEqual(causesOf(type, workload(type.kind, { matchLabels: { app: 'a' } }, undefined)), [
        mismatch('null'),
      ]);
    }
  });

  it('requires a selector of all but DaemonSets, and refuses an empty one, naming the kind as Go does', () => {
    assert.deepEqual(causesOf(replicaSets, workload('ReplicaSet', undefined, { app: 'a' })), [
      selectorRequired,
      mismatch('{"app":"a"}'),
    ]);
    assert.deepEqual(causesOf(daemonSets, workload('DaemonSet', undefined, { app: 'a' })), [mismatch('{"app":"a"}')]);
    const empty = (word: string) => ({
      reason: 'FieldValueInvalid',
      message: `Invalid value: {}: empty selector is invalid for ${word}`,
      field: 'spec.selector',
    });
    assert.deepEqual(causesOf(replicaSets, workload('ReplicaSet', {}, { app: 'a' })), [empty('deployment')]);
    assert.deepEqual(causesOf(statefulSets, workload('StatefulSet', {}, { app: 'a' })), [empty('statefulset')]);
    assert.deepEqual(causesOf(daemonSets, workload('DaemonSet', {}, { app: 'a' })), [empty('daemonset')]);
  });

  it('refuses a changed selector: first for a DaemonSet, last for a ReplicaSet', () => {
    const immutable = {
      reason: 'FieldValueInvalid',
      message: 'Invalid value: {"matchLabels":{"app":"b"}}: field is immutable',
      field: 'spec.selector',
    };
    const live = (kind: string) => workload(kind, { matchLabels: { app: 'a' } }, { app: 'a', extra: 'x' });
    const changed = (kind: string) => workload(kind, { matchLabels: { app: 'b' } }, { app: 'a', extra: 'x' });
    const labels = mismatch('{"app":"a","extra":"x"}');
    assert.deepEqual(causesOf(daemonSets, changed('DaemonSet'), live('DaemonSet')), [immutable, labels]);
    assert.deepEqual(causesOf(replicaSets, changed('ReplicaSet'), live('ReplicaSet')), [labels, immutable]);
  });

  it('allows a StatefulSet update of its template, and forbids one of its selector', () => {
    const live = workload('StatefulSet', { matchLabels: { app: 'a' } }, { app: 'a' });
    const relabelled = workload('StatefulSet', { matchLabels: { app: 'a' } }, { app: 'a', extra: 'x' });
    assert.deepEqual(causesOf(statefulSets, relabelled, live), []);
    const reselected = workload('StatefulSet', { matchLabels: { app: 'b' } }, { app: 'a' });
    const causes = causesOf(statefulSets, reselected, structuredClone(live)) as { field: string; reason: string }[];
    assert.deepEqual(
      causes.map(({ field, reason }) => [field, reason]),
      [
        ['spec.template.metadata.labels', 'FieldValueInvalid'],
        ['spec', 'FieldValueForbidden'],
      ],
    );
  });

  it('refuses pods that would not restart Always, after the Pod rules', () => {
    const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [], restartPolicy: 'Never' } };
    const object = workload('DaemonSet', { matchLabels: { app: 'a' } }, { app: 'a' });
    (object.spec as Json).template = template;
    assert.deepEqual(causesOf(daemonSets, object), [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers' },
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "Never": supported values: "Always"',
        field: 'spec.template.spec.restartPolicy',
      },
    ]);
  });

  it('refuses a Job whose pods restart Always (the default) or by a policy no Pod knows', () => {
    const job = (restartPolicy?: string): KubeObject => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        template: { spec: { containers: [{ name: 'c', image: 'x' }], ...(restartPolicy && { restartPolicy }) } },
      },
    });
    const field = 'spec.template.spec.restartPolicy';
    const always = {
      reason: 'FieldValueRequired',
      message: 'Required value: valid values: "OnFailure", "Never"',
      field,
    };
    assert.deepEqual(causesOf(jobs, job()), [always]);
    assert.deepEqual(causesOf(jobs, job('Always')), [always]);
    assert.deepEqual(causesOf(jobs, job('Sometimes')), [
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        field,
      },
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
        field,
      },
    ]);
    assert.deepEqual(causesOf(jobs, job('Never')), []);
  });

  it('refuses a selector Go cannot read, and then leaves the template unchecked (with a detail but for StatefulSets)', () => {
    const selector = { matchExpressions: [{ key: 'tier', operator: 'Equals', values: ['db'] }] };
    const operator = {
      reason: 'FieldValueInvalid',
      message: 'Invalid value: "Equals": not a valid selector operator',
      field: 'spec.selector.matchExpressions[0].operator',
    };
    const shown = '{"matchExpressions":[{"key":"tier","operator":"Equals","values":["db"]}]}';
    assert.deepEqual(causesOf(replicaSets, workload('ReplicaSet', selector, { tier: 'db' })), [
      operator,
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${shown}: invalid label selector`,
        field: 'spec.selector',
      },
    ]);
    assert.deepEqual(causesOf(statefulSets, workload('StatefulSet', selector, { tier: 'db' })), [
      operator,
      { reason: 'FieldValueInvalid', message: `Invalid value: ${shown}`, field: 'spec.selector' },
    ]);
    assert.deepEqual(causesOf(daemonSets, workload('DaemonSet', selector, { tier: 'db' })), [operator]);
  });
});
