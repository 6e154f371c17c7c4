import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { services } from './service-type.ts';

const created = (spec: Record<string, unknown>, stored: readonly KubeObject[] = []): Record<string, unknown> => {
  const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec };
  services.applyDefaults?.(service);
  services.admitOnCreate?.(service, () => stored);
  return service.spec as Record<string, unknown>;
};

describe('services', () => {
  it('allocates a free cluster IP of 10.0.0.0/24, never 10.0.0.1, and one IPv4 family', () => {
    const taken = Array.from({ length: 250 }, (_, index) => ({ spec: { clusterIP: `10.0.0.${String(index + 2)}` } }));
    const spec = created({ selector: { app: 'a' }, ports: [{ port: 80 }] }, taken);
    assert.ok(['10.0.0.252', '10.0.0.253', '10.0.0.254'].includes(spec.clusterIP as string), String(spec.clusterIP));
    assert.deepEqual(spec.clusterIPs, [spec.clusterIP]);
    assert.deepEqual([spec.ipFamilyPolicy, spec.ipFamilies], ['SingleStack', ['IPv4']]);
  });

  it('fails clearly when the range is used up', () => {
    const taken = Array.from({ length: 253 }, (_, index) => ({ spec: { clusterIP: `10.0.0.${String(index + 2)}` } }));
    assert.throws(() => created({ ports: [{ port: 80 }] }, taken), /no cluster IP left in 10\.0\.0\.0\/24/);
  });

  it('keeps the allocated IP when an update leaves it out', () => {
    const live: KubeObject = { spec: { clusterIP: '10.0.0.7', clusterIPs: ['10.0.0.7'], ipFamilies: ['IPv4'] } };
    const update: KubeObject = { spec: { ports: [{ port: 80 }] } };
    services.prepareForUpdate?.(update, live, () => []);
    assert.deepEqual((update.spec as Record<string, unknown>).clusterIPs, ['10.0.0.7']);
  });
});
