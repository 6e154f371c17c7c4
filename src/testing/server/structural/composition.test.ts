// allOf, anyOf, oneOf and not as kube-apiserver reported them for the same schema and
// values (test/integration/structural-schema-apiserver.test.ts re-checks each).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorText } from './field-error.ts';
import { structuralSchema } from './structural-schema.ts';
import { validateValue } from './validation.ts';

const schema = structuralSchema({
  type: 'object',
  properties: {
    either: {
      type: 'object',
      properties: { x: { type: 'string' } },
      anyOf: [{ required: ['x'] }, { required: ['y'] }],
    },
    choice: { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] },
    between: { type: 'integer', allOf: [{ minimum: 1 }, { maximum: 5 }] },
    nonZero: { type: 'integer', not: { enum: [0] } },
    portOrName: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
  },
});
const errorsOf = (value: Record<string, unknown>) => validateValue(value, schema).map(fieldErrorText).sort();

describe('composition keywords', () => {
  it('anyOf: the composite error at the root, then the errors of the alternative that got furthest', () => {
    assert.deepEqual(errorsOf({ either: {} }), [
      '<nil>: Invalid value: "": "either" must validate at least one schema (anyOf)',
      'either.x: Required value',
    ]);
    assert.deepEqual(errorsOf({ portOrName: 1.5 }), [
      '<nil>: Invalid value: "": "portOrName" must validate at least one schema (anyOf)',
      '<nil>: Invalid value: "": Checked value must be of type integer (default format) in portOrName',
      'portOrName: Invalid value: "number": portOrName in body must be of type integer,string: "number"',
      'portOrName: Invalid value: "number": portOrName in body must be of type integer: "number"',
    ]);
    assert.deepEqual(errorsOf({ either: { x: 'x' }, portOrName: 'http' }), []);
  });

  it('oneOf: none or several valid alternatives', () => {
    assert.deepEqual(errorsOf({ choice: {} }), [
      '<nil>: Invalid value: "": "choice" must validate one and only one schema (oneOf). Found none valid',
      'choice.a: Required value',
    ]);
    assert.deepEqual(errorsOf({ choice: { a: 1, b: 2 } }), [
      '<nil>: Invalid value: "": "choice" must validate one and only one schema (oneOf). Found 2 valid alternatives',
    ]);
  });

  it('allOf and not', () => {
    assert.deepEqual(errorsOf({ between: 9 }), [
      '<nil>: Invalid value: "": "between" must validate all the schemas (allOf)',
      'between: Invalid value: 9: between in body should be less than or equal to 5',
    ]);
    assert.deepEqual(errorsOf({ nonZero: 0 }), [
      '<nil>: Invalid value: "": "nonZero" must not validate the schema (not)',
    ]);
  });

  it('reports a part validated alone under its field, as a status write is', () => {
    const status = structuralSchema({ type: 'object', properties: { either: schema.properties?.either } });
    assert.deepEqual(validateValue({ either: {} }, status, 'status').map(fieldErrorText), [
      'status: Invalid value: "": "either" must validate at least one schema (anyOf)',
      'status.either.x: Required value',
    ]);
  });
});
