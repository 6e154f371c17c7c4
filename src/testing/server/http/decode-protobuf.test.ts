import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEnvelope, encodeEnvelope } from '../protobuf/envelope.ts';
import { encodeObject } from '../protobuf/index.ts';
import { configMaps, pods } from '../resources/builtin-types.ts';
import { decodeProtobufObject } from './decode-protobuf.ts';
import { StatusError } from './status.ts';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image: 'i' }] },
};
const podRaw = decodeEnvelope(encodeObject(pod)).raw;
const refusedWith = (bytes: Uint8Array, type: typeof pods, message: string) => {
  assert.throws(
    () => decodeProtobufObject(bytes, type),
    (error) => error instanceof StatusError && error.code === 400 && error.message === message,
  );
};

// Each answer checked against kube-apiserver v1.36.3 (a POST of the same body).
describe('a protobuf body for a create or update', () => {
  it('naming meta.k8s.io/v1 kinds other than Status: not registered in the resources scheme', () => {
    for (const kind of ['WatchEvent', 'DeleteOptions']) {
      refusedWith(
        encodeEnvelope('meta.k8s.io/v1', kind, podRaw),
        pods,
        `${kind} in version "v1" cannot be handled as a Pod: no kind "${kind}" is registered for version "meta.k8s.io/v1" in scheme "pkg/runtime/scheme.go:111"`,
      );
    }
  });

  it('naming an apiVersion Go cannot parse: the resource version, then the kind named', () => {
    refusedWith(
      encodeEnvelope('a/b/c', 'ConfigMap', podRaw),
      pods,
      'ConfigMap in version "v1" cannot be handled as a Pod: converting (v1.ConfigMap) to (core.Pod): unknown conversion',
    );
    assert.equal(decodeProtobufObject(encodeEnvelope('a/b/c', 'Pod', podRaw), pods).kind, 'Pod');
  });

  it('a WatchEvent whose object bytes are not JSON: the conversion error, not a crash', () => {
    refusedWith(
      encodeEnvelope('v1', 'WatchEvent', podRaw),
      configMaps,
      'WatchEvent in version "v1" cannot be handled as a ConfigMap: converting (v1.WatchEvent) to (core.ConfigMap): unknown conversion',
    );
  });
});
