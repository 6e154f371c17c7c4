import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configMaps } from '../resources/builtin-types.ts';
import { jobs } from '../resources/workload-types.ts';
import { authorizationWarning, deleteWarning, warningHeader } from './request-warnings.ts';

// The conformance suite compares these headers with kube-apiserver's (cases/warnings.ts).
describe('request warnings', () => {
  it("quote the text as Go's %q in a 299 header", () => {
    assert.equal(warningHeader('unknown field "spec.x"'), '299 - "unknown field \\"spec.x\\""');
  });

  it('warn of "Bearer  token" only, the extra space hiding the token', () => {
    assert.match(authorizationWarning('Bearer  token') ?? '', /extra space before the bearer token/);
    assert.equal(authorizationWarning('Bearer token'), undefined);
    assert.equal(authorizationWarning('Basic abc  def'), undefined);
    assert.equal(authorizationWarning(undefined), undefined);
  });

  it('warn of a Job deleted without propagationPolicy or orphanDependents, and of nothing else', () => {
    assert.match(deleteWarning(jobs, {}) ?? '', /child pods are preserved by default/);
    assert.equal(deleteWarning(jobs, { propagationPolicy: 'Background' }), undefined);
    assert.equal(deleteWarning(jobs, { orphanDependents: false }), undefined);
    assert.equal(deleteWarning(configMaps, {}), undefined);
  });
});
