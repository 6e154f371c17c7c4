import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiateOutput, type Offer } from './negotiate.ts';
import { StatusError } from './status.ts';

const builtin: Offer = { formats: ['json', 'yaml', 'protobuf'], stream: false, conversions: true };
const custom: Offer = { formats: ['json', 'yaml'], stream: false, conversions: true };
const watch: Offer = { ...builtin, stream: true };
const formatFor = (accept: string | undefined, offer = builtin) => negotiateOutput(accept, offer).format;

describe('negotiateOutput', () => {
  it('answers JSON when nothing is asked, or anything is', () => {
    assert.equal(formatFor(undefined), 'json');
    assert.equal(formatFor(''), 'json');
    assert.equal(formatFor('*/*'), 'json');
    assert.equal(formatFor('application/*'), 'json');
  });

  it('answers protobuf to client-go’s header, and falls back to JSON where protobuf is not served', () => {
    const clientGo = 'application/vnd.kubernetes.protobuf,application/json';
    assert.equal(formatFor(clientGo), 'protobuf');
    assert.equal(formatFor(clientGo, custom), 'json');
  });

  it('follows q-values', () => {
    assert.equal(formatFor('application/json;q=0.5, application/yaml'), 'yaml');
  });

  it('converts to a Table only in JSON or YAML, and never from discovery', () => {
    const table =
      'application/vnd.kubernetes.protobuf;as=Table;g=meta.k8s.io;v=v1,application/json;as=Table;g=meta.k8s.io;v=v1';
    assert.deepEqual(negotiateOutput(table, builtin).convertTo, { kind: 'Table', version: 'v1' });
    assert.equal(negotiateOutput(table, builtin).format, 'json');
    assert.deepEqual(
      negotiateOutput('application/json;as=Table;g=meta.k8s.io;v=v1, application/json', {
        ...builtin,
        conversions: false,
      }),
      {
        format: 'json',
        convertTo: undefined,
        stream: false,
      },
    );
  });

  it('skips conversions nobody serves and unknown stream schemas', () => {
    assert.equal(
      negotiateOutput('application/json;as=Deployment;g=apps;v=v1, application/yaml', builtin).format,
      'yaml',
    );
    assert.equal(negotiateOutput('application/json;stream=other, application/yaml', builtin).format, 'yaml');
  });

  it('writes watch streams in JSON or protobuf, never YAML', () => {
    assert.equal(formatFor('application/yaml, application/vnd.kubernetes.protobuf', watch), 'protobuf');
    assert.throws(
      () => negotiateOutput('application/yaml', watch),
      (error: unknown) =>
        error instanceof StatusError &&
        error.code === 406 &&
        error.message ===
          'only the following media types are accepted: application/json;stream=watch, application/vnd.kubernetes.protobuf;stream=watch',
    );
  });

  it('names protobuf in a 406 for custom resources too, which never answer in it', () => {
    assert.throws(
      () => negotiateOutput('application/vnd.kubernetes.protobuf', custom),
      (error: unknown) =>
        error instanceof StatusError &&
        error.message ===
          'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });

  it('refuses with 406 and names what is served', () => {
    assert.throws(
      () => negotiateOutput('text/html', builtin),
      (error: unknown) =>
        error instanceof StatusError &&
        error.code === 406 &&
        error.body.reason === 'NotAcceptable' &&
        error.message ===
          'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });
});
