// fast-check arbitraries for hostile protobuf bodies: valid enveloped objects of every
// kind the embedded server decodes from protobuf, then cut, flipped, extended with
// unknown fields of every wire type, re-enveloped as other kinds, given huge claimed
// lengths, deep nesting and over-long varints.
import fc from 'fast-check';
import { decodeEnvelope, encodeEnvelope, envelopeMagic } from '../protobuf/envelope.ts';
import { encodeObject } from '../protobuf/index.ts';
import { protobufKinds } from '../protobuf/descriptors.generated.ts';
import { configMapsPath, deploymentsPath, namespace, validConfigMap, validDeployment } from './fuzz-requests.ts';

/** A request a protobuf body goes with, and a small valid object of the kind it expects. */
export interface ProtobufTarget {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly object: { apiVersion: string; kind: string } & Record<string, unknown>;
}

const name = 'fuzz-proto';
const core = `/api/v1/namespaces/${namespace}`;
const meta = { name, labels: { app: 'fuzz' } };

const objects = {
  configMap: validConfigMap(name),
  deployment: validDeployment(name),
  secret: { apiVersion: 'v1', kind: 'Secret', metadata: meta, data: { key: 'dmFsdWU=' }, type: 'Opaque' },
  pod: { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { containers: [{ name: 'main', image: 'nginx' }] } },
  lease: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta, spec: { holderIdentity: 'fuzz' } },
  namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fuzz-proto-ns' } },
  scale: {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: 'fuzz-deploy', namespace },
    spec: { replicas: 2 },
  },
  deleteOptions: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, propagationPolicy: 'Background' },
};

const collections = [
  { path: configMapsPath, object: objects.configMap },
  { path: deploymentsPath, object: objects.deployment },
  { path: `${core}/secrets`, object: objects.secret },
  { path: `${core}/pods`, object: objects.pod },
  { path: `/apis/coordination.k8s.io/v1/namespaces/${namespace}/leases`, object: objects.lease },
  { path: '/api/v1/namespaces', object: objects.namespace },
];

/** Creates, updates, subresource updates and deletes, each with the kind it decodes. */
export const protobufTargets: readonly ProtobufTarget[] = [
  ...collections.map(({ path, object }) => ({ method: 'POST' as const, path, object })),
  ...collections.map(({ path, object }) => ({
    method: 'PUT' as const,
    path: `${path}/${object.metadata.name}`,
    object,
  })),
  { method: 'PUT', path: `${deploymentsPath}/fuzz-deploy/scale`, object: objects.scale },
  { method: 'PUT', path: `${deploymentsPath}/fuzz-deploy/status`, object: validDeployment('fuzz-deploy') },
  ...[`${configMapsPath}/${name}`, `${deploymentsPath}/${name}`, `${core}/pods/${name}`].map((path) => ({
    method: 'DELETE' as const,
    path,
    object: objects.deleteOptions,
  })),
];

/** A varint of `value`, or padded with redundant continuation bytes to `length` bytes. */
export function varint(value: bigint, length = 0): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.push(Number(rest & 0x7fn));
    rest >>= 7n;
  } while (rest > 0n);
  while (bytes.length < length) bytes.push(0);
  return Buffer.from(bytes.map((byte, index) => (index < bytes.length - 1 ? byte | 0x80 : byte)));
}

const key = (fieldNumber: bigint, wireType: number) => varint((fieldNumber << 3n) | BigInt(wireType));
const delimited = (fieldNumber: bigint, content: Buffer) =>
  Buffer.concat([key(fieldNumber, 2), varint(BigInt(content.length)), content]);

/** The object's own message bytes (runtime.Unknown's raw). */
export const rawOf = (object: ProtobufTarget['object']) => Buffer.from(decodeEnvelope(encodeObject(object)).raw);

const enveloped = (object: ProtobufTarget['object'], raw: Buffer) =>
  Buffer.from(encodeEnvelope(object.apiVersion, object.kind, raw));

/** One unknown field of each wire type, including the invalid 6 and 7 and a lone end-group. */
const unknownField = fc
  .tuple(
    fc.constantFrom(
      15n,
      16n,
      99n,
      2n ** 29n - 1n,
      2n ** 29n,
      2n ** 31n - 1n,
      2n ** 31n,
      2n ** 32n + 1n,
      2n ** 61n - 1n,
    ),
    fc.integer({ min: 0, max: 7 }),
    fc.uint8Array({ maxLength: 12 }),
  )
  .map(([fieldNumber, wireType, payload]) => {
    const bytes = Buffer.from(payload);
    const value = [
      varint(BigInt(payload.length)),
      bytes.subarray(0, 8).length === 8 ? bytes.subarray(0, 8) : Buffer.alloc(8, 1),
      Buffer.concat([varint(BigInt(bytes.length)), bytes]),
      Buffer.concat([key(fieldNumber + 1n, 0), varint(1n), key(fieldNumber, 4)]),
      Buffer.alloc(0),
      Buffer.alloc(4, 2),
      bytes,
      bytes,
    ][wireType];
    return Buffer.concat([key(fieldNumber, wireType), value ?? Buffer.alloc(0)]);
  });

/** Where a piece of wire data goes: the envelope, the object, or the object's field 1 (metadata). */
type Place = 'envelope' | 'object' | 'field1';
const place = fc.constantFrom<Place>('envelope', 'object', 'field1');

