import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { builtinPrinter } from './columns.ts';

const now = new Date('2026-01-01T01:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };
const cells = (apiVersion: string, kind: string, object: KubeObject) =>
  builtinPrinter(apiVersion, kind)?.cells(object, now);

describe('builtinPrinter', () => {
  it('counts ConfigMap data and binaryData together, and Secret data alone', () => {
    assert.deepEqual(cells('v1', 'ConfigMap', { metadata, data: { a: '1' }, binaryData: { b: 'Mg==' } }), [
      'x',
      2,
      '60m',
    ]);
    assert.deepEqual(cells('v1', 'Secret', { metadata, type: 'Opaque' }), ['x', 'Opaque', 0, '60m']);
  });

  it("prints a Namespace's phase and a Lease's holder, empty when unset", () => {
    assert.deepEqual(cells('v1', 'Namespace', { metadata, status: { phase: 'Terminating' } }), [
      'x',
      'Terminating',
      '60m',
    ]);
    assert.deepEqual(cells('coordination.k8s.io/v1', 'Lease', { metadata, spec: {} }), ['x', '', '60m']);
    assert.deepEqual(cells('coordination.k8s.io/v1', 'Lease', { metadata, spec: { holderIdentity: 'me' } }), [
      'x',
      'me',
      '60m',
    ]);
  });

  it('prints a stored Pod as never run: none ready, its phase, no restarts, the wide cells <none>', () => {
    const pod = { metadata, spec: { containers: [{ name: 'a' }, { name: 'b' }] }, status: { phase: 'Pending' } };
    assert.deepEqual(cells('v1', 'Pod', pod), [
      'x',
      '0/2',
      'Pending',
      '0',
      '60m',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ]);
  });

  it('has none for kinds kube-apiserver prints but the embedded server does not serve', () => {
    assert.equal(builtinPrinter('storage.k8s.io/v1', 'StorageClass'), undefined);
  });
});
