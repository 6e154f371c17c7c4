// Pruning as kube-apiserver reports it to fieldValidation=Strict (checked in
// test/integration/structural-schema-apiserver.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CustomResourceDecodeError, pruneCustomResource } from './pruning.ts';
import { structuralSchema } from './structural-schema.ts';

const schema = structuralSchema({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        ports: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        extra: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'object', properties: { a: { type: 'string' } } } },
        },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          'x-kubernetes-preserve-unknown-fields': true,
        },
        plain: { type: 'string' },
      },
    },
  },
});

describe('pruneCustomResource', () => {
  it('removes undeclared fields at any depth and returns their paths, sorted', () => {
    const object = {
      apiVersion: 'g/v1',
      kind: 'W',
      metadata: { name: 'w' },
      spec: { name: 'a', foo: 1, ports: [{ name: 'p', bad: 1 }] },
      other: 1,
    };
    assert.deepEqual(pruneCustomResource(object, schema), ['other', 'spec.foo', 'spec.ports[0].bad']);
    assert.deepEqual(object, {
      apiVersion: 'g/v1',
      kind: 'W',
      metadata: { name: 'w' },
      spec: { name: 'a', ports: [{ name: 'p' }] },
    });
  });

  it('keeps what preserve-unknown-fields keeps, but prunes inside its declared fields', () => {
    const object = { spec: { extra: { anything: { deep: 1 }, known: { a: 'x', b: 2 } } } };
    assert.deepEqual(pruneCustomResource(object, schema), ['spec.extra.known.b']);
    assert.deepEqual(object.spec.extra, { anything: { deep: 1 }, known: { a: 'x' } });
  });

  it('keeps metadata to ObjectMeta, at the root first, then in embedded resources', () => {
    const template = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', color: 'red' }, spec: { any: 1 } };
    const object = { metadata: { name: 'w', color: 'red', labels: { a: 'b' } }, spec: { template } };
    assert.deepEqual(pruneCustomResource(object, schema), ['metadata.color', 'spec.template.metadata.color']);
    assert.deepEqual(object.metadata, { name: 'w', labels: { a: 'b' } });
    assert.deepEqual(template, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { any: 1 } });
  });

  it('drops nulls the schema neither allows nor defaults, without reporting them', () => {
    const object = { spec: { plain: null, name: 'a' } };
    assert.deepEqual(pruneCustomResource(object, schema), []);
    assert.deepEqual(object.spec, { name: 'a' });
  });

  it('refuses what kube-apiserver cannot decode, with its message', () => {
    const decodeError = (message: string) => new CustomResourceDecodeError(message);
    assert.throws(
      () => pruneCustomResource({ spec: { template: { apiVersion: 'v1', kind: 1 } } }, schema),
      decodeError('spec.template.kind: Invalid value: 1: must be a string'),
    );
    assert.throws(
      () => pruneCustomResource({ spec: { template: { kind: 'Pod', metadata: { labels: 'x' } } } }, schema),
      decodeError(
        'spec.template.metadata: Invalid value: {"labels":"x"}: json: cannot unmarshal string into Go struct field ObjectMeta.labels of type map[string]string',
      ),
    );
    assert.throws(
      () => pruneCustomResource({ metadata: { labels: { a: 1 } } }, schema),
      decodeError('json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string'),
    );
  });
});
