import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaFor } from '../schema/index.ts';
import { FieldSet } from './field-set.ts';
import { removeItems } from './remove-items.ts';

const deployment = schemaFor('apps/v1', 'Deployment');

describe('removeItems', () => {
  it('removes fields, entries and items with everything below them', () => {
    const value = {
      metadata: { labels: { a: '1', b: '2' } },
      spec: { template: { spec: { containers: [{ name: 'x' }, { name: 'y' }] } } },
    };
    const set = FieldSet.of(
      [{ field: 'metadata' }, { field: 'labels' }, { field: 'a' }],
      [
        { field: 'spec' },
        { field: 'template' },
        { field: 'spec' },
        { field: 'containers' },
        { key: [{ name: 'name', value: 'x' }] },
      ],
    );
    assert.deepEqual(removeItems(deployment, value, set), {
      metadata: { labels: { b: '2' } },
      spec: { template: { spec: { containers: [{ name: 'y' }] } } },
    });
  });

  it('leaves null where a map lost its last entry, as Go does', () => {
    const set = FieldSet.of([{ field: 'metadata' }, { field: 'labels' }, { field: 'a' }]);
    assert.deepEqual(removeItems(deployment, { metadata: { labels: { a: '1' } } }, set), {
      metadata: { labels: null },
    });
  });
});
