import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiException } from '@kubernetes/client-node';
import { KubeApiError } from './kube-api-error.ts';

const conflictStatus = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message:
    'Operation cannot be fulfilled on deployments.apps "demo-deployment": the object has been modified; please apply your changes to the latest version and try again',
  reason: 'Conflict',
  details: { name: 'demo-deployment', group: 'apps', kind: 'deployments' },
  code: 409,
};
const request = { verb: 'PUT', resource: 'deployments.apps', namespace: 'default', name: 'demo-deployment' };

describe('KubeApiError', () => {
  it("says what happened where client-node says 'Unknown API Status Code'", () => {
    const thrown = new ApiException(409, 'Unknown API Status Code!', JSON.stringify(conflictStatus), {});
    const error = KubeApiError.from(thrown, request);
    assert.ok(error);
    assert.equal(
      error.message,
      `409 Conflict on PUT deployments.apps default/demo-deployment: ${conflictStatus.message}`,
    );
    assert.equal(error.kind, 'StaleWriteConflict');
    assert.equal(error.code, 409);
    assert.equal(error.reason, 'Conflict');
    assert.deepEqual(error.details, conflictStatus.details);
    assert.deepEqual(error.request, request);
    assert.equal(error.cause, thrown);
    assert.equal(error.name, 'KubeApiError');
  });

  it('reads Retry-After from the header, as seconds or as an HTTP date', () => {
    const seconds = KubeApiError.from({ code: 429, body: 'Too many requests', headers: { 'Retry-After': '3' } });
    assert.ok(seconds);
    assert.equal(seconds.retryAfterSeconds, 3);
    assert.equal(seconds.kind, 'TooManyRequests');
    assert.equal(seconds.message, '429 TooManyRequests: (the server sent no Status message)');
    const date = new Date(Date.now() + 5_000).toUTCString();
    const fromDate = KubeApiError.from({ code: 429, body: '', headers: { 'retry-after': date } });
    assert.ok(
      fromDate?.retryAfterSeconds !== undefined && fromDate.retryAfterSeconds >= 4 && fromDate.retryAfterSeconds <= 5,
    );
  });

  it('reads retryAfterSeconds from Status details when there is no header', () => {
    const status = { kind: 'Status', code: 504, reason: 'Timeout', message: 't', details: { retryAfterSeconds: 2 } };
    const error = KubeApiError.from(status);
    assert.ok(error);
    assert.equal(error.retryAfterSeconds, 2);
    assert.equal(error.kind, 'Timeout');
  });

  it('keeps a namespace-only request readable', () => {
    const error = KubeApiError.from(
      { kind: 'Status', code: 403, reason: 'Forbidden', message: 'no' },
      {
        verb: 'list',
        resource: 'deployments.apps',
        namespace: 'default',
      },
    );
    assert.equal(error?.message, '403 Forbidden on list deployments.apps in namespace default: no');
  });

  it('is undefined for values that are not API errors', () => {
    assert.equal(KubeApiError.from(new Error('boom')), undefined);
    assert.equal(KubeApiError.from(undefined), undefined);
  });

  it('returns the same KubeApiError when given one, and is found again through causes', () => {
    const error = KubeApiError.from(conflictStatus, request);
    assert.ok(error);
    assert.equal(KubeApiError.from(error), error);
    const again = KubeApiError.from(new Error('wrapped', { cause: error }));
    assert.ok(again);
    assert.equal(again.kind, 'StaleWriteConflict');
    assert.equal(again.code, 409);
  });

  it('reads a failed fetch Response body', async () => {
    const response = new Response(JSON.stringify(conflictStatus), {
      status: 409,
      headers: { 'content-type': 'application/json' },
    });
    const error = await KubeApiError.fromResponse(response, request);
    assert.equal(error.kind, 'StaleWriteConflict');
    assert.equal(error.serverMessage, conflictStatus.message);
  });
});
