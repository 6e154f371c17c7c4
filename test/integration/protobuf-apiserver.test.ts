// The protobuf codec against the real kube-apiserver: what kube-apiserver answers in
// protobuf decodes to what it answers in JSON, the codec writes the very bytes
// kube-apiserver writes, kube-apiserver stores a body made by the codec as it stores the
// JSON equivalent, and it refuses malformed bodies with the codec's error messages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import type { KubeObject } from '../../src/core/object.ts';
import {
  badRequestMessage,
  decodeObject,
  decodeWatchFrames,
  encodeObject,
  encodeWatchEvent,
  ProtobufDecodeError,
  protobufMediaType,
} from '../../src/testing/server/protobuf/index.ts';
import { encodeEnvelope } from '../../src/testing/server/protobuf/envelope.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { type BinaryResponse, sendBytes } from '../support/binary-http.ts';
import { protobufCases } from '../support/protobuf-objects.ts';

const namespace = 'protobuf';
const cases = protobufCases(namespace);
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('protobuf codec against the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  const get = (path: string, accept: string) => sendBytes(server.url, server.tls, 'GET', path, { accept });
  const getJson = async (path: string) => JSON.parse(text((await get(path, 'application/json')).body)) as KubeObject;
  const post = (path: string, contentType: string, body: Uint8Array): Promise<BinaryResponse> =>
    sendBytes(server.url, server.tls, 'POST', path, { accept: 'application/json', 'content-type': contentType }, body);

  before(async () => {
    server = await startApiServer();
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } };
    assert.equal((await post('/api/v1/namespaces', 'application/json', Buffer.from(JSON.stringify(ns)))).status, 201);
    for (const { collection, object } of cases) {
      const created = await post(collection, 'application/json', Buffer.from(JSON.stringify(object)));
      assert.equal(created.status, 201, text(created.body));
    }
    for (const { collection, object, statusWritten } of cases) {
      if (statusWritten) await statusOnceWritten(getJson, `${collection}/${object.metadata?.name ?? ''}`);
    }
  });
  after(() => server.stop());

  const paths = () => [
    `/api/v1/namespaces/${namespace}`,
    ...cases.map(({ collection, object }) => `${collection}/${object.metadata?.name ?? ''}`),
    `/apis/apps/v1/namespaces/${namespace}/deployments/deploy/scale`,
    `/api/v1/namespaces/${namespace}/replicationcontrollers/rc/scale`,
  ];

  it('an object of every root kind, and a Scale, decodes to the JSON answer and encodes to the same bytes', async () => {
    for (const path of paths()) {
      const answer = await get(path, protobufMediaType);
      assert.equal(answer.contentType, protobufMediaType, path);
      const json = await getJson(path);
      assert.deepEqual(decodeObject(answer.body), json, path);
      assert.deepEqual(encodeObject(json), answer.body, path);
    }
  });

  it('lists decode to the JSON lists, typed by the envelope (PodList...), and encode to the same bytes', async () => {
    for (const path of ['/api/v1/namespaces', ...cases.map((c) => c.collection)]) {
      const answer = await get(path, protobufMediaType);
      const json = await getJson(path);
      assert.match(String(json.kind), /List$/);
      assert.deepEqual(decodeObject(answer.body), json, path);
      assert.deepEqual(encodeObject(json), answer.body, path);
    }
  });

  it('a Status (a 404 asked in protobuf) decodes to the JSON Status', async () => {
    const path = `/api/v1/namespaces/${namespace}/configmaps/missing`;
    const answer = await get(path, protobufMediaType);
    assert.equal(answer.status, 404);
    assert.deepEqual(decodeObject(answer.body), await getJson(path));
    assert.deepEqual(encodeObject(await getJson(path)), answer.body);
  });

  it('a watch stream in protobuf: length-prefixed WatchEvents that encodeWatchEvent reproduces byte for byte', async () => {
    // The watches end after a second; all run at once.
    const watch = (collection: string, accept: string) => get(`${collection}?watch=true&timeoutSeconds=1`, accept);
    await Promise.all(
      cases.map(async ({ collection }) => {
        const [stream, json] = await Promise.all([
          watch(collection, `${protobufMediaType};stream=watch`),
          watch(collection, 'application/json'),
        ]);
        assert.equal(stream.contentType, `${protobufMediaType};stream=watch`);
        const events = decodeWatchFrames(stream.body);
        const jsonEvents = text(json.body)
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown);
        assert.deepEqual(events, jsonEvents, collection);
        const frames = events.map(({ type, object }) => encodeWatchEvent(type, object));
        assert.deepEqual(Buffer.concat(frames), Buffer.from(stream.body), collection);
      }),
    );
  });

  it('kube-apiserver stores a protobuf body made by encodeObject as it stores the same object sent as JSON', async () => {
    for (const { collection, object, statusWritten } of cases) {
      // An APIService's status is the availability controller's, two copies' in its own time.
      if (statusWritten) continue;
      const name = (suffix: string) => ({
        ...object,
        metadata: { ...object.metadata, name: `${object.metadata?.name ?? ''}-${suffix}` },
      });
      const viaProtobuf = await post(collection, protobufMediaType, encodeObject(name('pb')));
      assert.equal(viaProtobuf.status, 201, text(viaProtobuf.body));
      assert.equal((await post(collection, 'application/json', Buffer.from(JSON.stringify(name('json'))))).status, 201);
      const stored = await Promise.all(
        ['pb', 'json'].map((suffix) => getJson(`${collection}/${object.metadata?.name ?? ''}-${suffix}`)),
      );
      assert.deepEqual(comparable(stored[0]!, 'pb'), comparable(stored[1]!, 'json'), collection);
    }
  });

  it('reads a DeleteOptions sent in protobuf as the same options sent as JSON', async () => {
    const path = `/api/v1/namespaces/${namespace}/configmaps/cm`;
    const options = { kind: 'DeleteOptions', preconditions: { uid: 'not-the-uid' }, dryRun: ['All'] };
    const answers = await Promise.all([
      sendBytes(
        server.url,
        server.tls,
        'DELETE',
        path,
        { accept: 'application/json', 'content-type': protobufMediaType },
        encodeObject({ apiVersion: 'v1', ...options }),
      ),
      sendBytes(
        server.url,
        server.tls,
        'DELETE',
        path,
        { accept: 'application/json', 'content-type': 'application/json' },
        Buffer.from(JSON.stringify({ apiVersion: 'v1', ...options })),
      ),
    ]);
    const [viaProtobuf, viaJson] = answers.map((answer) => ({
      status: answer.status,
      body: JSON.parse(text(answer.body)) as unknown,
    }));
    assert.equal(viaProtobuf?.status, 409);
    assert.deepEqual(viaProtobuf, viaJson);
  });

  it('refuses malformed protobuf bodies with the codec error messages, wrapped as badRequestMessage does', async () => {
    const configMaps = `/api/v1/namespaces/${namespace}/configmaps`;
    for (const [what, body] of malformedBodies()) {
      let error: unknown;
      try {
        decodeObject(body, { apiVersion: 'v1', kind: 'ConfigMap' });
      } catch (caught) {
        error = caught;
      }
      assert.ok(error instanceof ProtobufDecodeError, what);
      const answer = JSON.parse(text((await post(configMaps, protobufMediaType, body)).body)) as Record<
        string,
        unknown
      >;
      assert.deepEqual(
        { code: answer.code, reason: answer.reason, message: answer.message },
        { code: 400, reason: 'BadRequest', message: badRequestMessage(error, 'ConfigMap', body) },
        what,
      );
    }
  });

  it('takes an empty kind and apiVersion in the envelope from the URL, as decodeObject does from its defaults', async () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'no-type' }, data: { a: 'b' } };
    const body = encodeEnvelope('', '', innerMessage(encodeObject(configMap)));
    const created = await post(`/api/v1/namespaces/${namespace}/configmaps`, protobufMediaType, body);
    assert.equal(created.status, 201, text(created.body));
    assert.deepEqual(decodeObject(body, { apiVersion: 'v1', kind: 'ConfigMap' }), configMap);
  });

  it('accepts unknown field numbers, skipping them as the codec does', async () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unknown-field' }, data: { a: 'b' } };
    const message = encodeObject(configMap);
    // Unknown fields of every wire type after ConfigMap's own: varint, bytes, a group, fixed64, fixed32.
    const unknownFields = fromHex('9806 07 a206 027879 4b 5001 4c 610102030405060708 6504030201');
    const raw = Buffer.concat([innerMessage(message), unknownFields]);
    const body = encodeEnvelope('v1', 'ConfigMap', raw);
    assert.deepEqual(decodeObject(body), decodeObject(message));
    const created = await post(`/api/v1/namespaces/${namespace}/configmaps`, protobufMediaType, body);
    assert.equal(created.status, 201, text(created.body));
    assert.deepEqual((JSON.parse(text(created.body)) as KubeObject).data, { a: 'b' });
  });
});

