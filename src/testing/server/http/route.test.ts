import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { route } from './route.ts';

describe('route', () => {
  it('reads a subresource of a namespaced object', () => {
    assert.deepEqual(route('/apis/apps/v1/namespaces/default/deployments/web/scale'), {
      kind: 'resource',
      group: 'apps',
      version: 'v1',
      plural: 'deployments',
      namespace: 'default',
      name: 'web',
      subresource: 'scale',
    });
  });

  it('reads namespaces/<name>/status as the Namespace status, not a resource named status', () => {
    assert.deepEqual(route('/api/v1/namespaces/team/status'), {
      kind: 'resource',
      group: '',
      version: 'v1',
      plural: 'namespaces',
      namespace: undefined,
      name: 'team',
      subresource: 'status',
    });
    const inNamespace = route('/api/v1/namespaces/team/configmaps');
    assert.equal(inNamespace.kind === 'resource' && inNamespace.plural, 'configmaps');
  });
});
