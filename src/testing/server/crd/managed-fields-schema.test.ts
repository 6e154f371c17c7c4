import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Schema } from '../schema/schema.ts';
import { structuralSchema } from '../structural/index.ts';
import { managedFieldsSchema } from './managed-fields-schema.ts';

const schema = managedFieldsSchema(
  structuralSchema({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          size: { type: 'integer' },
          port: { 'x-kubernetes-int-or-string': true },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          tags: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
          ports: {
            type: 'array',
            items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['name'],
          },
          args: { type: 'array', items: { type: 'string' } },
          extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
    },
  }),
);

const fieldOf = (parent: Schema, name: string): Schema => {
  assert.equal(parent.kind, 'struct');
  const found = parent.fields[name];
  assert.ok(found, `no field ${name}`);
  return found.schema;
};

describe('managedFieldsSchema', () => {
  it('types declared objects as closed structs under an open root with typed metadata', () => {
    assert.ok(schema.kind === 'struct' && schema.open);
    assert.equal(fieldOf(schema, 'metadata').kind, 'struct');
    const spec = fieldOf(schema, 'spec');
    assert.ok(spec.kind === 'struct' && !spec.open);
    assert.deepEqual(fieldOf(spec, 'size'), { kind: 'scalar', type: 'numeric', zero: 0, go: 'value' });
    assert.equal(fieldOf(spec, 'port').kind, 'scalar');
  });

  it('makes additionalProperties a map, preserve-unknown-fields an open struct', () => {
    const spec = fieldOf(schema, 'spec');
    assert.equal(fieldOf(spec, 'labels').kind, 'map');
    const extra = fieldOf(spec, 'extra');
    assert.ok(extra.kind === 'struct' && extra.open);
  });

  it('keeps lists atomic unless x-kubernetes-list-type says set or map', () => {
    const spec = fieldOf(schema, 'spec');
    const listType = (name: string) => {
      const list = fieldOf(spec, name);
      return list.kind === 'list' ? [list.listType, list.keys] : undefined;
    };
    assert.deepEqual(listType('tags'), ['set', []]);
    assert.deepEqual(listType('ports'), ['map', ['name']]);
    assert.deepEqual(listType('args'), ['atomic', []]);
  });
});
