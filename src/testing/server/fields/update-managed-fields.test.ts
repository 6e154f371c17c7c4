// Expected values are kube-apiserver v1.36.3's answers to the same sequences, with times
// replaced by the ones passed here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject, ManagedFieldsEntry } from '../../../core/object.ts';
import { resetFieldsFor, type Schema, schemaFor } from '../schema/index.ts';
import type { FieldsV1 } from './fields-v1.ts';
import { createdDeployment, createdDeploymentFields } from './test-support/recorded-deployment.ts';
import { updateManagedFields } from './update-managed-fields.ts';

const deployments = {
  schema: schemaFor('apps/v1', 'Deployment'),
  apiVersion: 'apps/v1',
  resetFields: resetFieldsFor('apps/v1', 'Deployment'),
};
const configMaps = { schema: schemaFor('v1', 'ConfigMap'), apiVersion: 'v1', resetFields: [] };
const times = ['2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z', '2026-01-01T00:03:00Z'] as const;
const [t0, t1, t2, t3] = times;

interface Kind {
  readonly schema: Schema;
  readonly apiVersion: string;
  readonly resetFields: readonly (readonly string[])[];
}

/** A write by `manager`: `change` edits a copy of `live`, whose managedFields are then recomputed. */
function write(
  kind: Kind,
  live: KubeObject | undefined,
  manager: string,
  time: string,
  change: (o: KubeObject) => void,
) {
  const updated = structuredClone(live ?? {});
  change(updated);
  const managedFields = updateManagedFields({ ...kind, manager, time, live, updated });
  return { ...updated, metadata: { ...updated.metadata, managedFields } };
}

const entry = (manager: string, time: string, fieldsV1: FieldsV1, apiVersion = 'apps/v1'): ManagedFieldsEntry => ({
  manager,
  operation: 'Update',
  apiVersion,
  time,
  fieldsType: 'FieldsV1',
  fieldsV1,
});

/** A copy of `fields` without the leaf at `path`. */
function without(fields: FieldsV1, ...path: string[]): FieldsV1 {
  const copy = structuredClone(fields);
  const last = path.pop() ?? '';
  let node = copy;
  for (const key of path) node = node[key] ?? {};
  Reflect.deleteProperty(node, last);
  return copy;
}

