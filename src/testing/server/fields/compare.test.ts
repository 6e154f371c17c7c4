import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaFor } from '../schema/index.ts';
import { deduced } from '../schema/schema.ts';
import { compare } from './compare.ts';
import { pathToString } from './path-element.ts';
import type { FieldSet } from './field-set.ts';

const deployment = schemaFor('apps/v1', 'Deployment');
const show = (set: FieldSet) => set.paths().map(pathToString);

describe('compare', () => {
  it('adds a node with what is below it, and only modifies leaves of nodes on both sides', () => {
    const before = { spec: { strategy: {}, selector: null } };
    const after = {
      spec: {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
        selector: { matchLabels: { a: 'b' } },
      },
    };
    const { added, modified, removed } = compare(deployment, before, after);
    assert.deepEqual(show(added), [
      '.spec.strategy.rollingUpdate',
      '.spec.strategy.type',
      '.spec.strategy.rollingUpdate.maxSurge',
    ]);
    assert.deepEqual(show(modified), ['.spec.selector'], 'atomic: a leaf');
    assert.ok(removed.empty);
  });

  it('tracks list items by key, and removals with what is below them', () => {
    const containers = (...names: string[]) => ({
      spec: { template: { spec: { containers: names.map((name) => ({ name, image: name })) } } },
    });
    const { added, removed } = compare(deployment, containers('a', 'b'), containers('b', 'c'));
    assert.deepEqual(show(added), [
      '.spec.template.spec.containers[name="c"]',
      '.spec.template.spec.containers[name="c"].image',
      '.spec.template.spec.containers[name="c"].name',
    ]);
    assert.deepEqual(show(removed), [
      '.spec.template.spec.containers[name="a"]',
      '.spec.template.spec.containers[name="a"].image',
      '.spec.template.spec.containers[name="a"].name',
    ]);
  });

  it('treats maps empty on both sides as leaves, so {} and null differ', () => {
    assert.deepEqual(show(compare(deployment, { metadata: { labels: null } }, { metadata: { labels: {} } }).modified), [
      '.metadata.labels',
    ]);
    assert.ok(compare(deduced, { a: [1] }, { a: [1] }).modified.empty);
    assert.deepEqual(show(compare(deduced, { a: [1] }, { a: [2] }).modified), ['.a']);
  });
});
