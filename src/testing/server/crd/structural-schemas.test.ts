import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UndecodableCustomResource } from './custom-resource-schema.ts';
import { structuralSchemas } from './structural-schemas.ts';

const schema = structuralSchemas({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: { size: { type: 'integer', maximum: 10 }, color: { type: 'string', default: 'green' } },
    },
    status: { type: 'object', properties: { level: { type: 'integer', minimum: 0 } } },
  },
});

describe('structuralSchemas', () => {
  it('prunes undeclared fields and fills in defaults', () => {
    const object = { apiVersion: 'x.dev/v1', kind: 'X', metadata: { name: 'a' }, spec: { size: 1, bogus: true } };
    assert.deepEqual(schema.prune(object), ['spec.bogus']);
    schema.default(object);
    assert.deepEqual(object.spec, { size: 1, color: 'green' });
  });

  it('refuses metadata it cannot decode with an UndecodableCustomResource', () => {
    const object = { apiVersion: 'x.dev/v1', kind: 'X', metadata: { name: 'a', labels: 7 as never } };
    assert.throws(() => schema.prune(object), UndecodableCustomResource);
  });

  it('answers field errors as Status causes, of status alone on a status write', () => {
    const object = { metadata: { name: 'a' }, spec: { size: 11 }, status: { level: -1 } };
    assert.deepEqual(
      schema.validate(object).map((cause) => cause.field),
      ['spec.size', 'status.level'],
    );
    assert.deepEqual(schema.validateStatus(object, { metadata: { name: 'a' } }), [
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: -1: level in body should be greater than or equal to 0',
        field: 'status.level',
      },
    ]);
  });

  it('serves a schema it cannot read open rather than not at all', () => {
    const open = structuralSchemas({ type: 'object', properties: { spec: 'not an object' } });
    const object = { metadata: { name: 'a' }, spec: { anything: 1 } };
    assert.deepEqual(open.prune(object), []);
    assert.deepEqual(open.validate(object), []);
  });
});
