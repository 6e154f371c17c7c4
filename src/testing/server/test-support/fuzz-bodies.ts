// fast-check arbitraries for hostile bodies: objects with values of the wrong type,
// broken and deeply nested JSON, huge strings, and patch documents of every type.
import fc from 'fast-check';
import { nasty, validConfigMap, validDeployment } from './fuzz-requests.ts';

/** `[[[…]]]` or `{"a":{"a":…}}` around a value, or left open, at depths around the limits. */
export const deepJson = fc
  .tuple(
    fc.constantFrom(2, 100, 499, 501, 1_000, 5_000, 10_000, 10_001, 100_000),
    fc.constantFrom('array', 'object'),
    fc.boolean(),
  )
  .map(([depth, shape, closed]) => {
    const [open, close, inner] = shape === 'array' ? ['[', ']', '1'] : ['{"a":', '}', '1'];
    return open.repeat(depth) + (closed ? inner + close.repeat(depth) : '');
  });

/** A string of `length` ASCII letters, from small to over the 3 MiB body limit. */
export const hugeString = fc
  .constantFrom(1_000, 100_000, 3 * 1024 * 1024 - 200, 3 * 1024 * 1024 + 1, 4 * 1024 * 1024)
  .map((length) => 'x'.repeat(length));

/** Where known fields sit in the objects the fuzzer starts from. */
const knownPaths = [
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'generateName'],
  ['metadata', 'namespace'],
  ['metadata', 'resourceVersion'],
  ['metadata', 'uid'],
  ['metadata', 'generation'],
  ['metadata', 'labels'],
  ['metadata', 'labels', 'app'],
  ['metadata', 'annotations'],
  ['metadata', 'finalizers'],
  ['metadata', 'ownerReferences'],
  ['metadata', 'managedFields'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'deletionTimestamp'],
  ['kind'],
  ['apiVersion'],
  ['data'],
  ['data', 'key'],
  ['binaryData'],
  ['immutable'],
  ['spec'],
  ['spec', 'replicas'],
  ['spec', 'selector'],
  ['spec', 'selector', 'matchLabels'],
  ['spec', 'selector', 'matchExpressions'],
  ['spec', 'strategy'],
  ['spec', 'template'],
  ['spec', 'template', 'metadata'],
  ['spec', 'template', 'metadata', 'labels'],
  ['spec', 'template', 'spec'],
  ['spec', 'template', 'spec', 'containers'],
  ['spec', 'template', 'spec', 'containers', '0'],
  ['spec', 'template', 'spec', 'containers', '0', 'name'],
  ['spec', 'template', 'spec', 'containers', '0', 'image'],
  ['spec', 'template', 'spec', 'containers', '0', 'ports'],
  ['spec', 'template', 'spec', 'containers', '0', 'ports', '0'],
  ['spec', 'template', 'spec', 'containers', '0', 'env'],
  ['spec', 'template', 'spec', 'containers', '0', 'resources'],
  ['spec', 'template', 'spec', 'volumes'],
  ['status'],
];

/** A JSON value for a known field: anything, or a plausible value of another type. */
const strangeValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 0, -1, 1.5, 2 ** 53, true, [], {}, [null], { '': null }, 'x', ['x'], { a: 1 }),
  nasty,
);

/** `object` with the value at `path` replaced (intermediate objects made as needed). */
function replaceAt(object: unknown, path: readonly string[], value: unknown): unknown {
  const copy = structuredClone(object) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) ?? ''] = value;
  return copy;
}

/** A valid object of either kind with one to three known fields given strange values. */
export const objectsWithWrongTypes = (name: string) =>
  fc
    .tuple(
      fc.constantFrom(validConfigMap(name), validDeployment(name)),
      fc.array(fc.tuple(fc.constantFrom(...knownPaths), strangeValue), { minLength: 1, maxLength: 3 }),
    )
    .map(([object, changes]) =>
      changes.reduce<unknown>((current, [path, value]) => replaceAt(current, path, value), object),
    );

/** Valid JSON text cut short, or with one character changed, dropped or added. */
export const brokenJson = (text: string) =>
  fc.oneof(
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((end) => text.slice(0, end)),
    fc
      .tuple(
        fc.integer({ min: 0, max: text.length }),
        fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\', 'x', '\u0000'),
      )
      .map(([at, inserted]) => text.slice(0, at) + inserted + text.slice(at + 1)),
  );

/** A whole body: JSON values, broken JSON, wrong types, huge strings, deep nesting, YAML. */
export const objectBodies = (name: string) =>
  fc.oneof(
    { arbitrary: objectsWithWrongTypes(name).map((object) => JSON.stringify(object)), weight: 5 },
    { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 2 },
    { arbitrary: brokenJson(JSON.stringify(validDeployment(name))), weight: 2 },
    { arbitrary: deepJson, weight: 1 },
    { arbitrary: deepJson.map((deep) => `{"metadata":{"name":"${name}"},"data":{"key":${deep}}}`), weight: 1 },
    {
      arbitrary: hugeString.map((huge) => JSON.stringify(replaceAt(validConfigMap(name), ['data', 'key'], huge))),
      weight: 1,
    },
    { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
  );

/** JSON patch operations, sensible and not. */
const jsonPatchOperations = fc.array(
  fc.record(
    {
      op: fc.oneof(fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test'), strangeValue),
      path: fc.oneof(
        fc.constantFrom(...knownPaths).map((path) => `/${path.join('/')}`),
        fc.constantFrom('', '/', '/-', '/metadata/labels/-', '/spec/template/spec/containers/-', '/~2', '/a~1b'),
        strangeValue,
      ),
      from: fc.oneof(
        fc.constantFrom(...knownPaths).map((path) => `/${path.join('/')}`),
        strangeValue,
      ),
      value: strangeValue,
    },
    { requiredKeys: ['op'] },
  ),
  { maxLength: 4 },
);

/** Strategic merge patch directives, in and out of place. */
const directives = fc.constantFrom(
  { $patch: 'replace' },
  { $patch: 'delete' },
  { $patch: 'merge' },
  { $patch: 'bogus' },
  { $retainKeys: ['a'] },
  { $retainKeys: 'x' },
  { '$setElementOrder/containers': [{ name: 'main' }] },
  { '$setElementOrder/containers': 'x' },
  { '$deleteFromPrimitiveList/finalizers': ['a'] },
);

/** A patch body for `patchType`: valid-looking documents with strange parts, or garbage. */
export function patchBodies(patchType: 'merge' | 'strategic' | 'json' | 'apply', name: string): fc.Arbitrary<string> {
  const documents =
    patchType === 'json'
      ? jsonPatchOperations.map((operations) => JSON.stringify(operations))
      : objectsWithWrongTypes(name).chain((object) =>
          fc
            .option(fc.tuple(fc.constantFrom(...knownPaths), directives), { freq: 2 })
            .map((directive) =>
              JSON.stringify(directive === null ? object : replaceAt(object, directive[0], directive[1])),
            ),
        );
  return fc.oneof(
    { arbitrary: documents, weight: 6 },
    { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 2 },
    { arbitrary: documents.chain(brokenJson), weight: 2 },
    { arbitrary: deepJson, weight: 1 },
    { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
  );
}
