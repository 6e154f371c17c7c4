// The seam, with messages as the real kube-apiserver v1.36.3 wrote them for the same
// schema and objects (test/integration/structural-schema-apiserver.test.ts re-checks them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { widgetSchema } from '../../../../test/support/structural-cases.ts';
import { customResourceSchema, fieldErrorText } from './index.ts';

const schema = customResourceSchema(widgetSchema);
const errorsOf = (spec: unknown) =>
  schema.validate({ apiVersion: 'g/v1', kind: 'Widget', metadata: { name: 'w' }, spec }).map(fieldErrorText);

describe('customResourceSchema().validate', () => {
  it('words type, enum, range and pattern errors as kube-apiserver does', () => {
    assert.deepEqual(errorsOf({ name: 'a', replicas: 'string' }), [
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ]);
    assert.deepEqual(errorsOf({ name: 'a', size: 'huge' }), [
      'spec.size: Unsupported value: "huge": supported values: "small", "large"',
    ]);
    assert.deepEqual(errorsOf({ name: 'a', level: 3 }), [
      'spec.level: Unsupported value: 3: supported values: "1", "2"',
    ]);
    assert.deepEqual(errorsOf({ name: 'a', replicas: 11 }), [
      'spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10',
    ]);
    assert.deepEqual(errorsOf({ name: 'X' }), [
      `spec.name: Invalid value: "X": spec.name in body should match '^[a-z]+$'`,
    ]);
    assert.deepEqual(errorsOf({ name: 'a', big: 1000001.5 }), [
      'spec.big: Invalid value: 1.0000015e+06: spec.big in body should be less than or equal to 1e+06',
    ]);
  });

  it('words size, required and list-type errors as kube-apiserver does', () => {
    assert.deepEqual(errorsOf({ name: 'abcdefghijk' }), ['spec.name: Too long: may not be more than 10 bytes']);
    assert.deepEqual(errorsOf({ name: 'a', tags: ['a', 'b', 'c', 'd'] }), [
      'spec.tags: Too many: 4: must have at most 3 items',
    ]);
    assert.deepEqual(errorsOf({ name: 'a', tags: [] }), [
      'spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items',
    ]);
    assert.deepEqual(errorsOf({ replicas: 1 }), ['spec.name: Required value']);
    assert.deepEqual(errorsOf({ name: 'a', tags: ['a', 'b', 'a'] }), ['spec.tags[2]: Duplicate value: "a"']);
    assert.deepEqual(errorsOf({ name: 'a', ports: [{ name: 'http' }, { name: 'http' }] }), [
      'spec.ports[1]: Duplicate value: {"name":"http"}',
    ]);
    assert.deepEqual(errorsOf({ name: 'a', tags: [null] }), [
      'spec.tags[0]: Invalid value: "null": spec.tags[0] in body must be of type string: "null"',
    ]);
  });

  it('finds nothing wrong with a valid object', () => {
    assert.deepEqual(errorsOf({ name: 'a', replicas: 3, tags: ['x'], ports: [{ name: 'http', port: 'web' }] }), []);
  });
});

describe('customResourceSchema() on updates and status writes', () => {
  it('reports duplicates in list sets only when the old object had none', () => {
    const object = (tags: string[]) => ({ spec: { name: 'a', tags } });
    assert.deepEqual(schema.validate(object(['a', 'a'])).map(fieldErrorText), ['spec.tags[1]: Duplicate value: "a"']);
    assert.deepEqual(schema.validate(object(['a', 'a']), object(['b', 'b'])), []);
    assert.equal(schema.validate(object(['a', 'a']), object(['b'])).length, 1);
  });

  it('validates status alone, naming paths inside it', () => {
    assert.deepEqual(schema.validateStatus({ spec: {}, status: { ready: 4 } }).map(fieldErrorText), [
      'status.ready: Invalid value: 4: ready in body should be less than or equal to 3',
    ]);
    assert.deepEqual(schema.validateStatus({ spec: {} }), []);
  });
});

describe('customResourceSchema().prune and default', () => {
  it('prunes, then defaults, as a create stores the object', () => {
    const object: Record<string, unknown> = { metadata: { name: 'w' }, spec: { name: 'a', foo: 1, plain: null } };
    assert.deepEqual(schema.prune(object), ['spec.foo']);
    schema.default(object);
    assert.deepEqual(object.spec, { name: 'a', mode: 'fast', limits: { cpu: 2 } });
  });
});
