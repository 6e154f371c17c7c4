import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeCauses } from './node-validation.ts';

// Messages as kube-apiserver v1.36.3 answered the same Nodes (test/conformance/cases/core-controllers-nodes.ts).
const shown = (causes: readonly { field: string; message: string }[]) =>
  causes.map(({ field, message }) => `${field}: ${message}`);

describe('nodeCauses', () => {
  it('refuses a taint without effect, and a second taint of one key and effect, written as Go writes the struct', () => {
    const node = {
      metadata: { name: 'n' },
      spec: {
        taints: [
          { key: 'a', effect: '' },
          { key: 'a', value: 'x', effect: 'NoExecute' },
          { key: 'a', value: 'y', effect: 'NoExecute' },
        ],
      },
    };
    assert.deepEqual(shown(nodeCauses(node, undefined)), [
      'metadata.taints[0].effect: Required value',
      'metadata.taints[2]: Duplicate value: {"Key":"a","Value":"y","Effect":"NoExecute","TimeAdded":null}: taints must be unique by key and effect pair',
    ]);
  });

  it('refuses an update of a set pod CIDR, provider ID or externalID', () => {
    const old = { metadata: { name: 'n' }, spec: { podCIDRs: ['10.244.3.0/24'], providerID: 'a', externalID: 'x' } };
    const node = { metadata: { name: 'n' }, spec: { podCIDRs: ['10.244.4.0/24'], providerID: 'b', externalID: 'y' } };
    assert.deepEqual(shown(nodeCauses(node, old)), [
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
      'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
      'spec.externalID: Forbidden: may not be updated',
    ]);
  });
});
