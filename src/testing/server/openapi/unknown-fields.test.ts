import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customResource, schemaFor } from '../schema/index.ts';
import { unknownFields } from './unknown-fields.ts';

describe('unknownFields', () => {
  it('names undeclared fields by path, in document order, through lists and structs', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      zzz: 1,
      metadata: { name: 'd', bogus: true, labels: { free: 'form' } },
      spec: { foo: 2, template: { spec: { containers: [{ name: 'c' }, { name: 'd', bar: 1 }] } } },
    };
    assert.deepEqual(unknownFields(schemaFor('apps/v1', 'Deployment'), deployment), [
      'zzz',
      'metadata.bogus',
      'spec.foo',
      'spec.template.spec.containers[1].bar',
    ]);
  });

  it('lets a custom resource keep any field but in its metadata', () => {
    const widget = { spec: { anything: [1] }, extra: 1, metadata: { bogus: 1 } };
    assert.deepEqual(unknownFields(customResource, widget), ['metadata.bogus']);
  });

  it('does not look into deduced values, or values of the wrong type', () => {
    const configMap = {
      metadata: { managedFields: [{ fieldsV1: { 'f:data': {} } }], labels: 'not a map' },
      data: 5,
    };
    assert.deepEqual(unknownFields(schemaFor('v1', 'ConfigMap'), configMap), []);
  });
});
