import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { descriptors } from './descriptors.ts';
import { encodeEnvelope } from './envelope.ts';
import { badRequestMessage, ProtobufDecodeError } from './errors.ts';
import { decodeObject, encodeObject, hasProtobufMessage } from './index.ts';

const fromHex = (text: string) => Uint8Array.from(Buffer.from(text.replaceAll(' ', ''), 'hex'));

// A Secret as Go's Marshal writes it: an ObjectMeta with its plain fields written empty,
// data {"e": []byte{}, "n": nil} (a nil value has no value field), type "".
const goEmptyMeta = '0a10 0a00 1200 1a00 2200 2a00 3200 3800 4200';
const goSecret = `${goEmptyMeta} 12050a01651200 12030a016e 1a00`;

function decodeError(bytes: Uint8Array): ProtobufDecodeError {
  try {
    decodeObject(bytes);
  } catch (error) {
    if (error instanceof ProtobufDecodeError) return error;
    throw error;
  }
  assert.fail('decodeObject did not throw');
}

describe('encodeObject and decodeObject', () => {
  it('read Go\'s bytes as Go\'s JSON: empty bytes and nil bytes in a map are both ""', () => {
    assert.deepEqual(decodeObject(encodeEnvelope('v1', 'Secret', fromHex(goSecret))), {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: {},
      data: { e: '', n: '' },
    });
  });

  it("write Go's bytes: every plain field, even empty; map entries sorted by key", () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: {}, data: { e: '' } };
    assert.deepEqual(
      encodeObject(secret),
      encodeEnvelope('v1', 'Secret', fromHex(`${goEmptyMeta} 12050a01651200 1a00`)),
    );
    const sorted = encodeObject({ apiVersion: 'v1', kind: 'ConfigMap', data: { b: '2', a: '1' } });
    const unsorted = encodeObject({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1', b: '2' } });
    assert.deepEqual(sorted, unsorted);
  });

  it('keep a map key named __proto__ (a valid ConfigMap key) both ways', () => {
    const data = JSON.parse('{"__proto__":"x","a":"b"}') as Record<string, string>;
    const decoded = decodeObject(encodeObject({ apiVersion: 'v1', kind: 'ConfigMap', data }));
    assert.deepEqual(Object.entries(decoded.data as object), [
      ['__proto__', 'x'],
      ['a', 'b'],
    ]);
  });

  it('inline the embedded structs Go inlines (a volume source, a probe handler)', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'c', image: 'i', livenessProbe: { exec: { command: ['true'] } } }],
        volumes: [{ name: 'v', secret: { secretName: 's', optional: false } }],
      },
    };
    const spec = decodeObject(encodeObject(pod)).spec as Record<string, [Record<string, unknown>]>;
    assert.deepEqual(spec.volumes?.[0], { name: 'v', secret: { secretName: 's', optional: false } });
    assert.deepEqual(spec.containers?.[0].livenessProbe, { exec: { command: ['true'] } });
  });

  it('keep pointers to zero values and int64s as numbers, drop empty omitempty fields', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', generation: 2 ** 40, labels: {} },
      spec: { replicas: 0, minReadySeconds: 0, selector: null, template: { spec: { containers: [] } } },
    };
    const decoded = decodeObject(encodeObject(deployment));
    assert.deepEqual(decoded.metadata, { name: 'd', generation: 2 ** 40 });
    // selector and containers have no omitempty: Go writes null for them.
    assert.deepEqual(decoded.spec, {
      replicas: 0,
      selector: null,
      template: { metadata: {}, spec: { containers: null } },
      strategy: {},
    });
  });

  it('know the root kinds, their lists, and DeleteOptions in every group version; not others; name bad values', () => {
    for (const [apiVersion, kind] of [
      ['v1', 'Pod'],
      ['apps/v1', 'DeploymentList'],
      ['autoscaling/v1', 'Scale'],
      ['v1', 'Status'],
      ['apps/v1', 'DeleteOptions'],
      ['meta.k8s.io/v1', 'DeleteOptions'],
    ])
      assert.ok(hasProtobufMessage(apiVersion!, kind!), `${apiVersion}/${kind}`);
    for (const key of descriptors().kinds.keys()) {
      const slash = key.lastIndexOf('/');
      assert.ok(hasProtobufMessage(key.slice(0, slash), key.slice(slash + 1)), key);
    }
    assert.ok(!hasProtobufMessage('stable.example.com/v1', 'CronTab'));
    assert.ok(!hasProtobufMessage('v1', 'LimitRange'));
    assert.throws(() => encodeObject({ apiVersion: 'v1', kind: 'Pod', spec: { priority: 2 ** 31 } }), {
      message: 'Pod.spec.priority: expected int32, got 2147483648',
    });
    assert.throws(() => encodeObject({ apiVersion: 'v1', kind: 'Secret', data: { k: 'not base64!' } }), {
      message: 'Secret.data.k: "not base64!" is not base64 (bytes are base64 in JSON)',
    });
    assert.throws(() => encodeObject({ apiVersion: 'example.com/v1', kind: 'Widget' }), {
      message: 'protobuf: no protobuf message for kind "Widget" in "example.com/v1"',
    });
  });

  it("refuse an envelope kind Go would not know, in kube-apiserver's words", () => {
    const raw = fromHex(goSecret);
    const unknown = decodeError(encodeEnvelope('apps/v1', 'Widget', raw));
    assert.equal(
      unknown.message,
      'no kind "Widget" is registered for version "apps/v1" in scheme "pkg/runtime/scheme.go:111"',
    );
    assert.equal(
      badRequestMessage(unknown, 'Deployment', new Uint8Array()),
      `Widget in version "v1" cannot be handled as a Deployment: ${unknown.message}`,
    );
    assert.equal(
      decodeError(encodeEnvelope('v1', '', raw)).message,
      `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"v1", Kind:""}'`,
    );
  });

  it('refuse truncated data with "unexpected EOF", worded as kube-apiserver does', () => {
    const inner = encodeEnvelope('v1', 'Secret', fromHex(goSecret).subarray(0, 20));
    const innerError = decodeError(inner);
    assert.equal(innerError.message, 'unexpected EOF');
    assert.deepEqual(innerError.typeMeta, { apiVersion: 'v1', kind: 'Secret' });
    assert.equal(
      badRequestMessage(innerError, 'ConfigMap', inner),
      'Secret in version "v1" cannot be handled as a ConfigMap: unexpected EOF',
    );
    const envelope = encodeEnvelope('v1', 'Secret', fromHex(goSecret)).subarray(0, 40);
    const envelopeError = decodeError(envelope);
    assert.equal(envelopeError.typeMeta, undefined);
    assert.equal(
      badRequestMessage(envelopeError, 'Secret', envelope),
      `the object provided is unrecognized (must be of type Secret): unexpected EOF (${Buffer.from(envelope.subarray(0, 30)).toString('hex')} ...)`,
    );
    assert.equal(
      badRequestMessage(decodeError(Buffer.from('{"kind":1}')), 'Pod', Buffer.from('{"kind":1}')),
      'the object provided is unrecognized (must be of type Pod): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"kind":1})',
    );
  });

  it('take an empty kind or version in the envelope from the defaults given, as Go does', () => {
    const raw = fromHex(goSecret);
    const secret = { kind: 'Secret', apiVersion: 'v1', metadata: {}, data: { e: '', n: '' } };
    assert.deepEqual(decodeObject(encodeEnvelope('', '', raw), { apiVersion: 'v1', kind: 'Secret' }), secret);
    assert.deepEqual(decodeObject(encodeEnvelope('v1', '', raw), { apiVersion: 'v1', kind: 'Secret' }), secret);
    assert.equal(
      decodeError(encodeEnvelope('', 'Secret', raw)).message,
      `Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:"Secret"}'`,
    );
  });

  // Checked against kube-apiserver v1.36.3: it creates a Pod sent in these envelopes.
  it('take an apiVersion Go cannot parse as none, and "apps/" as having no version', () => {
    const raw = fromHex(goSecret);
    const secret = { kind: 'Secret', apiVersion: 'v1', metadata: {}, data: { e: '', n: '' } };
    for (const apiVersion of ['a/b/c', 'apps/', '/v1', '/'])
      assert.deepEqual(
        decodeObject(encodeEnvelope(apiVersion, 'Secret', raw), { apiVersion: 'v1', kind: 'Secret' }),
        secret,
      );
  });

  // kube-apiserver creates a ConfigMap whose managedFields hold such bytes (dropping them).
  it('take any bytes in a FieldsV1 or RawExtension, as Go does: ones that are not JSON as their text', () => {
    // managedFields[0].fieldsV1 holding the 7 bytes "no json"
    const raw = fromHex('0a0e 8a010b 3a09 0a07 6e6f206a736f6e');
    const configMap = decodeObject(encodeEnvelope('v1', 'ConfigMap', raw));
    assert.deepEqual(configMap.metadata, { managedFields: [{ fieldsV1: 'no json' }] });
    const event = decodeObject(encodeEnvelope('v1', 'WatchEvent', fromHex('0a054144444544 1206 0a04 66757a7a')));
    assert.deepEqual(event, { kind: 'WatchEvent', apiVersion: 'v1', type: 'ADDED', object: 'fuzz' });
  });
});
