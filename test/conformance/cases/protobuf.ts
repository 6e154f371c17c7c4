// Kubernetes protobuf, as client-go's default clientset and kubectl's typed commands
// speak it: bodies in, answers and errors out, watch frames, and what kube-apiserver
// says to bodies it cannot read. Answers are compared once decoded.
import { decodeEnvelope, encodeEnvelope } from '../../../src/testing/server/protobuf/envelope.ts';
import { encodeObject } from '../../../src/testing/server/protobuf/index.ts';
import { type ConformanceCase, configMap, paths } from '../conformance-case.ts';

const protobuf = 'application/vnd.kubernetes.protobuf';
const clientGo = { accept: `${protobuf},application/json`, 'content-type': protobuf };
const enveloped = (object: Record<string, unknown>) => encodeObject(object);
const metadataOnly = (kind: string) =>
  `${protobuf};as=${kind};g=meta.k8s.io;v=v1,application/json;as=${kind};g=meta.k8s.io;v=v1,application/json`;
const rv = (response: { json?: unknown; bytes: Buffer } | undefined) =>
  (response?.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name, 'biz-version': '101' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
});

export const protobufCases: ConformanceCase[] = [
  {
    name: 'protobuf: create, get, update, list and delete a Deployment as client-go does',
    steps: [
      () => ({ method: 'POST', path: paths.deployments, headers: clientGo, body: enveloped(deployment('proto-web')) }),
      () => ({
        method: 'GET',
        path: `${paths.deployments}/proto-web`,
        headers: { accept: `${protobuf},application/json` },
      }),
      () => ({ method: 'GET', path: `${paths.deployments}/proto-web` }),
      (r) => {
        const object = structuredClone(r[2]?.json) as { metadata: { labels: Record<string, string> } };
        object.metadata.labels['biz-version'] = '102';
        return { method: 'PUT', path: `${paths.deployments}/proto-web`, headers: clientGo, body: enveloped(object) };
      },
      (r) => ({
        method: 'PUT',
        path: `${paths.deployments}/proto-web`,
        headers: clientGo,
        body: enveloped(r[2]?.json as Record<string, unknown>),
      }),
      () => ({ method: 'GET', path: `${paths.deployments}?labelSelector=app%3Dproto-web`, headers: clientGo }),
      () => ({
        method: 'DELETE',
        path: `${paths.deployments}/proto-web`,
        headers: clientGo,
        body: enveloped({ apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' }),
      }),
      () => ({ method: 'GET', path: `${paths.deployments}/proto-web`, headers: clientGo }),
    ],
  },
  {
    name: 'protobuf: ConfigMaps and Secrets with binary data',
    steps: [
      () => ({
        method: 'POST',
        path: paths.configMaps,
        headers: clientGo,
        body: enveloped({ ...configMap('proto-cm', { text: 'größe <ok>' }), binaryData: { blob: 'AAF/gP7/' } }),
      }),
      () => ({
        method: 'POST',
        path: paths.secrets,
        headers: clientGo,
        body: enveloped({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'proto-secret' },
          data: { key: 'AAF/gP7/' },
          stringData: { password: 'hunter2' },
        }),
      }),
      () => ({ method: 'GET', path: `${paths.secrets}/proto-secret`, headers: clientGo }),
    ],
  },
  {
    name: 'protobuf: a watch stream of frames',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('proto-watched', { k: '1' }) }),
      () => ({
        method: 'PATCH',
        path: `${paths.configMaps}/proto-watched`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { data: { k: '2' } },
      }),
      () => ({ method: 'DELETE', path: `${paths.configMaps}/proto-watched` }),
      (r) => ({
        method: 'GET',
        path: `${paths.configMaps}?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dproto-watched&resourceVersion=${rv(r[0])}`,
        headers: { accept: `${protobuf},application/json` },
      }),
    ],
  },
  {
    name: 'protobuf: errors as protobuf Statuses, and what custom resources answer',
    steps: [
      () => ({ method: 'GET', path: `${paths.deployments}/proto-missing`, headers: clientGo }),
      () => ({ method: 'POST', path: paths.deployments, headers: clientGo, body: enveloped(deployment('proto-dup')) }),
      () => ({ method: 'POST', path: paths.deployments, headers: clientGo, body: enveloped(deployment('proto-dup')) }),
      () => ({ method: 'GET', path: `${paths.widgets}/none`, headers: { accept: protobuf } }),
      () => ({ method: 'GET', path: paths.widgets, headers: clientGo }),
      // A protobuf body for a custom resource is left out: kube-apiserver v1.36.3 drops the
      // connection without an answer; the embedded server answers 415.
    ],
  },
  {
    name: "protobuf: metadata only, as client-go's metadata client asks for it",
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, body: configMap('proto-meta', { k: 'v' }) }),
      () => ({
        method: 'GET',
        path: `${paths.configMaps}/proto-meta`,
        headers: { accept: metadataOnly('PartialObjectMetadata') },
      }),
      () => ({
        method: 'GET',
        path: `${paths.configMaps}?fieldSelector=metadata.name%3Dproto-meta`,
        headers: { accept: metadataOnly('PartialObjectMetadataList') },
      }),
      () => ({
        method: 'GET',
        path: `${paths.configMaps}?fieldSelector=metadata.name%3Dproto-meta`,
        headers: { accept: `${protobuf};as=PartialObjectMetadataList;g=meta.k8s.io;v=v1beta1` },
      }),
      () => ({
        method: 'GET',
        path: `${paths.configMaps}?fieldSelector=metadata.name%3Dproto-meta`,
        headers: { accept: `${protobuf};as=Table;g=meta.k8s.io;v=v1` },
      }),
      (r) => ({
        method: 'GET',
        path: `${paths.configMaps}?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dproto-meta&resourceVersion=${rv(r[0])}`,
        headers: { accept: metadataOnly('PartialObjectMetadata') },
      }),
      () => ({
        method: 'GET',
        path: `${paths.configMaps}?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dproto-meta`,
        headers: { accept: metadataOnly('PartialObjectMetadata') },
      }),
      () => ({
        method: 'GET',
        path: `${paths.configMaps}?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dproto-meta`,
        headers: { accept: metadataOnly('PartialObjectMetadataList') },
      }),
    ],
  },
  {
    name: 'protobuf: bodies kube-apiserver cannot read',
    steps: [
      () => ({ method: 'POST', path: paths.configMaps, headers: clientGo, body: Buffer.from('k8s\u0000') }),
      () => ({ method: 'POST', path: paths.configMaps, headers: clientGo, body: Buffer.from('not protobuf at all') }),
      () => ({ method: 'POST', path: paths.configMaps, headers: clientGo, body: Buffer.alloc(0) }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        headers: clientGo,
        body: enveloped(configMap('truncated', { k: 'v' })).subarray(0, 30),
      }),
      () => ({ method: 'POST', path: paths.configMaps, headers: clientGo, body: enveloped(deployment('wrong-kind')) }),
      () => ({
        method: 'POST',
        path: paths.configMaps,
        headers: clientGo,
        body: Buffer.concat([enveloped(configMap('unknown-field', { k: 'v' })), Buffer.from([0xf8, 0x3f, 0x01])]),
      }),
      () => ({
        method: 'DELETE',
        path: `${paths.configMaps}/unknown-field`,
        headers: clientGo,
        body: Buffer.from('k8s\u0000garbage'),
      }),
    ],
  },
  {
    // Found by fuzzing: a 10-byte varint of 2^64-1 is generation -1 to Go. A ConfigMap
    // keeps the generation its creator sent; an update cannot change it.
    name: 'protobuf: metadata.generation sent by the client',
    steps: [
      () => post(withRaw(configMap('proto-gen-neg'), metadataField([...key(7n, 0), ...varint(2n ** 64n - 1n)]))),
      () => post(withRaw(configMap('proto-gen'), metadataField([...key(7n, 0), 5]))),
      () => ({
        method: 'PUT',
        path: `${paths.configMaps}/proto-gen`,
        headers: clientGo,
        body: withRaw(configMap('proto-gen', { k: 'v' }), metadataField([...key(7n, 0), 9])),
      }),
    ],
  },
  {
    // Found by fuzzing: a Lease's strategy allows create on update; a ConfigMap's does not.
    name: 'protobuf: a PUT of an absent Lease creates it',
    steps: [
      () => putLease('proto-lease-new'),
      () => putLease('proto-lease-rv', '5'),
      () => putLease('proto-lease-bad-rv', 'x'),
      () => putLease('proto-lease-dry', undefined, '?dryRun=All'),
      () => ({ method: 'GET', path: `${paths.leases}/proto-lease-dry`, headers: clientGo }),
      () => ({
        method: 'PUT',
        path: `${paths.configMaps}/proto-absent`,
        headers: clientGo,
        body: enveloped(configMap('proto-absent')),
      }),
    ],
  },
  {
    // Found by fuzzing (src/testing/server/fuzz.property.test.ts); each answer once
    // differed. Go reads keys as uint64 then int32(wire>>3), lengths as a Go int.
    name: 'protobuf: the nastiest bodies the fuzzer found, as kube-apiserver answers them',
    steps: [
      // 100,000 nested groups (an unknown field) are skipped; left open, the data ends early
      () => post(withRaw(configMap('proto-deep', { k: 'v' }), groups(100_000, true))),
      () => post(withRaw(configMap('proto-deep-open', { k: 'v' }), groups(100_000, false))),
      // lengths claiming 2^63 or 2^64-1 bytes are negative as a Go int; 2^32+5 runs out
      () => post(withRaw(configMap('proto-huge'), [...key(99n, 2), ...varint(2n ** 63n), 0x78])),
      () => post(withRaw(configMap('proto-huge'), metadataField([...key(1n, 2), ...varint(2n ** 64n - 1n), 0x78]))),
      () => post(withRaw(configMap('proto-huge'), metadataField([...key(1n, 2), ...varint(2n ** 32n + 5n), 0x78]))),
      // field numbers past int32 wrap: to -2^31 (an illegal tag) or to 1 (ObjectMeta)
      () => post(withRaw(configMap('proto-tag'), [...key(2n ** 31n, 0), 1])),
      () => post(withRaw(configMap('proto-tag'), [...key(2n ** 32n + 1n, 0), 1])),
      // a varint of 11 bytes overflows
      () =>
        post(
          withRaw(configMap('proto-varint'), metadataField([...key(7n, 0), ...new Array<number>(10).fill(0x80), 1])),
        ),
      // bytes that are not JSON where JSON is kept: a ConfigMap's managedFields, a WatchEvent
      () => post(withRaw(configMap('proto-fields'), metadataField(managedFieldsNotJson))),
      () => post(encodeEnvelope('v1', 'WatchEvent', Uint8Array.from([0x0a, 1, 0x41, 0x12, 3, 0x0a, 1, 0x7a]))),
      // a DELETE body naming a kind the meta scheme does not know, or an unparseable apiVersion
      () => ({
        method: 'DELETE',
        path: `${paths.configMaps}/proto-deep`,
        headers: clientGo,
        body: encodeEnvelope('v1', 'PodList', Uint8Array.from([0x08, 0x00])),
      }),
      () => ({
        method: 'DELETE',
        path: `${paths.configMaps}/proto-deep`,
        headers: clientGo,
        body: encodeEnvelope('a/b/c', 'DeleteOptions', Uint8Array.from([0x08, 0x00])),
      }),
      // a kind whose bytes are not UTF-8 nor printable, quoted by Go's %q
      () => post(oddKind),
      () => ({ method: 'DELETE', path: `${paths.configMaps}/proto-deep`, headers: clientGo, body: oddKind }),
    ],
  },
];

