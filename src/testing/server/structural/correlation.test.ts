// Validation ratcheting as kube-apiserver applied it to the same updates
// (test/integration/structural-schema-updates-apiserver.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorText } from './field-error.ts';
import { customResourceSchema } from './index.ts';

const schema = customResourceSchema({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        size: { type: 'string', maxLength: 3 },
        count: { type: 'integer', maximum: 10 },
        tags: { type: 'array', items: { type: 'string', maxLength: 1 } },
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, port: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
});
const old = { spec: { size: 'large', count: 50, tags: ['xx'], ports: [{ name: 'a', port: 0 }] } };
const errorsOf = (spec: Record<string, unknown>) =>
  schema
    .validate({ spec: { ...old.spec, ...spec } }, old)
    .map(fieldErrorText)
    .sort();

describe('validation ratcheting', () => {
  it('drops the errors of values unchanged since the old object', () => {
    assert.deepEqual(errorsOf({}), []);
    assert.deepEqual(errorsOf({ count: 60 }), [
      'spec.count: Invalid value: 60: spec.count in body should be less than or equal to 10',
    ]);
  });

  it('correlates list-map items by key, wherever they moved', () => {
    assert.deepEqual(
      errorsOf({
        ports: [
          { name: 'b', port: 2 },
          { name: 'a', port: 0 },
        ],
      }),
      [],
    );
    assert.deepEqual(errorsOf({ ports: [{ name: 'a', port: -1 }] }), [
      'spec.ports[0].port: Invalid value: -1: spec.ports[0].port in body should be greater than or equal to 1',
    ]);
  });

  it('compares other lists whole: one changed item exposes the others', () => {
    assert.deepEqual(errorsOf({ tags: ['xx', 'y'] }), ['spec.tags[0]: Too long: may not be more than 1 byte']);
  });

  it('judges a create (no old object) alone', () => {
    assert.equal(schema.validate(old).length, 4);
  });
});
