import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { nodes } from './node-type.ts';

// As kube-apiserver v1.36.3 created the same Nodes (test/conformance/cases/core-controllers-nodes.ts).
const created = (node: KubeObject): KubeObject => {
  nodes.applyDefaults?.(node);
  nodes.prepareWrite?.(node, undefined);
  nodes.admitOnCreate?.(node, () => []);
  return node;
};

describe('nodes', () => {
  it('a create keeps its status, with allocatable from capacity, and gets the not-ready taint', () => {
    const node = created({ metadata: { name: 'n' }, status: { capacity: { cpu: '1' } } });
    assert.deepEqual(node.status, { capacity: { cpu: '1' }, allocatable: { cpu: '1' } });
    assert.deepEqual(node.spec, { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] });
  });

  it('keeps an allocatable of its own, drops status.config, and adds no taint when one matches key and effect', () => {
    const taints = [{ key: 'node.kubernetes.io/not-ready', value: 'x', effect: 'NoSchedule' }];
    const node = created({
      metadata: { name: 'n' },
      spec: { taints },
      status: { capacity: { cpu: '1' }, allocatable: { cpu: '900m' }, config: { error: 'x' } },
    });
    assert.deepEqual(node.status, { capacity: { cpu: '1' }, allocatable: { cpu: '900m' } });
    assert.deepEqual((node.spec as { taints: unknown }).taints, taints);
  });

  it('fills podCIDR from podCIDRs, as the round trip through the internal type does', () => {
    const node = created({ metadata: { name: 'n' }, spec: { podCIDRs: ['10.244.3.0/24'] } });
    assert.equal((node.spec as { podCIDR?: string }).podCIDR, '10.244.3.0/24');
  });
});
