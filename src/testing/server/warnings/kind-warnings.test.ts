import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimWarnings, serviceWarnings } from './kind-warnings.ts';

// The messages and their order are kube-apiserver's, compared by cases/warnings.ts.
describe('kind warnings', () => {
  it('name what a headless Service ignores, in the order kube-apiserver checks', () => {
    const headless = {
      spec: { type: 'ClusterIP', clusterIP: 'None', externalIPs: ['192.0.2.1'], sessionAffinity: 'ClientIP' },
    };
    assert.deepEqual(serviceWarnings(headless), [
      'spec.externalIPs is ignored for headless services',
      'spec.SessionAffinity is ignored for headless services',
    ]);
  });

  it('deprecate externalIPs on a Service that uses them, not on an ExternalName one', () => {
    assert.deepEqual(serviceWarnings({ spec: { type: 'ClusterIP', externalIPs: ['192.0.2.1'] } }), [
      'spec.externalIPs is deprecated and may no longer be implemented in some clusters',
    ]);
    assert.deepEqual(serviceWarnings({ spec: { type: 'ExternalName', externalIPs: ['192.0.2.1'] } }), [
      'spec.externalIPs is ignored when spec.type is "ExternalName"',
    ]);
    assert.deepEqual(serviceWarnings({ spec: { type: 'ClusterIP', sessionAffinity: 'None' } }), []);
  });

  it("deprecate a claim's beta storage-class annotation", () => {
    const claim = { metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'fast' } } };
    assert.equal(claimWarnings(claim).length, 1);
    assert.deepEqual(claimWarnings({ metadata: {} }), []);
  });
});
