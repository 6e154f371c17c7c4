import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SchemaParseError, structuralSchema } from './structural-schema.ts';

describe('structuralSchema', () => {
  it('reads types, nested schemas, value validations and extensions', () => {
    const schema = structuralSchema({
      type: 'object',
      required: ['spec'],
      properties: {
        spec: {
          type: 'object',
          additionalProperties: { type: 'string', minLength: 2 },
          'x-kubernetes-map-type': 'granular',
        },
        ports: {
          type: 'array',
          maxItems: 3,
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: { type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true } } },
        },
        size: { type: 'string', enum: ['small', 'large'], default: 'small', nullable: true },
        ratio: { type: 'number', maximum: 1.5, exclusiveMaximum: true, multipleOf: 0.5 },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          'x-kubernetes-preserve-unknown-fields': true,
        },
      },
    });
    assert.deepEqual(schema.required, ['spec']);
    const { spec, ports, size, ratio, template } = schema.properties ?? {};
    assert.deepEqual(spec?.additionalProperties, structuralSchema({ type: 'string', minLength: 2 }));
    assert.equal(spec.mapType, 'granular');
    assert.equal(ports?.maxItems, 3);
    assert.equal(ports.listType, 'map');
    assert.deepEqual(ports.listMapKeys, ['name']);
    assert.equal(ports.items?.properties?.port?.intOrString, true);
    assert.equal(ports.items.properties.port.type, '');
    assert.deepEqual(size?.enum, ['small', 'large']);
    assert.equal(size.default, 'small');
    assert.equal(size.nullable, true);
    assert.equal(ratio?.maximum, 1.5);
    assert.equal(ratio.exclusiveMaximum, true);
    assert.equal(ratio.multipleOf, 0.5);
    assert.equal(template?.embeddedResource, true);
    assert.equal(template.preserveUnknownFields, true);
  });

  it('treats a null default as none, as Go does', () => {
    assert.equal(Object.hasOwn(structuralSchema({ type: 'string', default: null }), 'default'), false);
  });

  it('names the keyword whose value has the wrong JSON type', () => {
    assert.throws(
      () => structuralSchema({ type: 'object', properties: { spec: { type: 'object', maximum: '3' } } }),
      new SchemaParseError('openAPIV3Schema.properties.spec.maximum: must be a number'),
    );
    assert.throws(
      () => structuralSchema({ properties: { tags: { items: { required: 'name' } } } }),
      new SchemaParseError('openAPIV3Schema.properties.tags.items.required: must be a list of strings'),
    );
    assert.throws(() => structuralSchema([]), new SchemaParseError('openAPIV3Schema: must be an object'));
  });
});
