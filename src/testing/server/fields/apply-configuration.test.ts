// Expected values are kube-apiserver v1.36.3's answers to the same sequences, with times
// replaced by the ones passed here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject, ManagedFieldsEntry } from '../../../core/object.ts';
import { resetFieldsFor, type Schema, schemaFor } from '../schema/index.ts';
import { ApplyError, type ApplyResult, applyConfiguration } from './apply-configuration.ts';
import { applyConflictStatus } from './apply-conflicts.ts';
import type { FieldsV1 } from './fields-v1.ts';
import { createdDeployment } from './test-support/recorded-deployment.ts';
import { updateManagedFields } from './update-managed-fields.ts';

const [t0, t1, t2, t3] = [
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:01:00Z',
  '2026-01-01T00:02:00Z',
  '2026-01-01T00:03:00Z',
] as const;

const deployments = {
  schema: schemaFor('apps/v1', 'Deployment'),
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  resetFields: resetFieldsFor('apps/v1', 'Deployment'),
};
const configMaps = { schema: schemaFor('v1', 'ConfigMap'), apiVersion: 'v1', kind: 'ConfigMap', resetFields: [] };

interface Kind {
  readonly schema: Schema;
  readonly apiVersion: string;
  readonly kind: string;
  readonly resetFields: readonly (readonly string[])[];
}

function apply(
  kind: Kind,
  live: KubeObject | undefined,
  manager: string,
  time: string,
  config: KubeObject,
  force = false,
) {
  return applyConfiguration({ ...kind, manager, time, live, config, force });
}

function applied(result: ApplyResult): KubeObject & { metadata: { managedFields: ManagedFieldsEntry[] } } {
  if (!('object' in result)) assert.fail(`conflicts: ${JSON.stringify(result.conflicts)}`);
  return result.object as KubeObject & { metadata: { managedFields: ManagedFieldsEntry[] } };
}

function update(
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

const fieldsOf = (object: KubeObject, manager: string): FieldsV1 | undefined =>
  object.metadata?.managedFields?.find((e) => e.manager === manager)?.fieldsV1 as FieldsV1 | undefined;
const managers = (object: KubeObject) => object.metadata?.managedFields?.map((e) => [e.manager, e.operation, e.time]);
const spec = (object: KubeObject) =>
  object.spec as { replicas: number; template: { spec: { containers: { name: string; image: string }[] } } };

const deploymentConfig = (metadata: object, specPart?: object): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'demo', ...metadata },
  ...(specPart && { spec: specPart }),
});
const image = (name: string, value: string) => ({ template: { spec: { containers: [{ name, image: value }] } } });
const configMap = (name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
});

// The Deployment of the recording after kubectl set replicas 3 and imager set the image.
function contested(): KubeObject {
  let live = update(deployments, undefined, 'Python-urllib', t0, (o) =>
    Object.assign(o, structuredClone(createdDeployment)),
  );
  live = update(deployments, live, 'kubectl', t0, (o) => (spec(o).replicas = 3));
  return update(deployments, live, 'imager', t0, (o) => (spec(o).template.spec.containers[0]!.image = 'nginx:1.28'));
}