function placed(object: ProtobufTarget['object'], where: Place, piece: Buffer): Buffer {
  if (where === 'envelope') return Buffer.concat([Buffer.from(encodeObject(object)), piece]);
  // A message field sent twice is merged, so a second field 1 adds to the first's fields.
  const extra = where === 'object' ? piece : delimited(1n, piece);
  return enveloped(object, Buffer.concat([rawOf(object), extra]));
}

/** A length-delimited field claiming far more bytes than follow. */
const hugeLength = fc
  .tuple(
    fc.constantFrom(1n, 2n, 3n, 11n, 99n),
    fc.constantFrom(
      2n ** 31n - 1n,
      2n ** 31n,
      2n ** 32n,
      2n ** 32n + 5n,
      2n ** 53n + 1n,
      2n ** 63n - 1n,
      2n ** 63n,
      2n ** 64n - 1n,
    ),
    fc.uint8Array({ maxLength: 8 }),
  )
  .map(([fieldNumber, length, after]) => Buffer.concat([key(fieldNumber, 2), varint(length), Buffer.from(after)]));

/** Start-groups nested `depth` deep, closed or left open; or length-delimited fields inside each other. */
const deepNesting = fc
  .tuple(fc.constantFrom(10, 100, 1_000, 10_000, 100_000), fc.constantFrom('group', 'open-group', 'delimited'))
  .map(([depth, shape]) => {
    const [open, close] = [key(98n, 3), key(98n, 4)];
    if (shape === 'open-group') return Buffer.alloc(depth * open.length, open);
    if (shape === 'group')
      return Buffer.concat([Buffer.alloc(depth * open.length, open), Buffer.alloc(depth * close.length, close)]);
    let inner = Buffer.concat([key(97n, 0), varint(1n)]);
    for (let level = 0; level < Math.min(depth, 1_000); level++) inner = delimited(97n, inner);
    return inner;
  });

/** A varint of 10 to 12 bytes: as a field's value, a length, or a key. */
const longVarint = fc
  .tuple(fc.integer({ min: 10, max: 12 }), fc.constantFrom('value', 'length', 'key'), fc.bigInt(0n, 2n ** 64n - 1n))
  .map(([length, role, value]) => {
    const long = varint(value % 2n ** 63n, length);
    if (role === 'value') return Buffer.concat([key(7n, 0), long]);
    if (role === 'length') return Buffer.concat([key(99n, 2), long, Buffer.from('x')]);
    return Buffer.concat([long, varint(1n)]);
  });

/** apiVersion and kind pairs for an envelope: every kind with a message, and ones nobody registers. */
const envelopeKinds = fc.oneof(
  fc.constantFrom(...protobufKinds).map((key) => {
    const slash = key.lastIndexOf('/');
    return [key.slice(0, slash), key.slice(slash + 1)] as const;
  }),
  fc.constantFrom(
    ['', ''] as const,
    ['v1', ''] as const,
    ['', 'ConfigMap'] as const,
    ['v9', 'ConfigMap'] as const,
    ['nope.example.com/v1', 'Thing'] as const,
    ['fuzz.kubeconflict.dev/v1', 'Widget'] as const,
    ['a/b/c', 'ConfigMap'] as const,
    ['apps/', 'Deployment'] as const,
    ['/v1', 'ConfigMap'] as const,
  ),
);

const bodiesOf = new Map<ProtobufTarget, fc.Arbitrary<Buffer>>();

/** A body for `target`: its valid object, then broken in one of the ways above. */
export function protobufBodies(target: ProtobufTarget): fc.Arbitrary<Buffer> {
  const known = bodiesOf.get(target);
  if (known) return known;
  const bodies = bodiesFor(target);
  bodiesOf.set(target, bodies);
  return bodies;
}

function bodiesFor(target: ProtobufTarget): fc.Arbitrary<Buffer> {
  const { object } = target;
  const valid = Buffer.from(encodeObject(object));
  const raw = rawOf(object);
  return fc.oneof(
    fc.constant(valid),
    fc.integer({ min: 0, max: valid.length - 1 }).map((end) => valid.subarray(0, end)),
    fc
      .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 3 })
      .map((flips) => {
        const copy = Buffer.from(valid);
        for (const [at, mask] of flips) copy[at] = (copy[at] ?? 0) ^ mask;
        return copy;
      }),
    fc.uint8Array({ minLength: 1, maxLength: 16 }).map((extra) => Buffer.concat([valid, extra])),
    fc.tuple(place, unknownField).map(([where, field]) => placed(object, where, field)),
    fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 255 })).map(([at, mask]) => {
      const copy = Buffer.from(valid);
      copy[at] = (envelopeMagic[at] ?? 0) ^ mask;
      return copy;
    }),
    envelopeKinds.map(([apiVersion, kind]) => Buffer.from(encodeEnvelope(apiVersion, kind, raw))),
    fc.tuple(place, hugeLength).map(([where, field]) => placed(object, where, field)),
    fc.tuple(place, deepNesting).map(([where, nested]) => placed(object, where, nested)),
    fc.tuple(place, longVarint).map(([where, long]) => placed(object, where, long)),
    fc.constantFrom(Buffer.alloc(0), Buffer.from(envelopeMagic), Buffer.from([0x6b, 0x38, 0x73])),
  );
}
