import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEnvelope, encodeEnvelope } from '../protobuf/envelope.ts';
import { encodeObject, protobufMediaType } from '../protobuf/index.ts';
import { StatusError } from '../http/status.ts';
import { decodeDeleteOptions } from './delete-options.ts';

// DeleteOptions bytes, sent in envelopes naming other kinds.
const options = { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, propagationPolicy: 'Background' };
const raw = decodeEnvelope(encodeObject(options)).raw;
const decode = (apiVersion: string, kind: string) =>
  decodeDeleteOptions('', protobufMediaType, encodeEnvelope(apiVersion, kind, raw));
const refusedWith = (apiVersion: string, kind: string, message: string) => {
  assert.throws(
    () => decode(apiVersion, kind),
    (error) => error instanceof StatusError && error.code === 400 && error.message === message,
    `${apiVersion} ${kind}`,
  );
};

// Each answer checked against kube-apiserver v1.36.3 (a DELETE with the same body).
describe('a protobuf DeleteOptions body, decoded with the meta scheme as kube-apiserver does', () => {
  it('reads DeleteOptions in any version, an unparseable or missing one, or with no kind', () => {
    for (const [apiVersion, kind] of [
      ['v9', 'DeleteOptions'],
      ['a/b/c', 'DeleteOptions'],
      ['apps/', 'DeleteOptions'],
      ['', 'DeleteOptions'],
      ['', ''],
      ['v1', ''],
    ] as const) {
      assert.equal(
        (decode(apiVersion, kind) as Record<string, unknown>).propagationPolicy,
        'Background',
        `${apiVersion} ${kind}`,
      );
    }
  });

  it('refuses a kind the meta scheme does not know before reading its bytes', () => {
    const notRegistered = (kind: string, version: string) =>
      `no kind "${kind}" is registered for version "${version}" in scheme "pkg/runtime/scheme.go:111"`;
    refusedWith('v1', 'PodList', notRegistered('PodList', 'v1'));
    refusedWith('v1', 'ConfigMap', notRegistered('ConfigMap', 'v1'));
    refusedWith('apps/v1', 'Deployment', notRegistered('Deployment', 'apps/v1'));
    refusedWith('v1', 'WatchEvent', notRegistered('WatchEvent', 'v1'));
  });

  it('reads the bytes of kinds it knows as those kinds', () => {
    refusedWith('v1', 'Status', 'proto: wrong wireType = 0 for field ListMeta');
    refusedWith('meta.k8s.io/v1', 'WatchEvent', 'proto: wrong wireType = 0 for field Type');
    refusedWith(
      'meta.k8s.io/v1',
      'Table',
      'object *v1.Table does not implement the protobuf marshalling interface and cannot be encoded to a protobuf message',
    );
  });
});