describe('applyConfiguration', () => {
  it('creates an object owned by exactly the applied fields', () => {
    const config = deploymentConfig(
      { name: 'applied', labels: { app: 'x' } },
      {
        selector: { matchLabels: { app: 'x' } },
        template: {
          metadata: { labels: { app: 'x' } },
          spec: { containers: [{ name: 'c', image: 'busybox', ports: [{ containerPort: 8080 }] }] },
        },
      },
    );
    const result = applied(apply(deployments, undefined, 'applier', t0, config));
    assert.deepEqual(result.metadata.managedFields, [
      {
        manager: 'applier',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: t0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"c"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { 'k:{"containerPort":8080,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                  },
                },
              },
            },
          },
        },
      },
    ]);
    assert.deepEqual(spec(result).template.spec.containers, [
      { name: 'c', image: 'busybox', ports: [{ containerPort: 8080 }], resources: {} },
    ]);
  });

  it('shares a field applied with the value it has, and reports conflicts on changed ones', () => {
    const first = applied(
      apply(deployments, contested(), 'applier', t1, deploymentConfig({ labels: { a: '1', b: '2' } }, { replicas: 3 })),
    );
    assert.deepEqual(fieldsOf(first, 'applier'), {
      'f:metadata': { 'f:labels': { 'f:a': {}, 'f:b': {} } },
      'f:spec': { 'f:replicas': {} },
    });
    assert.deepEqual(fieldsOf(first, 'kubectl'), { 'f:spec': { 'f:replicas': {} } });

    const two = apply(
      deployments,
      first,
      'applier',
      t2,
      deploymentConfig({ labels: { a: '1' } }, { replicas: 4, ...image('nginx', 'nginx:1.29') }),
    );
    assert.ok('conflicts' in two);
    assert.deepEqual(applyConflictStatus(two.conflicts), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Apply failed with 2 conflicts: conflicts with "imager" using apps/v1:\n- .spec.template.spec.containers[name="nginx"].image\nconflicts with "kubectl" using apps/v1:\n- .spec.replicas',
      reason: 'Conflict',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "imager" using apps/v1',
            field: '.spec.template.spec.containers[name="nginx"].image',
          },
          { reason: 'FieldManagerConflict', message: 'conflict with "kubectl" using apps/v1', field: '.spec.replicas' },
        ],
      },
      code: 409,
    });

    const one = apply(deployments, first, 'applier', t2, deploymentConfig({ labels: { a: '1' } }, { replicas: 5 }));
    assert.ok('conflicts' in one);
    assert.equal(
      applyConflictStatus(one.conflicts).message,
      'Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas',
    );
  });

  it('removes what the applier no longer applies, unless someone else owns it', () => {
    const first = applied(
      apply(deployments, contested(), 'applier', t1, deploymentConfig({ labels: { a: '1', b: '2' } }, { replicas: 3 })),
    );
    const fewer = applied(apply(deployments, first, 'applier', t2, deploymentConfig({ labels: { a: '1' } })));
    assert.deepEqual(fieldsOf(fewer, 'applier'), { 'f:metadata': { 'f:labels': { 'f:a': {} } } });
    assert.deepEqual(fewer.metadata.labels, { app: 'demo', 'biz-version': '101', a: '1' });
    assert.equal(spec(fewer).replicas, 3, 'kubectl still owns replicas');
  });

  it('takes conflicting fields with force', () => {
    const first = applied(apply(deployments, contested(), 'applier', t1, deploymentConfig({ labels: { a: '1' } })));
    const forced = applied(
      apply(
        deployments,
        first,
        'applier',
        t2,
        deploymentConfig({ labels: { a: '1' } }, { replicas: 5, ...image('nginx', 'nginx:1.29') }),
        true,
      ),
    );
    assert.deepEqual(fieldsOf(forced, 'applier'), {
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:template': {
          'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
        },
      },
    });
    assert.deepEqual(managers(forced), [
      ['applier', 'Apply', t2],
      ['Python-urllib', 'Update', t0],
    ]);
    assert.equal(spec(forced).replicas, 5);
    assert.equal(spec(forced).template.spec.containers[0]?.image, 'nginx:1.29');
  });

  it('gives an apply that changes no value an entry without time, still a write', () => {
    const first = applied(apply(configMaps, undefined, 'tool-a', t0, configMap('shared', { a: '1' })));
    const second = apply(configMaps, first, 'tool-b', t1, configMap('shared', { a: '1' }));
    assert.ok('object' in second);
    assert.equal(second.changed, true);
    const third = apply(configMaps, applied(second), 'tool-b', t1, configMap('shared', { a: '1' }));
    assert.ok('object' in third);
    assert.equal(third.changed, false);
    assert.deepEqual(second.object.metadata?.managedFields, [
      {
        manager: 'tool-b',
        operation: 'Apply',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:a': {} } },
      },
      {
        manager: 'tool-a',
        operation: 'Apply',
        apiVersion: 'v1',
        time: t0,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:a': {} } },
      },
    ]);
  });

  it('prints appliers without apiVersion in conflicts, and lets force split the fields', () => {
    const first = applied(apply(configMaps, undefined, 'tool-a', t0, configMap('contested', { a: '1', b: '1' })));
    const refused = apply(configMaps, first, 'tool-b', t1, configMap('contested', { a: '2', b: '2' }));
    assert.ok('conflicts' in refused);
    const status = applyConflictStatus(refused.conflicts);
    assert.equal(status.message, 'Apply failed with 2 conflicts: conflicts with "tool-a":\n- .data.a\n- .data.b');
    assert.deepEqual(status.details.causes[0], {
      reason: 'FieldManagerConflict',
      message: 'conflict with "tool-a"',
      field: '.data.a',
    });
    const forced = applied(apply(configMaps, first, 'tool-b', t1, configMap('contested', { a: '2' }), true));
    assert.deepEqual(forced.data, { a: '2', b: '1' });
    assert.deepEqual(fieldsOf(forced, 'tool-a'), { 'f:data': { 'f:b': {} } });
    assert.deepEqual(fieldsOf(forced, 'tool-b'), { 'f:data': { 'f:a': {} } });
  });

  it('gives what an object without managedFields has to "before-first-apply"', () => {
    const live: KubeObject = {
      ...configMap('x', { a: '1', b: '2' }),
      metadata: { name: 'x', uid: 'u', labels: { l: 'v' } },
    };
    const result = apply(configMaps, live, 'applier', t1, configMap('x', { a: '9' }));
    assert.ok('conflicts' in result);
    assert.equal(
      applyConflictStatus(result.conflicts).message,
      'Apply failed with 1 conflict: conflict with "before-first-apply" using v1: .data.a',
    );
  });

  it('removes a list item the applier dropped, with what other managers set in it', () => {
    const config = (containers: object[]) =>
      deploymentConfig(
        { name: 'ac' },
        {
          selector: { matchLabels: { app: 'x' } },
          template: { metadata: { labels: { app: 'x' } }, spec: { containers } },
        },
      );
    const two = applied(
      apply(
        deployments,
        undefined,
        'tool-a',
        t0,
        config([
          { name: 'a', image: 'nginx:1.12' },
          { name: 'b', image: 'busybox:1.36' },
        ]),
      ),
    );
    const one = applied(apply(deployments, two, 'tool-a', t1, config([{ name: 'a', image: 'nginx:1.12' }])));
    assert.deepEqual(spec(one).template.spec.containers, [{ name: 'a', image: 'nginx:1.12', resources: {} }]);
    const withEnv = update(deployments, one, 'envsetter', t2, (o) =>
      Object.assign(spec(o).template.spec.containers[0]!, { env: [{ name: 'X', value: '1' }] }),
    );
    const replaced = applied(apply(deployments, withEnv, 'tool-a', t3, config([{ name: 'c', image: 'nginx:1.12' }])));
    assert.deepEqual(spec(replaced).template.spec.containers, [{ name: 'c', image: 'nginx:1.12', resources: {} }]);
    assert.deepEqual(managers(replaced), [['tool-a', 'Apply', t3]]);
  });

  it('does not give an applier status through the main resource', () => {
    const config = { ...deploymentConfig({}, { paused: true }), status: { replicas: 4 } };
    const result = applied(apply(deployments, contested(), 'main-applier', t1, config));
    assert.deepEqual(fieldsOf(result, 'main-applier'), { 'f:spec': { 'f:paused': {} } });
  });

  it('lets kubectl take what its last-applied annotation set, and keeps the annotation current', () => {
    const annotation = 'kubectl.kubernetes.io/last-applied-configuration';
    const lastApplied =
      '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"csa","namespace":"default"},"data":{"a":"1","b":"2"}}\n';
    const created = update(configMaps, undefined, 'kubectl-client-side-apply', t0, (o) =>
      Object.assign(o, {
        ...configMap('csa', { a: '1', b: '2' }),
        metadata: { name: 'csa', namespace: 'default', annotations: { [annotation]: lastApplied } },
      }),
    );
    const config = { ...configMap('csa', { a: '5', b: '2' }), metadata: { name: 'csa', namespace: 'default' } };
    const result = applied(apply(configMaps, created, 'kubectl', t1, config));
    assert.deepEqual(result.data, { a: '5', b: '2' });
    assert.equal(
      result.metadata.annotations?.[annotation],
      '{"apiVersion":"v1","data":{"a":"5","b":"2"},"kind":"ConfigMap","metadata":{"name":"csa","namespace":"default"}}\n',
    );
    assert.deepEqual(fieldsOf(result, 'kubectl'), { 'f:data': { 'f:a': {}, 'f:b': {} } });
    assert.deepEqual(fieldsOf(result, 'kubectl-client-side-apply'), {
      'f:data': { '.': {}, 'f:b': {} },
      'f:metadata': { 'f:annotations': { '.': {}, [`f:${annotation}`]: {} } },
    });
    const other = apply(configMaps, created, 'someone', t1, config);
    assert.ok('conflicts' in other, 'only kubectl is excused');
  });

  it('owns the deduced parts of a custom resource as granular maps and atomic lists', () => {
    const widgets = {
      schema: schemaFor('example.kubeconflict.dev/v1', 'Widget'),
      apiVersion: 'example.kubeconflict.dev/v1',
      kind: 'Widget',
      resetFields: [],
    };
    const config = {
      apiVersion: 'example.kubeconflict.dev/v1',
      kind: 'Widget',
      metadata: { name: 'w2', labels: { a: 'b' }, finalizers: ['x/y'] },
      spec: { size: 1, tags: ['a'], nested: { deep: { x: 1 } } },
    };
    const result = applied(apply(widgets, undefined, 'ap', t0, config));
    assert.deepEqual(fieldsOf(result, 'ap'), {
      'f:metadata': { 'f:finalizers': { 'v:"x/y"': {} }, 'f:labels': { 'f:a': {} } },
      'f:spec': { '.': {}, 'f:nested': { '.': {}, 'f:deep': { '.': {}, 'f:x': {} } }, 'f:size': {}, 'f:tags': {} },
    });
  });

  it('refuses what kube-apiserver refuses before merging, with its messages', () => {
    const refusal = (config: KubeObject) => {
      try {
        apply(deployments, undefined, 't', t0, config);
        return 'accepted';
      } catch (error) {
        assert.ok(error instanceof ApplyError);
        return `${String(error.code)} ${error.message}`;
      }
    };
    assert.equal(
      refusal({ ...deploymentConfig({}), kind: 'Secret', apiVersion: 'v1' }),
      '400 invalid object type: /v1, Kind=Secret',
    );
    assert.equal(refusal(deploymentConfig({ managedFields: [] })), '400 metadata.managedFields must be nil');
    const typed = 'failed to create typed patch object (/demo; apps/v1, Kind=Deployment): ';
    assert.equal(
      refusal(deploymentConfig({}, { replicas: 'three' })),
      `500 ${typed}.spec.replicas: expected numeric (int or float), got string`,
    );
    assert.equal(refusal(deploymentConfig({}, { foo: 1 })), `500 ${typed}.spec.foo: field not declared in schema`);
    assert.equal(
      refusal(deploymentConfig({}, { replicas: 'x', paused: 'y' })),
      `500 ${typed}errors:\n  .spec.paused: expected boolean, got &{y}\n  .spec.replicas: expected numeric (int or float), got string`,
    );
    assert.equal(
      refusal(deploymentConfig({}, { template: { spec: { containers: [{ name: 'c', image: 5 }] } } })),
      `500 ${typed}.spec.template.spec.containers[name="c"].image: expected string, got &value.valueUnstructured{Value:5}`,
    );
    assert.equal(
      refusal(deploymentConfig({}, { template: { spec: { containers: [{ name: 'c' }, { name: 'c' }] } } })),
      `500 ${typed}.spec.template.spec.containers: duplicate entries for key [name="c"]`,
    );
    assert.equal(
      refusal(deploymentConfig({}, { template: { spec: { containers: [null] } } })),
      `500 ${typed}.spec.template.spec.containers: element 0: associative list with keys may not have a null element`,
    );
    assert.equal(
      refusal(deploymentConfig({ labels: { a: 1 } })),
      `500 ${typed}.metadata.labels.a: expected string, got &value.valueUnstructured{Value:1}`,
    );
  });
});