/** An envelope of apiVersion "v1" and kind "De", 0xf6, "x", 0x7f, "s" (TypeMeta sent twice, merged). */
const oddKind = Uint8Array.from(
  Buffer.from('6b387300 0a040a027631 0a0812064465f6787f73 12020a00'.replaceAll(' ', ''), 'hex'),
);

function putLease(name: string, resourceVersion?: string, query = '') {
  const metadata = { name, ...(resourceVersion !== undefined && { resourceVersion }) };
  const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata, spec: { holderIdentity: 'fuzz' } };
  return { method: 'PUT' as const, path: `${paths.leases}/${name}${query}`, headers: clientGo, body: enveloped(lease) };
}

function post(body: Uint8Array) {
  return { method: 'POST' as const, path: paths.configMaps, headers: clientGo, body };
}

function varint(value: bigint): number[] {
  const bytes: number[] = [];
  for (let rest = value; ; rest >>= 7n) {
    if (rest < 0x80n) return [...bytes, Number(rest)];
    bytes.push(Number(rest & 0x7fn) | 0x80);
  }
}

const key = (fieldNumber: bigint, wireType: number) => varint((fieldNumber << 3n) | BigInt(wireType));
const delimited = (fieldNumber: bigint, content: number[]) => [
  ...key(fieldNumber, 2),
  ...varint(BigInt(content.length)),
  ...content,
];
/** An object's own bytes followed by `extra`, in its envelope. */
function withRaw(object: { apiVersion: string; kind: string }, extra: number[] | Uint8Array): Uint8Array {
  const { raw } = decodeEnvelope(encodeObject(object));
  return encodeEnvelope(object.apiVersion, object.kind, Uint8Array.from([...raw, ...extra]));
}

/** A second field 1 (ObjectMeta) holding `content`: Go merges it into the first. */
const metadataField = (content: number[]) => delimited(1n, content);

/** Start-groups of field 98 nested `depth` deep, then their end-groups when closed. */
function groups(depth: number, closed: boolean): Uint8Array {
  const open = Buffer.alloc(depth * 2, Buffer.from(key(98n, 3)));
  return closed ? Buffer.concat([open, Buffer.alloc(depth * 2, Buffer.from(key(98n, 4)))]) : open;
}

const text = (value: string) => [...Buffer.from(value)];
/** managedFields[0] with a valid entry whose fieldsV1 holds "fuzz", which is not JSON. */
const managedFieldsNotJson = delimited(17n, [
  ...delimited(1n, text('fuzzer')),
  ...delimited(2n, text('Update')),
  ...delimited(3n, text('v1')),
  ...delimited(6n, text('FieldsV1')),
  ...delimited(7n, delimited(1n, text('fuzz'))),
]);
