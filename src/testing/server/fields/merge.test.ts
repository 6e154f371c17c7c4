import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaFor } from '../schema/index.ts';
import type { JsonValue } from '../schema/schema.ts';
import { ListItemError } from './atom.ts';
import { merge } from './merge.ts';

const deployment = schemaFor('apps/v1', 'Deployment');
const withContainers = (...containers: JsonValue[]) => ({ spec: { template: { spec: { containers } } } });
const names = (value: unknown) =>
  (value as { spec: { template: { spec: { containers: { name: string }[] } } } }).spec.template.spec.containers.map(
    (c) => c.name,
  );

describe('merge', () => {
  it('lets the configuration win on leaves and merges maps and keyed items', () => {
    const live = {
      metadata: { labels: { a: '1', b: '2' } },
      ...withContainers({ name: 'x', image: 'old', args: ['1'] }),
    };
    const config = {
      metadata: { labels: { b: '3' } },
      ...withContainers({ name: 'x', image: 'new', args: ['2', '3'] }),
    };
    assert.deepEqual(merge(deployment, live, config), {
      metadata: { labels: { a: '1', b: '3' } },
      ...withContainers({ name: 'x', image: 'new', args: ['2', '3'] }),
    });
  });

  it('keeps the live order and puts new items where the configuration has them', () => {
    const live = withContainers({ name: 'a' }, { name: 'b' }, { name: 'c' });
    assert.deepEqual(names(merge(deployment, live, withContainers({ name: 'n' }, { name: 'b' }))), [
      'a',
      'n',
      'b',
      'c',
    ]);
    assert.deepEqual(names(merge(deployment, live, withContainers({ name: 'c' }, { name: 'a' }))), ['b', 'c', 'a']);
  });

  it('refuses a configuration that repeats a key', () => {
    assert.throws(() => merge(deployment, {}, withContainers({ name: 'a' }, { name: 'a' })), ListItemError);
  });
});
