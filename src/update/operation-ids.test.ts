import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  beyondRecord,
  exactlyOnceOf,
  operationRecord,
  recentOperationsAnnotation,
  recordedOperations,
  withOperationRecorded,
} from './operation-ids.ts';

describe('operation ids', () => {
  it('records the newest id last and keeps at most `history`', () => {
    let object = { metadata: { name: 'x', annotations: { keep: 'me' } } };
    for (const id of ['a', 'b', 'c', 'd']) {
      object = withOperationRecorded(object, { operationId: id, history: 3 }) as typeof object;
    }
    assert.deepEqual(recordedOperations(object), ['b', 'c', 'd']);
    assert.equal(object.metadata.annotations.keep, 'me');
    assert.deepEqual(operationRecord(object), { count: 4, ids: ['b', 'c', 'd'] });
    assert.deepEqual(recordedOperations({}), []);
  });

  it('reads an absent or foreign annotation as no record', () => {
    const withValue = (value: string) => ({ metadata: { annotations: { [recentOperationsAnnotation]: value } } });
    assert.deepEqual(operationRecord({}), { count: 0, ids: [] });
    assert.deepEqual(operationRecord(withValue('not a record')), { count: 0, ids: [] });
    assert.deepEqual(operationRecord(withValue('2 a b c')), { count: 2, ids: ['b', 'c'] });
  });

  it('knows when a write made on a record could have landed unseen', () => {
    const record = { count: 10, ids: ['g', 'h', 'i', 'j'] }; // slots 7 to 10 are kept
    assert.equal(beyondRecord(record, 10), false, 'nothing recorded since: it did not land');
    assert.equal(beyondRecord(record, 6), false, 'slot 7 is kept: its absence means it did not land');
    assert.equal(beyondRecord(record, 5), true, 'slot 6 has left the kept ids');
    assert.equal(beyondRecord(record, 11), true, 'the record went back: rewritten by someone');
  });

  it('is off unless asked; a random id per call otherwise', () => {
    assert.equal(exactlyOnceOf(undefined), undefined);
    assert.equal(exactlyOnceOf(false), undefined);
    const a = exactlyOnceOf(true);
    const b = exactlyOnceOf({});
    assert.match(a?.operationId ?? '', /^[A-Za-z0-9_-]{16}$/);
    assert.notEqual(a?.operationId, b?.operationId);
    assert.deepEqual(exactlyOnceOf({ operationId: 'job-7.retry_2', history: 5 }), {
      operationId: 'job-7.retry_2',
      history: 5,
    });
  });

  it('refuses ids that could not be told apart in the annotation, and bad history sizes', () => {
    for (const operationId of ['', 'has space', 'a,b', 'x'.repeat(65), 'é']) {
      assert.throws(() => exactlyOnceOf({ operationId }), /operationId must be 1 to 64 letters, digits/);
    }
    for (const history of [0, 1.5, 1_001, Number.NaN]) {
      assert.throws(() => exactlyOnceOf({ history }), /history must be a whole number from 1 to 1000/);
    }
  });
});
