// Expected documents and answers are kube-apiserver v1.36.3's, recorded by PATCHing
// (application/json-patch+json) ConfigMaps and a custom resource whose spec was SPEC below.
// A 422 answer always has the same message; `detail` is then evanphx/json-patch's reason,
// as the library itself gives it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyJsonPatch, JsonPatchError, type JsonPatchFailure } from './json-patch.ts';

const spec = { a: 1, arr: [1, 2, 3], obj: { x: 'y' }, n: null, s: 'str' };
const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec };
const rejected = 'the server rejected our request due to an error in our request';

const without = (object: object, key: string) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

/** The spec after `operations`, or what went wrong. */
const patchSpec = (operations: unknown, start: unknown = spec) =>
  (applyJsonPatch({ ...widget, spec: start }, operations) as { spec: unknown }).spec;

function fails(operations: unknown, reason: JsonPatchFailure, detail?: string, start: unknown = spec) {
  assert.throws(
    () => patchSpec(operations, start),
    (error: unknown) => {
      assert.ok(error instanceof JsonPatchError, String(error));
      assert.equal(error.reason, reason);
      if (reason === 'test-failed' || reason === 'invalid') assert.equal(error.message, rejected);
      if (detail !== undefined) assert.equal(error.detail, detail);
      return true;
    },
  );
}

function decodeFails(operations: unknown, message: string) {
  assert.throws(
    () => applyJsonPatch({ data: {} }, operations),
    (error: unknown) => error instanceof JsonPatchError && error.reason === 'decode' && error.message === message,
  );
}

describe('applyJsonPatch: bodies the server cannot decode (400)', () => {
  const type = 'Go value of type []handlers.jsonPatchOp';
  const element = 'Go value of type handlers.jsonPatchOp';
  const field = (name: string) => `Go struct field jsonPatchOp.${name} of type string`;
  const cases: [unknown, string][] = [
    [{ op: 'add' }, `object into ${type}`],
    ['str', `string into ${type}`],
    [5, `number into ${type}`],
    [true, `bool into ${type}`],
    [[1], `number into ${element}`],
    [['x'], `string into ${element}`],
    [[[]], `array into ${element}`],
    [[{ op: 'add', path: '/data/x', value: 'v' }, 7], `number into ${element}`],
    [[{ op: 5, path: '/data/x' }], `number into ${field('op')}`],
    [[{ op: 1.5, path: '/x' }], `number into ${field('op')}`],
    [[{ op: {}, path: '/data/x' }], `object into ${field('op')}`],
    [[{ op: 'add', path: 5 }], `number into ${field('path')}`],
    [[{ op: 'add', path: ['/data/x'] }], `array into ${field('path')}`],
    [[{ op: 'add', path: '/data/x', from: 5, value: 'v' }], `number into ${field('from')}`],
    // the first error in document order wins
    [[{ op: true, path: 1 }], `bool into ${field('op')}`],
    [[{ path: 1, op: true }], `number into ${field('path')}`],
  ];
  for (const [body, error] of cases) {
    it(`${JSON.stringify(body)}: error decoding patch: json: cannot unmarshal ${error}`, () => {
      decodeFails(body, `error decoding patch: json: cannot unmarshal ${error}`);
    });
  }

  it('lets null, unknown keys and keys in another case through to the patch', () => {
    assert.deepEqual(applyJsonPatch({ data: { a: '1' } }, null), { data: { a: '1' } });
    assert.deepEqual(applyJsonPatch({ data: { a: '1' } }, []), { data: { a: '1' } });
    assert.deepEqual(applyJsonPatch({ data: {} }, [{ op: 'add', path: '/data/x', value: 'v', extra: 1 }]), {
      data: { x: 'v' },
    });
    fails([null], 'invalid', 'Unexpected kind: unknown');
    fails([{ OP: 'add', path: '/data/x', value: 'v' }], 'invalid', 'Unexpected kind: unknown');
    fails([{ op: null, path: '/data/x' }], 'invalid', 'Unexpected kind: unknown');
  });
});

