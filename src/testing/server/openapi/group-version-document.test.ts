import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceRegistry } from '../registry.ts';
import { configMaps, leases, namespaces } from '../resources/builtin-types.ts';
import { roles } from '../resources/rbac-types.ts';
import { groupVersionDocument, kindComponentName, objectPath } from './group-version-document.ts';
import type { OpenApiObject } from './components.ts';

const patchOf = (document: OpenApiObject, path: string) =>
  ((document.paths as Record<string, OpenApiObject>)[path]?.patch ?? {}) as OpenApiObject;

describe('groupVersionDocument', () => {
  it('offers the PATCH operation with fieldValidation, which makes kubectl validate on the server', () => {
    const document = groupVersionDocument([namespaces, configMaps]);
    assert.equal(document.openapi, '3.0.0');
    assert.deepEqual(Object.keys(document.paths as object), [
      '/api/v1/namespaces/{name}',
      '/api/v1/namespaces/{namespace}/configmaps/{name}',
    ]);
    const patch = patchOf(document, '/api/v1/namespaces/{namespace}/configmaps/{name}');
    assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', version: 'v1', kind: 'ConfigMap' });
    assert.ok((patch.parameters as OpenApiObject[]).some((p) => p.name === 'fieldValidation' && p.in === 'query'));
    assert.equal(patch.operationId, 'patchCoreV1NamespacedConfigMap');
    assert.ok('application/strategic-merge-patch+json' in ((patch.requestBody as OpenApiObject).content as object));
    assert.ok('io.k8s.api.core.v1.ConfigMap' in ((document.components as OpenApiObject).schemas as object));
  });

  it('offers no strategic merge patch for a custom resource, so kubectl sends a merge patch', () => {
    const registry = new ResourceRegistry();
    const widgets = registry.registerCustomResource({
      group: 'example.dev',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
    });
    const document = groupVersionDocument([widgets]);
    const patch = patchOf(document, '/apis/example.dev/v1/namespaces/{namespace}/widgets/{name}');
    assert.deepEqual(Object.keys((patch.requestBody as OpenApiObject).content as object), [
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
    ]);
    assert.equal(patch.operationId, 'patchExampleDevV1NamespacedWidget');
    assert.deepEqual(document.info, { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' });
    assert.equal(kindComponentName(widgets), 'dev.example.v1.Widget');
  });

  it('names paths and kinds as kube-apiserver does', () => {
    assert.equal(objectPath(leases), '/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases/{name}');
    assert.equal(kindComponentName(leases), 'io.k8s.api.coordination.v1.Lease');
    // After the Go package, not the group.
    assert.equal(kindComponentName(roles), 'io.k8s.api.rbac.v1.Role');
  });
});
