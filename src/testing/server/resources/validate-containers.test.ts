// The causes here are kube-apiserver v1.36.3's, recorded by the conformance cases in
// test/conformance/cases/invalid/containers.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { pods } from './builtin-types.ts';

type Json = Record<string, unknown>;
/** The causes of a new Pod of `containers`, after defaulting, as `field: message`. */
function causesOf(containers: Json[]): string[] {
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } };
  pods.applyDefaults?.(pod);
  return (pods.validate?.(pod, undefined) ?? []).map(({ field, message }) => `${field}: ${message}`);
}

describe('container validation', () => {
  it('requires a name and an image, and refuses a name twice', () => {
    assert.deepEqual(causesOf([{ name: 'c' }]), ['spec.containers[0].image: Required value']);
    assert.deepEqual(causesOf([{ image: 'x' }]), ['spec.containers[0].name: Required value']);
    assert.deepEqual(
      causesOf([
        { name: 'c', image: 'x' },
        { name: 'c', image: 'y' },
      ]),
      ['spec.containers[1].name: Duplicate value: "c"'],
    );
  });

  it('refuses an unknown pull policy and an env var without a name', () => {
    assert.deepEqual(causesOf([{ name: 'c', image: 'x', imagePullPolicy: 'Sometimes' }]), [
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
    assert.deepEqual(causesOf([{ name: 'c', image: 'x', env: [{ value: 'v' }] }]), [
      'spec.containers[0].env[0].name: Required value',
    ]);
  });

  it('refuses ports without a number or out of range, of unknown protocols, badly named or named twice', () => {
    const ports = [
      { containerPort: 0 },
      { containerPort: 70000, hostPort: 70001, protocol: 'HTTP' },
      { name: 'Web_Port', containerPort: 80 },
      { name: 'web', containerPort: 81 },
      { name: 'web', containerPort: 82 },
    ];
    const at = 'spec.containers[0].ports';
    assert.deepEqual(causesOf([{ name: 'c', image: 'x', ports }]), [
      `${at}[0].containerPort: Required value`,
      `${at}[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
      `${at}[1].hostPort: Invalid value: 70001: must be between 1 and 65535, inclusive`,
      `${at}[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`,
      `${at}[2].name: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
      `${at}[4].name: Duplicate value: "web"`,
    ]);
  });
});
