import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WriteRequest } from '../handlers/write-request.ts';
import { StatusError } from '../http/status.ts';
import { ObjectStore } from '../object-store.ts';
import { configMaps } from '../resources/builtin-types.ts';
import { checkFieldValidation } from './field-validation.ts';

const request = (query: string, body: unknown, contentType = 'application/json', name?: string): WriteRequest => ({
  type: configMaps,
  namespace: 'default',
  name,
  query: new URLSearchParams(query),
  headers: {},
  body: JSON.stringify(body),
  bytes: Buffer.from(JSON.stringify(body)),
  contentType,
  manager: 'test',
  dryRun: false,
});

/** What checkFieldValidation throws, as `{ code, body }`, to compare with kube-apiserver v1.36.3's answer. */
const refusal = (store: ObjectStore, writeRequest: WriteRequest, verb: string) => {
  try {
    checkFieldValidation(store, writeRequest, verb);
  } catch (error) {
    if (error instanceof StatusError) return { code: error.code, body: error.body };
    throw error;
  }
  return undefined;
};

describe('checkFieldValidation', () => {
  const store = new ObjectStore();
  store.put(
    '/configmaps',
    'default',
    { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'p1', namespace: 'default' }, data: { a: '1' } },
    'ADDED',
  );

  it('refuses unknown fields of a create or update body in document order, with Strict only', () => {
    const body = { zzz: 1, apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p1', bogus: 2 }, aaa: 3 };
    assert.deepEqual(refusal(store, request('fieldValidation=Strict', body), 'create'), {
      code: 400,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "zzz", unknown field "metadata.bogus", unknown field "aaa"',
        reason: 'BadRequest',
        code: 400,
      },
    });
    assert.equal(refusal(store, request('fieldValidation=Warn', body), 'update'), undefined);
    assert.equal(refusal(store, request('', body), 'create'), undefined);
  });

  it('refuses unknown fields a strategic merge patch brings, sorted, showing the patch as Go prints it', () => {
    const patch = { zzz: 1, metadata: { bogus: 2 }, aaa: 3 };
    const answer = refusal(
      store,
      request('fieldValidation=Strict', patch, 'application/strategic-merge-patch+json', 'p1'),
      'patch',
    );
    const detail =
      'Invalid value: "map[aaa:3 metadata:map[bogus:2] zzz:1]": strict decoding error: unknown field "aaa", unknown field "metadata.bogus", unknown field "zzz"';
    assert.deepEqual(answer, {
      code: 422,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: ` "" is invalid: patch: ${detail}`,
        reason: 'Invalid',
        details: { causes: [{ reason: 'FieldValueInvalid', message: detail, field: 'patch' }] },
        code: 422,
      },
    });
  });

  it('shows a merge-patched built-in object as Go writes it: merged objects sorted, the rest as stored', () => {
    const answer = refusal(
      store,
      request('fieldValidation=Strict', { zzz: 1 }, 'application/merge-patch+json', 'p1'),
      'patch',
    );
    assert.equal(
      answer?.body.message,
      String.raw` "" is invalid: patch: Invalid value: "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"p1\",\"namespace\":\"default\",\"resourceVersion\":\"1\"},\"zzz\":1}": strict decoding error: unknown field "zzz"`,
    );
  });

  it('leaves a patch of a missing object, or a body that does not decode, to the handler', () => {
    const strict = 'fieldValidation=Strict';
    assert.equal(
      refusal(store, request(strict, { zzz: 1 }, 'application/merge-patch+json', 'nope'), 'patch'),
      undefined,
    );
    assert.equal(refusal(store, request(strict, { kind: 'Secret', zzz: 1 }), 'create'), undefined);
  });

  it('refuses a directive it does not know, naming the options of the verb', () => {
    const answer = refusal(store, request('fieldValidation=strict', {}), 'update');
    assert.ok(answer);
    assert.equal(answer.code, 422);
    assert.equal(
      answer.body.message,
      'UpdateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"',
    );
  });
});