// What kube-apiserver sets itself on create, which differs between two objects.
/** Reads the object until its status has a condition (what kube-apiserver's controller writes), for up to 10 s. */
async function statusOnceWritten(getJson: (path: string) => Promise<KubeObject>, path: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { status } = (await getJson(path)) as { status?: { conditions?: unknown[] } };
    if ((status?.conditions?.length ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${path}: no status condition after 10 s`);
}

function comparable(object: KubeObject, suffix: string): unknown {
  const { uid: _uid, resourceVersion: _rv, creationTimestamp: _created, name, ...metadata } = object.metadata ?? {};
  const managedFields = metadata.managedFields?.map(({ time: _time, ...entry }) => entry);
  return { ...object, metadata: { ...metadata, managedFields, name: name?.replace(`-${suffix}`, '') } };
}

// The runtime.Unknown raw field of an envelope that encodeObject made (typeMeta, then raw).
function innerMessage(envelope: Uint8Array): Uint8Array {
  let offset = 4 + 2 + (envelope[5] ?? 0);
  assert.equal(envelope[offset++], 0x12);
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = envelope[offset++] ?? 0;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  return envelope.subarray(offset, offset + length);
}

const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex.replaceAll(' ', ''), 'hex'));

// Bad ConfigMap messages inside a good envelope, as hex.
const innerMalformed: [string, string][] = [
  ['a map sent as a varint', '1001'],
  ['an embedded struct sent as a varint', '0801'],
  ['a Time sent as a varint', '0a02 4001'],
  ['a Timestamp field sent as bytes', '0a04 4202 0a00'],
  ['a string sent as a varint', '0a02 2801'],
  ['an end group in the object', '0c'],
  ['field number 0 in the object', '00'],
  ['a string cut short', '0a05 0a02 78'],
  ['an unterminated group', '4b'],
];

function malformedBodies(): [string, Uint8Array][] {
  const configMap = encodeObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bad' }, data: { a: 'b' } });
  return [
    ['empty body', new Uint8Array()],
    ['only the magic', Buffer.from('k8s\0')],
    ['wrong magic', Buffer.from('k8s\u0001rest')],
    ['JSON sent as protobuf', Buffer.from('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"json"}}')],
    ['random bytes', Uint8Array.from([12, 200, 3, 99, 7, 1, 0, 5])],
    ['truncated envelope', configMap.subarray(0, 20)],
    ['truncated object', configMap.subarray(0, configMap.length - 5)],
    ['illegal wire type in the envelope', Uint8Array.from([0x6b, 0x38, 0x73, 0, 0xff, 0xff, 0x07, 0x01, 0x02])],
    ['wrong wire type in the type meta', Uint8Array.from([0x6b, 0x38, 0x73, 0, 0x0a, 0x02, 0x08, 0x01, 0x12, 0x00])],
    ['end group in the envelope', Uint8Array.from([0x6b, 0x38, 0x73, 0, 0x0c])],
    ['field number 0 in the envelope', Uint8Array.from([0x6b, 0x38, 0x73, 0, 0x02, 0x00])],
    ['wrong wire type for the type meta', Uint8Array.from([0x6b, 0x38, 0x73, 0, 0x08, 0x01])],
    ['wrong wire type for the kind', Uint8Array.from([0x6b, 0x38, 0x73, 0, 0x0a, 0x02, 0x15, 0x01])],
    ['a varint of 11 bytes', Uint8Array.from([0x6b, 0x38, 0x73, 0, ...new Array<number>(10).fill(0xff), 0x01])],
    ['a length past the end', Uint8Array.from([0x6b, 0x38, 0x73, 0, 0x0a])],
    ...innerMalformed.map(([what, raw]): [string, Uint8Array] => [
      what,
      encodeEnvelope('v1', 'ConfigMap', fromHex(raw)),
    ]),
    ['kind unknown', encodeEnvelope('v1', 'ConfigMop', innerMessage(configMap))],
    ['version unknown', encodeEnvelope('v2', 'ConfigMap', innerMessage(configMap))],
  ];
}
