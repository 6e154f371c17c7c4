// Embedded resources' checks as kube-apiserver reported them
// (test/integration/structural-schema-apiserver.test.ts re-checks them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEmbeddedResources } from './embedded-resource.ts';
import { fieldErrorText } from './field-error.ts';
import { structuralSchema } from './structural-schema.ts';

const schema = structuralSchema({
  type: 'object',
  properties: {
    template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
    templates: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        'x-kubernetes-embedded-resource': true,
        'x-kubernetes-preserve-unknown-fields': true,
      },
    },
  },
});
const errorsOf = (value: unknown) => validateEmbeddedResources(value, schema).map(fieldErrorText).sort();

describe('validateEmbeddedResources', () => {
  it('requires apiVersion and kind', () => {
    assert.deepEqual(errorsOf({ template: { metadata: { name: 'p' } } }), [
      'template.apiVersion: Required value',
      'template.kind: Required value',
    ]);
  });

  it('checks apiVersion, kind and metadata as ObjectMeta', () => {
    const template = {
      apiVersion: 'a/b/c',
      kind: 'Bad_Kind',
      metadata: { name: 'x/y', namespace: 'No', generateName: 'a%', annotations: { '/x': '' } },
    };
    assert.deepEqual(errorsOf({ template }), [
      `template.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c`,
      `template.kind: Invalid value: "Bad_Kind": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      `template.metadata.annotations: Invalid value: "/x": prefix part must be non-empty`,
      `template.metadata.generateName: Invalid value: "a%": may not contain '%'`,
      `template.metadata.name: Invalid value: "x/y": may not contain '/'`,
      `template.metadata.namespace: Invalid value: "No": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('names an embedded resource in a map by its key, as Go writes field.Path keys', () => {
    assert.deepEqual(errorsOf({ templates: { web: { kind: 'Pod' } } }), ['templates[web].apiVersion: Required value']);
  });

  it('accepts a well formed embedded resource, and a mixed-case kind', () => {
    assert.deepEqual(
      errorsOf({ template: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } }),
      [],
    );
  });
});