const container = (o: KubeObject) =>
  (o.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!;
const created = () =>
  write(deployments, undefined, 'Python-urllib', t0, (o) => Object.assign(o, structuredClone(createdDeployment)));

describe('updateManagedFields', () => {
  it('gives the creator every field of the defaulted object, with "." where a node was added', () => {
    assert.deepEqual(created().metadata.managedFields, [entry('Python-urllib', t0, createdDeploymentFields)]);
  });

  it('moves a field another manager changes to that manager', () => {
    const put = write(deployments, created(), 'kubectl', t1, (o) => ((o.spec as { replicas: number }).replicas = 3));
    assert.deepEqual(put.metadata.managedFields, [
      entry('Python-urllib', t0, without(createdDeploymentFields, 'f:spec', 'f:replicas')),
      entry('kubectl', t1, { 'f:spec': { 'f:replicas': {} } }),
    ]);
  });

  it('changes nothing, not even a time, for a write that changes nothing', () => {
    const live = write(deployments, created(), 'kubectl', t1, (o) => ((o.spec as { replicas: number }).replicas = 3));
    const again = write(deployments, live, 'kubectl', t3, () => undefined);
    assert.deepEqual(again.metadata.managedFields, live.metadata.managedFields);
    const byOther = write(deployments, live, 'other', t3, () => undefined);
    assert.deepEqual(byOther.metadata.managedFields, live.metadata.managedFields);
  });

  it('takes a changed label and records an added one; a removal leaves no entry and keeps times', () => {
    const labeled = write(deployments, created(), 'labeler', t1, (o) => {
      o.metadata!.labels = { app: 'demo', 'biz-version': '102', extra: 'x' };
    });
    const labelerFields = { 'f:metadata': { 'f:labels': { 'f:biz-version': {}, 'f:extra': {} } } };
    assert.deepEqual(labeled.metadata.managedFields, [
      entry('Python-urllib', t0, without(createdDeploymentFields, 'f:metadata', 'f:labels', 'f:biz-version')),
      entry('labeler', t1, labelerFields),
    ]);
    const removed = write(deployments, labeled, 'remover', t2, (o) => delete o.metadata!.labels!.extra);
    assert.deepEqual(removed.metadata.managedFields, [
      entry('Python-urllib', t0, without(createdDeploymentFields, 'f:metadata', 'f:labels', 'f:biz-version')),
      entry('labeler', t1, { 'f:metadata': { 'f:labels': { 'f:biz-version': {} } } }),
    ]);
  });

  it('owns a list item field by the item key', () => {
    const patched = write(deployments, created(), 'imager', t1, (o) => (container(o).image = 'nginx:1.28'));
    assert.deepEqual(patched.metadata.managedFields, [
      entry(
        'Python-urllib',
        t0,
        without(
          createdDeploymentFields,
          'f:spec',
          'f:template',
          'f:spec',
          'f:containers',
          'k:{"name":"nginx"}',
          'f:image',
        ),
      ),
      entry('imager', t1, {
        'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } } },
      }),
    ]);
  });

  it('sorts entries by time, then manager, and records "unknown" for no manager', () => {
    const live = write(deployments, created(), 'zed', t1, (o) => (o.metadata!.annotations = { a: 'b' }));
    const next = write(deployments, live, '', t1, (o) => (o.metadata!.annotations = { a: 'b', c: 'd' }));
    assert.deepEqual(
      next.metadata.managedFields.map((e) => e.manager),
      ['Python-urllib', 'unknown', 'zed'],
    );
  });

  it('ignores status on the main resource and records the status subresource', () => {
    const live = created();
    const status = { replicas: 2 };
    const mainWrite = write(deployments, live, 'sneaky', t1, (o) => (o.status = status));
    assert.deepEqual(mainWrite.metadata.managedFields, live.metadata.managedFields);
    const updated = { ...structuredClone(live), status };
    const statusFields = updateManagedFields({
      ...deployments,
      resetFields: resetFieldsFor('apps/v1', 'Deployment', 'status'),
      subresource: 'status',
      manager: 'controller',
      time: t1,
      live,
      updated,
    });
    assert.deepEqual(statusFields[1], {
      ...entry('controller', t1, { 'f:status': { 'f:replicas': {} } }),
      subresource: 'status',
    });
  });

  it('clears managedFields sent as [] and then stops tracking until an apply', () => {
    const live = write(configMaps, undefined, 'creator', t0, (o) => Object.assign(o, configMap('x', { a: '1' })));
    const reset = write(configMaps, live, 'resetter', t1, (o) => {
      o.metadata!.managedFields = [];
      o.data = { a: '1', b: '2' };
    });
    assert.deepEqual(reset.metadata.managedFields, []);
    const later = write(
      configMaps,
      { ...reset, metadata: { ...reset.metadata, managedFields: undefined } },
      'later',
      t2,
      (o) => {
        o.data = { a: '1', b: '2', c: '3' };
      },
    );
    assert.deepEqual(later.metadata.managedFields, []);
  });

  it('keeps the stored managedFields when the ones sent do not decode', () => {
    const live = created();
    const next = write(deployments, live, 'kubectl', t1, (o) => {
      o.metadata!.managedFields = [{ ...entry('x', t1, {}), operation: 'Delete' as 'Update' }];
      (o.spec as { replicas: number }).replicas = 3;
    });
    assert.deepEqual(
      next.metadata.managedFields.map((e) => e.manager),
      ['Python-urllib', 'kubectl'],
    );
  });

  it('uses managedFields the client sends on create as the starting point', () => {
    const ghost = entry('ghost', '2020-01-01T00:00:00Z', { 'f:data': { 'f:a': {} } }, 'v1');
    const made = write(configMaps, undefined, 'creator', t0, (o) => {
      Object.assign(o, configMap('y', { a: '1', b: '2' }));
      o.metadata!.managedFields = [ghost];
    });
    assert.deepEqual(made.metadata.managedFields, [
      entry('creator', t0, { 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} } }, 'v1'),
    ]);
  });

  it('merges the oldest Update entries into ancient-changes past ten', () => {
    let live = write(configMaps, undefined, 'm0', t0, (o) => Object.assign(o, configMap('z', { k0: '0' })));
    for (let i = 1; i <= 11; i++)
      live = write(
        configMaps,
        live,
        `m${String(i)}`,
        t0,
        (o) => (o.data = { ...(o.data as object), [`k${String(i)}`]: '' }),
      );
    const entries = live.metadata.managedFields;
    assert.equal(entries.length, 10);
    assert.deepEqual(
      entries[0],
      entry('ancient-changes', t0, { 'f:data': { '.': {}, 'f:k0': {}, 'f:k1': {}, 'f:k10': {} } }, 'v1'),
    );
    assert.deepEqual(
      entries.map((e) => e.manager),
      ['ancient-changes', 'm11', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'],
    );
  });

  it('types the metadata of a custom resource and deduces the rest', () => {
    const widgets = {
      schema: schemaFor('example.kubeconflict.dev/v1', 'Widget'),
      apiVersion: 'example.kubeconflict.dev/v1',
      resetFields: [],
    };
    const widget = {
      apiVersion: 'example.kubeconflict.dev/v1',
      kind: 'Widget',
      spec: { size: 1, tags: ['a'], nested: { deep: { x: 1 } } },
    };
    const made = write(widgets, undefined, 'maker', t0, (o) =>
      Object.assign(o, {
        ...widget,
        metadata: { name: 'w1', namespace: 'default', labels: { a: 'b' }, finalizers: ['x/y'] },
      }),
    );
    assert.deepEqual(made.metadata.managedFields, [
      entry(
        'maker',
        t0,
        {
          'f:metadata': { 'f:finalizers': { '.': {}, 'v:"x/y"': {} }, 'f:labels': { '.': {}, 'f:a': {} } },
          'f:spec': { '.': {}, 'f:nested': { '.': {}, 'f:deep': { '.': {}, 'f:x': {} } }, 'f:size': {}, 'f:tags': {} },
        },
        'example.kubeconflict.dev/v1',
      ),
    ]);
  });

  it('keeps an entry per apiVersion for an Update manager', () => {
    const live = created();
    const old = entry(
      'Python-urllib',
      t0,
      { 'f:metadata': { 'f:annotations': { '.': {}, 'f:a': {} } } },
      'apps/v1beta9',
    );
    live.metadata.managedFields = [...live.metadata.managedFields, old];
    const next = write(deployments, live, 'Python-urllib', t1, (o) => (o.metadata!.annotations = { c: 'd' }));
    assert.deepEqual(
      next.metadata.managedFields.filter((e) => e.manager === 'Python-urllib').map((e) => [e.apiVersion, e.time]),
      [
        ['apps/v1beta9', t0],
        ['apps/v1', t1],
      ],
    );
  });
});

function configMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: `uid-${name}` }, data };
}