describe('applyJsonPatch: at most 10000 operations (413)', () => {
  const test = { op: 'test', path: '/data/a', value: '1' };
  it('applies 10000', () => {
    assert.deepEqual(applyJsonPatch({ data: { a: '1' } }, Array(10_000).fill(test)), { data: { a: '1' } });
  });
  it('refuses 10001', () => {
    assert.throws(
      () => applyJsonPatch({ data: { a: '1' } }, Array(10_001).fill(test)),
      new JsonPatchError(
        'too-large',
        'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
      ),
    );
  });
});

describe('applyJsonPatch: add', () => {
  const cases: [unknown, unknown][] = [
    [
      { op: 'add', path: '/spec/b', value: 2 },
      { ...spec, b: 2 },
    ],
    [
      { op: 'add', path: '/spec/a', value: 9 },
      { ...spec, a: 9 },
    ],
    [
      { op: 'add', path: '/spec/arr/0', value: 0 },
      { ...spec, arr: [0, 1, 2, 3] },
    ],
    [
      { op: 'add', path: '/spec/arr/-', value: 4 },
      { ...spec, arr: [1, 2, 3, 4] },
    ],
    [
      { op: 'add', path: '/spec/arr/3', value: 4 },
      { ...spec, arr: [1, 2, 3, 4] },
    ],
    [
      { op: 'add', path: '/spec/arr/-1', value: 'neg' },
      { ...spec, arr: [1, 2, 3, 'neg'] },
    ],
    [
      { op: 'add', path: '/spec/arr/-4', value: 'neg' },
      { ...spec, arr: ['neg', 1, 2, 3] },
    ],
    [
      { op: 'add', path: '/spec/arr/01', value: 1 },
      { ...spec, arr: [1, 1, 2, 3] },
    ],
    [
      { op: 'add', path: '/spec/arr/+1', value: 1 },
      { ...spec, arr: [1, 1, 2, 3] },
    ],
    [
      { op: 'add', path: '/spec/', value: 'empty' },
      { ...spec, '': 'empty' },
    ],
    [
      { op: 'add', path: '/spec/-', value: 1 },
      { ...spec, '-': 1 },
    ],
    [
      { op: 'add', path: '/spec/q' },
      { ...spec, q: null },
    ],
    [
      { op: 'add', path: '/spec/q', value: null },
      { ...spec, q: null },
    ],
    [
      { op: 'add', path: '/spec/deep', value: { a: [{ b: null }] } },
      { ...spec, deep: { a: [{ b: null }] } },
    ],
    [
      { op: 'add', path: '/spec/t~0x~1y', value: 1 },
      { ...spec, 't~x/y': 1 },
    ],
    [
      { op: 'add', path: '/spec/~01', value: 1 },
      { ...spec, '~1': 1 },
    ],
    [
      { op: 'add', path: '/spec/t~2', value: 1 },
      { ...spec, 't~2': 1 },
    ],
  ];
  for (const [operation, result] of cases) {
    it(JSON.stringify(operation), () => {
      assert.deepEqual(patchSpec([operation]), result);
    });
  }

  it('ignores whatever precedes the first slash', () => {
    const result = applyJsonPatch(widget, [{ op: 'add', path: 'spec/zz', value: 1 }]);
    assert.deepEqual(result, { ...widget, zz: 1 });
    assert.deepEqual(applyJsonPatch(widget, [{ op: 'add', path: 'x/zz', value: 1 }]), { ...widget, zz: 1 });
  });

  it('adds into nested arrays by negative index', () => {
    assert.deepEqual(patchSpec([{ op: 'add', path: '/spec/arr/-1/-', value: 2 }], { arr: [[1]] }), { arr: [[1, 2]] });
  });

  it('fails where the path does not lead', () => {
    fails(
      [{ op: 'add', path: 'zz', value: 1 }],
      'invalid',
      'add operation does not apply: doc is missing path: "zz": missing value',
    );
    fails(
      [{ op: 'add', path: '', value: {} }],
      'invalid',
      'add operation does not apply: doc is missing path: "": missing value',
    );
    fails(
      [{ op: 'add', path: '/spec/a/b', value: 1 }],
      'invalid',
      'add operation does not apply: doc is missing path: "/spec/a/b": missing value',
    );
    fails([{ op: 'add', path: '/spec/n/b', value: 1 }], 'invalid');
    fails([{ op: 'add', path: '/spec/arr/1/x', value: 1 }], 'invalid');
    fails([{ op: 'add', value: 'v' }], 'invalid', 'add operation failed to decode path: missing value');
    fails([{ op: 'add', path: null, value: 'v' }], 'invalid', 'add operation failed to decode path: missing value');
  });

  it('fails at indexes beyond the array', () => {
    fails(
      [{ op: 'add', path: '/spec/arr/4', value: 5 }],
      'invalid',
      "error in add for path: '/spec/arr/4': Unable to access invalid index: 4: invalid index referenced",
    );
    fails([{ op: 'add', path: '/spec/arr/-5', value: 'neg' }], 'invalid');
    fails(
      [{ op: 'add', path: '/spec/arr/x', value: 1 }],
      'invalid',
      `error in add for path: '/spec/arr/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    );
    fails([{ op: 'add', path: '/spec/arr/', value: 1 }], 'invalid');
    fails(
      [{ op: 'add', path: '/spec/arr/99999999999999999999', value: 2 }],
      'invalid',
      `error in add for path: '/spec/arr/99999999999999999999': value was not a proper array index: '99999999999999999999': strconv.Atoi: parsing "99999999999999999999": value out of range`,
    );
  });
});

describe('applyJsonPatch: remove', () => {
  it('removes keys, null ones too, and elements', () => {
    assert.deepEqual(patchSpec([{ op: 'remove', path: '/spec/a' }]), without(spec, 'a'));
    assert.deepEqual(patchSpec([{ op: 'remove', path: '/spec/n' }]), without(spec, 'n'));
    assert.deepEqual(patchSpec([{ op: 'remove', path: '/spec/arr/0' }]), { ...spec, arr: [2, 3] });
    assert.deepEqual(patchSpec([{ op: 'remove', path: '/spec/arr/-1' }]), { ...spec, arr: [1, 2] });
  });

  it('fails for what is not there', () => {
    fails(
      [{ op: 'remove', path: '/spec/zz' }],
      'invalid',
      "error in remove for path: '/spec/zz': Unable to remove nonexistent key: zz: missing value",
    );
    fails(
      [{ op: 'remove', path: '/spec/arr/3' }],
      'invalid',
      "error in remove for path: '/spec/arr/3': Unable to access invalid index: 3: invalid index referenced",
    );
    fails([{ op: 'remove', path: '/spec/arr/-4' }], 'invalid');
    fails(
      [{ op: 'remove', path: '/spec/arr/-' }],
      'invalid',
      `error in remove for path: '/spec/arr/-': strconv.Atoi: parsing "-": invalid syntax`,
    );
    fails(
      [{ op: 'remove', path: '' }],
      'invalid',
      'remove operation does not apply: doc is missing path: "": missing value',
    );
  });
});

describe('applyJsonPatch: replace', () => {
  const cases: [unknown, unknown][] = [
    [
      { op: 'replace', path: '/spec/a', value: 'r' },
      { ...spec, a: 'r' },
    ],
    [
      { op: 'replace', path: '/spec/zz', value: 'r' },
      { ...spec, zz: 'r' },
    ], // absent keys are added
    [
      { op: 'replace', path: '/spec/arr/0', value: 'r' },
      { ...spec, arr: ['r', 2, 3] },
    ],
    [
      { op: 'replace', path: '/spec/arr/-1', value: 'r' },
      { ...spec, arr: [1, 2, 'r'] },
    ],
    [
      { op: 'replace', path: '/spec/a' },
      { ...spec, a: null },
    ],
  ];
  for (const [operation, result] of cases) {
    it(JSON.stringify(operation), () => {
      assert.deepEqual(patchSpec([operation]), result);
    });
  }

  it('replaces the whole document with an object or array', () => {
    assert.deepEqual(applyJsonPatch(widget, [{ op: 'replace', path: '', value: { kind: 'X' } }]), { kind: 'X' });
    assert.deepEqual(
      applyJsonPatch(widget, [
        { op: 'replace', path: '', value: [1] },
        { op: 'add', path: '/-', value: 2 },
      ]),
      [1, 2],
    );
  });

  it('fails for what is not there', () => {
    fails(
      [{ op: 'replace', path: '/spec/arr/3', value: 'r' }],
      'invalid',
      'replace operation does not apply: doc is missing key: /spec/arr/3: missing value',
    );
    fails([{ op: 'replace', path: '/spec/arr/-', value: 'r' }], 'invalid');
    fails(
      [{ op: 'replace', path: '/spec/nope/x', value: 1 }],
      'invalid',
      'replace operation does not apply: doc is missing path: /spec/nope/x: missing value',
    );
    fails(
      [{ op: 'replace', path: '', value: 1 }],
      'invalid',
      'replace operation value must be object or array: %!w(<nil>)',
    );
    fails([{ op: 'replace', path: '', value: null }], 'invalid');
    fails(
      [{ op: 'replace', value: 1 }],
      'invalid',
      'replace operation failed to decode path: operation missing path field: missing value',
    );
  });

  it('crashes the server when the whole document is replaced by nothing', () => {
    fails([{ op: 'replace', path: '' }], 'crash');
  });
});

describe('applyJsonPatch: move', () => {
  const cases: [unknown, unknown][] = [
    [
      { op: 'move', from: '/spec/a', path: '/spec/b' },
      { ...without(spec, 'a'), b: 1 },
    ],
    [
      { op: 'move', from: '/spec/arr/0', path: '/spec/arr/-' },
      { ...spec, arr: [2, 3, 1] },
    ],
    [
      { op: 'move', from: '/spec/arr/0', path: '/spec/arr/2' },
      { ...spec, arr: [2, 3, 1] },
    ],
    [{ op: 'move', from: '/spec/a', path: '/spec/a' }, spec],
  ];
  for (const [operation, result] of cases) {
    it(JSON.stringify(operation), () => {
      assert.deepEqual(patchSpec([operation]), result);
    });
  }

  it('fails for what is not there', () => {
    fails(
      [{ op: 'move', from: '/spec/obj', path: '/spec/obj/inner' }],
      'invalid',
      'move operation does not apply: doc is missing destination path: /spec/obj/inner: missing value',
    );
    fails(
      [{ op: 'move', from: '/spec/zz', path: '/spec/b' }],
      'invalid',
      "error in move for path: 'zz': Unable to remove nonexistent key: zz: missing value",
    );
    fails(
      [{ op: 'move', from: '/spec/arr/7', path: '/spec/x' }],
      'invalid',
      "error in move for path: '7': Unable to access invalid index: 7: invalid index referenced",
    );
    fails([{ op: 'move', from: '/spec/a', path: '/nope/x' }], 'invalid');
    fails(
      [{ op: 'move', from: '', path: '/spec/b' }],
      'invalid',
      'move operation does not apply: doc is missing from path: : missing value',
    );
    fails(
      [{ op: 'move', path: '/spec/x' }],
      'invalid',
      'move operation failed to decode from: operation, missing from field: missing value',
    );
    fails(
      [{ op: 'move', from: '/spec/a' }],
      'invalid',
      'move operation failed to decode path: operation missing path field: missing value',
    );
  });
});

describe('applyJsonPatch: copy', () => {
  const cases: [unknown, unknown][] = [
    [
      { op: 'copy', from: '/spec/obj', path: '/spec/obj2' },
      { ...spec, obj2: { x: 'y' } },
    ],
    [
      { op: 'copy', from: '/spec/obj', path: '/spec/obj/self' },
      { ...spec, obj: { x: 'y', self: { x: 'y' } } },
    ],
    [
      { op: 'copy', from: '/spec/zz', path: '/spec/b' },
      { ...spec, b: null },
    ], // absent copies as null
    [
      { op: 'copy', from: '/spec/a', path: '/spec/arr/1' },
      { ...spec, arr: [1, 1, 2, 3] },
    ],
  ];
  for (const [operation, result] of cases) {
    it(JSON.stringify(operation), () => {
      assert.deepEqual(patchSpec([operation]), result);
    });
  }

  it('copies deeply', () => {
    const result = patchSpec([
      { op: 'copy', from: '/spec/obj', path: '/spec/o2' },
      { op: 'add', path: '/spec/o2/x', value: 'changed' },
    ]);
    assert.deepEqual(result, { ...spec, o2: { x: 'changed' } });
  });

  it('fails for what is not there', () => {
    fails(
      [{ op: 'copy', from: '/spec/arr/9', path: '/spec/b' }],
      'invalid',
      "error in copy for from: '/spec/arr/9': Unable to access invalid index: 9: invalid index referenced",
    );
    fails(
      [{ op: 'copy', from: '/spec/a', path: '/nope/x' }],
      'invalid',
      'copy operation does not apply: doc is missing destination path: /nope/x: missing value',
    );
    fails([{ op: 'copy', from: '/spec/a' }], 'invalid', 'copy operation failed to decode path: missing value');
    fails(
      [{ op: 'copy', path: '/spec/b' }],
      'invalid',
      'copy operation failed to decode from: operation, missing from field: missing value',
    );
  });

  it('copies at most 3 MiB in all', () => {
    const big = 'x'.repeat(900_000); // 900002 bytes as JSON
    const copies = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ op: 'copy', from: '/spec/big', path: `/spec/c${String(i)}` }));
    assert.equal(Object.keys(patchSpec(copies(3), { big }) as object).length, 4);
    fails(
      copies(4),
      'invalid',
      'Unable to complete the copy, the accumulated size increase of copy is 3600008, exceeding the limit 3145728',
      { big },
    );
  });
});

describe('applyJsonPatch: test', () => {
  const passes: unknown[] = [
    { op: 'test', path: '/spec/a', value: 1 },
    { op: 'test', path: '/spec/s', value: 'str' },
    { op: 'test', path: '/spec/obj', value: { x: 'y' } },
    { op: 'test', path: '/spec/arr', value: [1, 2, 3] },
    { op: 'test', path: '/spec/arr/-1', value: 3 },
    { op: 'test', path: '/spec/zz', value: null }, // absent reads as null
    { op: 'test', path: '/spec/zz' },
    { op: 'test', path: '/spec/n', value: null },
    { op: 'test', path: '/spec/n' },
    { op: 'test', path: '', value: widget },
  ];
  for (const operation of passes) {
    it(`passes ${JSON.stringify(operation)}`, () => {
      assert.deepEqual(patchSpec([operation]), spec);
    });
  }

  it('compares objects by members, in any order, with null members', () => {
    assert.deepEqual(patchSpec([{ op: 'test', path: '/spec/o', value: { a: 1, b: 2 } }], { o: { b: 2, a: 1 } }), {
      o: { b: 2, a: 1 },
    });
    assert.deepEqual(patchSpec([{ op: 'test', path: '/spec/o', value: { a: null } }], { o: { a: null } }), {
      o: { a: null },
    });
    fails([{ op: 'test', path: '/spec/o', value: {} }], 'test-failed', 'testing value /spec/o failed: test failed', {
      o: { a: null },
    });
  });

  const failures: unknown[] = [
    { op: 'test', path: '/spec/a', value: 2 },
    { op: 'test', path: '/spec/a', value: '1' },
    { op: 'test', path: '/spec/a', value: null },
    { op: 'test', path: '/spec/a' },
    { op: 'test', path: '/spec/obj', value: { x: 'y', z: 1 } },
    { op: 'test', path: '/spec/obj', value: [] },
    { op: 'test', path: '/spec/arr', value: [3, 2, 1] },
    { op: 'test', path: '/spec/arr', value: {} },
    { op: 'test', path: '', value: null },
  ];
  for (const operation of failures) {
    it(`fails ${JSON.stringify(operation)} with 422`, () => {
      fails([operation], 'test-failed');
    });
  }

  it('never finds a string with <, > or & equal: the server compares Go-escaped text', () => {
    fails([{ op: 'test', path: '/spec/s', value: '<b>' }], 'test-failed', undefined, { s: '<b>' });
    fails([{ op: 'test', path: '/spec', value: { s: 'a&b' } }], 'test-failed', undefined, { s: 'a&b' });
    assert.deepEqual(patchSpec([{ op: 'test', path: '/spec/s', value: 'é' }], { s: 'é' }), { s: 'é' });
  });

  it('is invalid, not failed, where the path does not lead', () => {
    fails(
      [{ op: 'test', path: '/spec/arr/9', value: 1 }],
      'invalid',
      "error in test for path: '/spec/arr/9': Unable to access invalid index: 9: invalid index referenced",
    );
    fails(
      [{ op: 'test', path: '/spec/nope/x', value: 1 }],
      'invalid',
      'test operation does not apply: is missing path: /spec/nope/x: missing value',
    );
  });

  it('makes the whole patch fail', () => {
    fails(
      [
        { op: 'add', path: '/spec/x', value: 'v' },
        { op: 'test', path: '/spec/a', value: 'no' },
      ],
      'test-failed',
      'testing value /spec/a failed: test failed',
    );
  });

  it('crashes the server without a value for the whole document, or on null in arrays', () => {
    fails([{ op: 'test', path: '' }], 'crash');
    fails([{ op: 'test', path: '/spec/arr', value: [null] }], 'crash', undefined, { arr: [null] });
    fails([{ op: 'test', path: '/spec/arr', value: [null] }], 'crash', undefined, { arr: [1] });
    // unless an earlier element already differs
    fails([{ op: 'test', path: '/spec/arr', value: [2, null] }], 'test-failed', undefined, { arr: [1, null] });
  });
});

describe('applyJsonPatch: operations', () => {
  it('applies in order', () => {
    const result = patchSpec([
      { op: 'add', path: '/spec/x', value: 1 },
      { op: 'remove', path: '/spec/x' },
      { op: 'add', path: '/spec/y', value: 2 },
    ]);
    assert.deepEqual(result, { ...spec, y: 2 });
  });

  it('knows six', () => {
    fails([{ op: 'frob', path: '/spec/a' }], 'invalid', 'Unexpected kind: frob');
    fails([{ path: '/spec/a' }], 'invalid', 'Unexpected kind: unknown');
    fails([{ op: 'constructor', path: '/spec/a' }], 'invalid', 'Unexpected kind: constructor');
  });

  it('treats "__proto__" and "constructor" as ordinary keys', () => {
    const result = patchSpec(
      [
        { op: 'add', path: '/spec/__proto__', value: { polluted: true } },
        { op: 'test', path: '/spec/constructor' },
      ],
      {},
    ) as object;
    assert.equal(Object.hasOwn(result, '__proto__'), true);
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
  });

  it('needs an object or array to patch', () => {
    assert.throws(() => applyJsonPatch('text', []), TypeError);
  });
});
