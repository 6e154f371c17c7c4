// The causes here are kube-apiserver v1.36.3's, recorded by the conformance cases in
// test/conformance/cases/invalid/config.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configKeyErrors, validateConfigMapKeys, validateSecretKeys } from './validate-config-keys.ts';

const badCharacters =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('ConfigMap and Secret keys', () => {
  it('refuses characters beyond [-._a-zA-Z0-9], the empty key, and keys longer than 253', () => {
    assert.deepEqual(configKeyErrors('bad key!'), [badCharacters]);
    assert.deepEqual(configKeyErrors(''), [badCharacters]);
    assert.deepEqual(configKeyErrors('k'.repeat(254)), ['must be no more than 253 characters']);
    assert.deepEqual(configKeyErrors('.ok_K-1'), []);
  });

  it("refuses '.', '..' and keys starting with '..'", () => {
    assert.deepEqual(configKeyErrors('.'), ["must not be '.'"]);
    assert.deepEqual(configKeyErrors('..'), ["must not be '..'"]);
    assert.deepEqual(configKeyErrors('..a'), ["must not start with '..'"]);
  });

  it('names the map and key; a key in both of a ConfigMap’s maps is refused in data', () => {
    const configMap = { metadata: { name: 'c' }, data: { same: 'v' }, binaryData: { 'x:y': 'dg==', same: 'dg==' } };
    assert.deepEqual(validateConfigMapKeys(configMap), [
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "same": duplicate of key present in binaryData',
        field: 'data[same]',
      },
      { reason: 'FieldValueInvalid', message: `Invalid value: "x:y": ${badCharacters}`, field: 'binaryData[x:y]' },
    ]);
    assert.deepEqual(validateSecretKeys({ metadata: { name: 's' }, data: { 'a b': 'dg==' } }), [
      { reason: 'FieldValueInvalid', message: `Invalid value: "a b": ${badCharacters}`, field: 'data[a b]' },
    ]);
  });
});
