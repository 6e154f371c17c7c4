import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customResource, schemaFor, type StructSchema } from '../schema/index.ts';
import { kindComponents, type OpenApiObject } from './components.ts';

const kind = (apiVersion: string, name: string, group: string, version: string, component: string) => ({
  name: component,
  schema: schemaFor(apiVersion, name) as StructSchema,
  group,
  version,
  kind: name,
});

const property = (component: OpenApiObject | undefined, name: string) =>
  (component?.properties as Record<string, OpenApiObject>)[name];

describe('kindComponents', () => {
  const components = kindComponents([kind('apps/v1', 'Deployment', 'apps', 'v1', 'io.k8s.api.apps.v1.Deployment')]);
  const podSpec = components['io.k8s.api.core.v1.PodSpec'];

  it('marks the kind with its group-version-kind, in the list form kubectl looks for', () => {
    assert.deepEqual(components['io.k8s.api.apps.v1.Deployment']?.['x-kubernetes-group-version-kind'], [
      { group: 'apps', kind: 'Deployment', version: 'v1' },
    ]);
  });

  it('carries list types, map keys and patch tags, beside a reference in allOf', () => {
    assert.deepEqual(property(podSpec, 'containers'), {
      type: 'array',
      items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    });
    assert.deepEqual(property(components['io.k8s.api.apps.v1.DeploymentSpec'], 'strategy'), {
      allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy' }],
      'x-kubernetes-patch-strategy': 'retainKeys',
    });
    assert.equal(property(podSpec, 'volumes')?.['x-kubernetes-patch-strategy'], 'merge,retainKeys');
  });

  it('writes atomic maps and structs, and key defaults on the item type', () => {
    assert.equal(property(podSpec, 'nodeSelector')?.['x-kubernetes-map-type'], 'atomic');
    assert.equal(components['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']?.['x-kubernetes-map-type'], 'atomic');
    assert.deepEqual(property(components['io.k8s.api.core.v1.ContainerPort'], 'protocol'), {
      type: 'string',
      default: 'TCP',
    });
  });

  it('writes scalars as kube-apiserver types them', () => {
    const meta = components['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'];
    assert.deepEqual(property(meta, 'creationTimestamp'), { type: 'string', format: 'date-time' });
    assert.deepEqual(property(meta, 'generation'), { type: 'integer' });
    assert.deepEqual(property(components['io.k8s.api.apps.v1.RollingUpdateDeployment'], 'maxSurge'), {
      format: 'int-or-string',
      oneOf: [{ type: 'integer' }, { type: 'string' }],
    });
  });

  it('names custom kinds as asked, and keeps their unknown fields', () => {
    const custom = kindComponents([
      { name: 'dev.example.v1.Widget', schema: customResource, group: 'example.dev', version: 'v1', kind: 'Widget' },
      { name: 'dev.example.v1.Gadget', schema: customResource, group: 'example.dev', version: 'v1', kind: 'Gadget' },
    ]);
    assert.equal(custom['dev.example.v1.Widget']?.['x-kubernetes-preserve-unknown-fields'], true);
    assert.deepEqual(custom['dev.example.v1.Gadget']?.['x-kubernetes-group-version-kind'], [
      { group: 'example.dev', kind: 'Gadget', version: 'v1' },
    ]);
    assert.deepEqual(property(custom['dev.example.v1.Widget'], 'metadata'), {
      $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    });
  });
});
