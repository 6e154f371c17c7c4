// Defaulting as kube-apiserver stores it (checked in test/integration/structural-schema-apiserver.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults, dropNullsWithoutDefaults } from './defaulting.ts';
import { structuralSchema } from './structural-schema.ts';

const schema = structuralSchema({
  type: 'object',
  properties: {
    mode: { type: 'string', default: 'fast' },
    limits: { type: 'object', default: {}, properties: { cpu: { type: 'integer', default: 2 } } },
    flags: { type: 'array', items: { type: 'string', default: 'on' } },
    labels: { type: 'object', additionalProperties: { type: 'string', default: 'x' } },
    optional: { type: 'string', nullable: true, default: 'kept-null' },
    plain: { type: 'string' },
  },
});

describe('applyDefaults', () => {
  it('fills missing fields, then defaults inside what a default brought', () => {
    const object = {};
    applyDefaults(object, schema);
    assert.deepEqual(object, { mode: 'fast', limits: { cpu: 2 }, optional: 'kept-null' });
  });

  it('replaces nulls the schema does not allow, in objects, list items and map values', () => {
    const object = { mode: null, limits: null, flags: ['a', null], labels: { k: null }, optional: null };
    applyDefaults(object, schema);
    assert.deepEqual(object, {
      mode: 'fast',
      limits: { cpu: 2 },
      flags: ['a', 'on'],
      labels: { k: 'x' },
      optional: null,
    });
  });

  it('keeps given values and never shares a default between objects', () => {
    const first: Record<string, unknown> = { mode: 'slow' };
    const second: Record<string, unknown> = {};
    applyDefaults(first, schema);
    applyDefaults(second, schema);
    assert.equal(first.mode, 'slow');
    assert.notEqual(first.limits, second.limits);
  });
});

describe('dropNullsWithoutDefaults', () => {
  it('drops object nulls that are neither nullable nor defaulted, and keeps the others', () => {
    const object = { mode: null, plain: null, optional: null, flags: [null], unknown: null };
    dropNullsWithoutDefaults(object, schema);
    assert.deepEqual(object, { mode: null, optional: null, flags: [null], unknown: null });
  });
});
