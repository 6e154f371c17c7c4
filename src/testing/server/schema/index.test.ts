import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customResource, goRoundTrip, resetFieldsFor, schemaFor, zeroValue } from './index.ts';
import type { ListSchema, Schema, StructSchema } from './schema.ts';

const field = (schema: Schema, ...names: string[]): Schema => {
  let node = schema;
  for (const name of names) {
    if (node.kind === 'struct') node = node.fields[name]!.schema;
    else if (node.kind === 'list') node = node.items;
    else assert.fail(`no ${name}`);
  }
  return node;
};

describe('schemaFor', () => {
  const deployment = schemaFor('apps/v1', 'Deployment');

  it('transcribes list types, keys, key defaults and atomic structs from the Go types', () => {
    const containers = field(deployment, 'spec', 'template', 'spec', 'containers') as ListSchema;
    assert.equal(containers.listType, 'map');
    assert.deepEqual(containers.keys, ['name']);
    const ports = field(containers, 'items', 'ports') as ListSchema;
    assert.deepEqual(ports.keys, ['containerPort', 'protocol']);
    assert.equal(ports.keyDefaults.protocol, 'TCP');
    assert.equal((field(deployment, 'spec', 'selector') as StructSchema).atomic, true);
    assert.equal((field(containers, 'items', 'args') as ListSchema).listType, 'atomic');
    assert.equal((field(deployment, 'metadata', 'finalizers') as ListSchema).listType, 'set');
  });

  it('carries the strategic merge patch tags', () => {
    const podSpec = field(deployment, 'spec', 'template', 'spec') as StructSchema;
    assert.deepEqual(
      [podSpec.fields.containers?.patchStrategy, podSpec.fields.containers?.patchMergeKey],
      ['merge', 'name'],
    );
    assert.equal(podSpec.fields.volumes?.patchStrategy, 'merge,retainKeys');
    assert.equal((field(deployment, 'spec') as StructSchema).fields.strategy?.patchStrategy, 'retainKeys');
  });

  it('takes other kinds for custom resources: typed metadata, everything else deduced', () => {
    assert.equal(schemaFor('example.com/v1', 'Widget'), customResource);
    assert.equal(schemaFor('apps/v1', 'ConfigMap'), customResource);
    assert.equal(field(customResource, 'metadata', 'finalizers').kind, 'list');
    assert.deepEqual(Object.keys(customResource.fields), ['apiVersion', 'kind', 'metadata']);
    assert.ok(customResource.open);
  });

  it('knows the fields each strategy resets', () => {
    assert.deepEqual(resetFieldsFor('apps/v1', 'Deployment'), [['status']]);
    assert.deepEqual(resetFieldsFor('apps/v1', 'Deployment', 'status'), [['spec'], ['metadata', 'labels']]);
    assert.deepEqual(resetFieldsFor('v1', 'ConfigMap'), []);
  });
});

describe('zeroValue', () => {
  it('is the JSON of the Go zero value: plain structs present, nil-able fields absent or null', () => {
    // As Go's runtime.DefaultUnstructuredConverter writes &appsv1.Deployment{} and &corev1.Pod{}.
    assert.deepEqual(zeroValue(schemaFor('apps/v1', 'Deployment')), {
      metadata: {},
      spec: { selector: null, template: { metadata: {}, spec: { containers: null } }, strategy: {} },
      status: {},
    });
    assert.deepEqual(zeroValue(schemaFor('v1', 'Pod')), { metadata: {}, spec: { containers: null }, status: {} });
    assert.deepEqual(zeroValue(schemaFor('coordination.k8s.io/v1', 'Lease')), { metadata: {}, spec: {} });
  });
});

describe('goRoundTrip', () => {
  it('writes what Go would: empty omitempty fields out, plain structs and pointers kept', () => {
    const input = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', labels: {}, annotations: { b: '2', a: '1' }, bogus: 1 },
      spec: {
        replicas: 0,
        paused: false,
        minReadySeconds: 0,
        template: { spec: { containers: [{ name: 'c', env: [], securityContext: {} }] } },
      },
    };
    const output = goRoundTrip(schemaFor('apps/v1', 'Deployment'), input);
    assert.deepEqual(output, {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'd', annotations: { a: '1', b: '2' } },
      spec: {
        replicas: 0,
        selector: null,
        template: { metadata: {}, spec: { containers: [{ name: 'c', resources: {}, securityContext: {} }] } },
        strategy: {},
      },
      status: {},
    });
  });
});
