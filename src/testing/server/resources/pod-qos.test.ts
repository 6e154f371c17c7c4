import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { defaultRequestsFromLimits, podQosClass } from './pod-qos.ts';

// The conformance suite compares these classes with kube-apiserver's (cases/quantities.ts).
const pod = (...resources: Record<string, unknown>[]): KubeObject => ({
  spec: { containers: resources.map((r, i) => ({ name: `c${String(i)}`, resources: r })) },
});

describe('Pod QoS', () => {
  it('is Guaranteed when every container limits cpu and memory and requests the same, in any notation', () => {
    const guaranteed = pod({ requests: { cpu: '0.5', memory: '1024Mi' }, limits: { cpu: '500m', memory: '1Gi' } });
    assert.equal(podQosClass(guaranteed), 'Guaranteed');
  });

  it('is Burstable when a container limits only one of them, or requests differ', () => {
    assert.equal(podQosClass(pod({ limits: { cpu: 1 }, requests: { cpu: 1 } })), 'Burstable');
    assert.equal(
      podQosClass(pod({ limits: { cpu: 1, memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } })),
      'Burstable',
    );
  });

  it('is BestEffort when no container asks for a positive cpu or memory (other resources do not count)', () => {
    assert.equal(podQosClass(pod({ requests: { cpu: '0' }, limits: { 'example.com/gpu': 1 } })), 'BestEffort');
    assert.equal(podQosClass(pod({})), 'BestEffort');
  });

  it('defaults each missing request to its limit, keeping the requests given', () => {
    const object = pod({ requests: { cpu: '100m' }, limits: { cpu: 1, memory: '1Gi' } });
    defaultRequestsFromLimits(object);
    const container = (object.spec as { containers: { resources: unknown }[] }).containers[0];
    assert.deepEqual(container?.resources, {
      requests: { cpu: '100m', memory: '1Gi' },
      limits: { cpu: 1, memory: '1Gi' },
    });
  });
});
