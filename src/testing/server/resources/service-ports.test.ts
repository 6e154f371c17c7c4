import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { services } from './service-type.ts';

/** The causes of a new Service with these ports, after defaulting, as the server checks it. */
function causesOf(ports: unknown[]): unknown {
  const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports } };
  services.applyDefaults?.(service);
  return services.validate?.(service, undefined);
}

describe('Service port validation (validateService)', () => {
  it('refuses a port out of range, and the targetPort defaulted from it, as kube-apiserver does', () => {
    // Checked against kube-apiserver v1.36.3 by test/integration/python-client.test.ts.
    const detail = 'Invalid value: 70000: must be between 1 and 65535, inclusive';
    assert.deepEqual(causesOf([{ name: 'http', port: 70000 }]), [
      { reason: 'FieldValueInvalid', message: detail, field: 'spec.ports[0].port' },
      { reason: 'FieldValueInvalid', message: detail, field: 'spec.ports[0].targetPort' },
    ]);
  });

  it('accepts named ports in range and a named targetPort', () => {
    assert.deepEqual(
      causesOf([
        { name: 'a', port: 80 },
        { name: 'b', port: 65535, targetPort: 'http' },
      ]),
      [],
    );
  });

  // The causes below are kube-apiserver v1.36.3's, recorded by the conformance case
  // "invalid specs: Service port protocols, names, duplicates and types".
  it('requires a name of each port when there are several, and refuses a name twice', () => {
    assert.deepEqual(causesOf([{ port: 80 }, { port: 81 }]), [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports[0].name' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports[1].name' },
    ]);
    assert.deepEqual(
      causesOf([
        { name: 'web', port: 80 },
        { name: 'web', port: 81 },
      ]),
      [{ reason: 'FieldValueDuplicate', message: 'Duplicate value: "web"', field: 'spec.ports[1].name' }],
    );
  });

  it('refuses a protocol other than SCTP, TCP and UDP, lower case included', () => {
    assert.deepEqual(causesOf([{ port: 80, protocol: 'tcp' }]), [
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
        field: 'spec.ports[0].protocol',
      },
    ]);
  });

  it('refuses a second port of one number and protocol, showing the ServicePort key as Go prints it', () => {
    const ports = [
      { name: 'a', port: 80 },
      { name: 'b', port: 80 },
      { name: 'c', port: 80, protocol: 'UDP' },
    ];
    assert.deepEqual(causesOf(ports), [
      {
        reason: 'FieldValueDuplicate',
        message:
          'Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
        field: 'spec.ports[1]',
      },
    ]);
  });
});
