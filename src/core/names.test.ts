import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dnsLabelErrors, dnsSubdomainErrors, labelKeyErrors, labelValueErrors, pathSegmentErrors } from './names.ts';

describe('Kubernetes name rules', () => {
  it('an object name is a DNS-1123 subdomain: lowercase, dots allowed, at most 253 characters', () => {
    for (const name of ['demo-deployment', 'a.b-c', '0', 'a'.repeat(253)])
      assert.deepEqual(dnsSubdomainErrors(name), []);
    for (const name of ['Bad_Name', '-a', 'a.', '', 'a..b']) assert.equal(dnsSubdomainErrors(name).length, 1, name);
    assert.deepEqual(dnsSubdomainErrors('a'.repeat(254)), ['must be no more than 253 characters']);
  });

  it('a namespace name is a DNS-1123 label: no dots, at most 63 characters', () => {
    assert.deepEqual(dnsLabelErrors('kube-system'), []);
    // Both messages as kube-apiserver v1.36.3 words them for a Namespace or a Service
    // (test/python/transcripts/served.txt).
    assert.deepEqual(dnsLabelErrors('a.b'), ['must not contain dots']);
    assert.deepEqual(dnsLabelErrors('A-b'), [
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    assert.deepEqual(dnsLabelErrors('a'.repeat(64)), ['must be no more than 63 characters']);
  });

  it('a label key is [prefix/]name; its parts are counted in UTF-8 bytes, as Go counts them', () => {
    for (const key of ['biz-version', 'example.com/My_Name', 'a']) assert.deepEqual(labelKeyErrors(key), []);
    assert.deepEqual(labelKeyErrors('a'.repeat(63)), []);
    assert.deepEqual(labelKeyErrors('a'.repeat(64)), ['name part must be no more than 63 bytes']);
    // 32 'é' are 32 characters but 64 bytes: too long.
    assert.ok(labelKeyErrors('é'.repeat(32)).includes('name part must be no more than 63 bytes'));
    assert.deepEqual(labelKeyErrors('/a'), ['prefix part must be non-empty']);
    assert.equal(labelKeyErrors('a/b/c').length, 1);
  });

  it('a label value may be empty, else it follows the label name rule', () => {
    for (const value of ['', '106', 'my_value']) assert.deepEqual(labelValueErrors(value), []);
    assert.equal(labelValueErrors('not valid!').length, 1);
  });

  // Checked against kube-apiserver v1.36.3 by the conformance case "invalid specs: Role and ClusterRole rules".
  it('an RBAC name is a path segment: colons and capitals pass, a % does not', () => {
    assert.deepEqual(pathSegmentErrors('invalid:Colon_Name'), []);
    assert.deepEqual(pathSegmentErrors('bad%name'), ["may not contain '%'"]);
  });
});
