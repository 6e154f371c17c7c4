// field.Error's text, as kube-apiserver wrote it in the causes recorded by
// test/integration/structural-schema-apiserver.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorBody, fieldErrorText, goFloat } from './field-error.ts';

describe('field errors', () => {
  it('writes each reason with or without the bad value, as ErrorBody does', () => {
    const detail = 'must have at most 3 items';
    assert.equal(
      fieldErrorBody({ reason: 'FieldValueTooMany', field: 'spec.tags', badValue: 4, detail }),
      `Too many: 4: ${detail}`,
    );
    assert.equal(
      fieldErrorBody({ reason: 'FieldValueRequired', field: 'spec.name', badValue: '', detail: '' }),
      'Required value',
    );
    const tooLong = {
      reason: 'FieldValueTooLong',
      field: 'spec.name',
      badValue: '<value omitted>',
      detail: 'may not be more than 10 bytes',
    } as const;
    assert.equal(fieldErrorText(tooLong), 'spec.name: Too long: may not be more than 10 bytes');
    assert.equal(
      fieldErrorBody({ reason: 'FieldValueDuplicate', field: 'spec.ports[1]', badValue: { name: 'http' }, detail: '' }),
      'Duplicate value: {"name":"http"}',
    );
  });

  it("writes numbers as Go's %v writes an int64 or a float64", () => {
    assert.equal(goFloat(1000000), '1e+06');
    assert.equal(goFloat(1000001.5), '1.0000015e+06');
    assert.equal(goFloat(1.5), '1.5');
    assert.equal(
      fieldErrorBody({ reason: 'FieldValueInvalid', field: 'x', badValue: 1000001.5, detail: 'd' }),
      'Invalid value: 1.0000015e+06: d',
    );
    assert.equal(
      fieldErrorBody({ reason: 'FieldValueInvalid', field: 'x', badValue: 11, detail: 'd' }),
      'Invalid value: 11: d',
    );
  });
});
