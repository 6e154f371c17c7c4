import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldSet } from './field-set.ts';
import { fromFieldsV1, toFieldsV1 } from './fields-v1.ts';
import { type FieldPath, pathToString } from './path-element.ts';

const path = (...names: string[]): FieldPath => names.map((field) => ({ field }));
const show = (set: FieldSet) => set.paths().map(pathToString);

describe('FieldSet', () => {
  const ab = FieldSet.of(path('a', 'b'), path('a', 'c'), path('d'));

  it('holds paths, members and children sorted as Go sorts them', () => {
    const set = FieldSet.of(path('z'), [{ field: 'list' }, { key: [{ name: 'name', value: 'x' }] }], path('a'), [
      { field: 'list' },
      { value: 'v' },
    ]);
    assert.deepEqual(show(set), ['.a', '.z', '.list[name="x"]', '.list[="v"]']);
    assert.ok(set.has(path('a')));
    assert.ok(!set.has(path('list')), 'a parent is not a member by itself');
  });

  it('unions, intersects and subtracts', () => {
    const other = FieldSet.of(path('a', 'c'), path('e'));
    assert.deepEqual(show(ab.union(other)), ['.d', '.e', '.a.b', '.a.c']);
    assert.deepEqual(show(ab.intersection(other)), ['.a.c']);
    assert.deepEqual(show(ab.difference(other)), ['.d', '.a.b']);
  });

  it('keeps children when subtracting their parent, unless recursively', () => {
    const parent = FieldSet.of(path('a'));
    assert.deepEqual(show(ab.difference(parent)), ['.d', '.a.b', '.a.c']);
    assert.deepEqual(show(ab.recursiveDifference(parent)), ['.d']);
  });

  it('is empty only without paths, and never changes an operand', () => {
    assert.ok(new FieldSet().empty);
    assert.ok(ab.difference(ab).empty);
    const union = ab.union(new FieldSet());
    union.insert(path('a', 'x'));
    assert.deepEqual(show(ab), ['.d', '.a.b', '.a.c']);
  });
});

describe('FieldsV1', () => {
  it('writes "." for a member with children, and reads it back', () => {
    const set = FieldSet.of(path('metadata', 'labels'), path('metadata', 'labels', 'app'), path('spec', 'replicas'));
    const fields = toFieldsV1(set);
    assert.deepEqual(fields, {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': { 'f:replicas': {} },
    });
    assert.deepEqual(Object.keys(fields['f:metadata']['f:labels']), ['.', 'f:app'], '"." comes first');
    assert.deepEqual(show(fromFieldsV1(fields)), show(set));
  });

  it('drops keys of unknown path element types, as Go does', () => {
    assert.deepEqual(show(fromFieldsV1({ 'f:a': { 'x:unknown': {} }, 'f:b': {} })), ['.a', '.b']);
  });
});
