import assert from 'node:assert/strict';
import { it } from 'node:test';
import { compareKubeVersions } from './version-priority.ts';

it('orders versions as Kubernetes discovery does', () => {
  const versions = ['v1alpha1', 'foo', 'v1', 'v11alpha2', 'v2beta1', 'v10', 'v12alpha1', 'v2', 'v10beta3', 'bar'];
  assert.deepEqual(versions.sort(compareKubeVersions), [
    'v10',
    'v2',
    'v1',
    'v10beta3',
    'v2beta1',
    'v12alpha1',
    'v11alpha2',
    'v1alpha1',
    'bar',
    'foo',
  ]);
});
