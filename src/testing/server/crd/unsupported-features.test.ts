import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unsupportedSchemaCauses } from './unsupported-features.ts';

const crd = (schema: unknown, conversion?: unknown) => ({
  spec: {
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }],
    ...(conversion !== undefined && { conversion }),
  },
});

describe('unsupportedSchemaCauses', () => {
  it('refuses CEL rules wherever they are, naming the path and the limit', () => {
    const causes = unsupportedSchemaCauses(
      crd({
        type: 'object',
        properties: { spec: { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a > 0' }] } },
      }),
    );
    assert.deepEqual(
      causes.map((cause) => [cause.reason, cause.field]),
      [['FieldValueForbidden', 'spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations']],
    );
    assert.match(causes[0]?.message ?? '', /^Forbidden: CEL validation rules are not evaluated by the embedded/);
  });

  it('refuses a conversion webhook and accepts None', () => {
    const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    assert.deepEqual(
      unsupportedSchemaCauses(crd(open, { strategy: 'Webhook' })).map((cause) => cause.field),
      ['spec.conversion.strategy'],
    );
    assert.deepEqual(unsupportedSchemaCauses(crd(open, { strategy: 'None' })), []);
  });
});
