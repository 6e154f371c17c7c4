import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deployment } from '../schema/apps-v1.generated.ts';
import { httpGetAction } from '../schema/core-v1.generated.ts';
import { objectMeta } from '../schema/meta-v1.generated.ts';
import { customResource } from '../schema/index.ts';
import { componentName, goTypeName } from './component-names.ts';

describe('componentName', () => {
  it("names a struct by its package and Go type, as kube-apiserver's OpenAPI does", () => {
    assert.equal(componentName(deployment), 'io.k8s.api.apps.v1.Deployment');
    assert.equal(componentName(objectMeta), 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    assert.equal(componentName(httpGetAction), 'io.k8s.api.core.v1.HTTPGetAction');
  });

  it('leaves the custom resource schema, shared by every custom kind, unnamed', () => {
    assert.equal(componentName(customResource), undefined);
  });

  it('spells Go initialisms in capitals', () => {
    assert.equal(goTypeName('csiVolumeSource'), 'CSIVolumeSource');
    assert.equal(goTypeName('seLinuxOptions'), 'SELinuxOptions');
    assert.equal(goTypeName('podDNSConfig'), 'PodDNSConfig');
    assert.equal(goTypeName('fcVolumeSource'), 'FCVolumeSource');
    assert.equal(goTypeName('flexVolumeSource'), 'FlexVolumeSource');
  });
});
