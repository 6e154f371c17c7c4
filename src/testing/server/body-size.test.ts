// The 3 MiB limit on a request body, as kube-apiserver v1.36.3 answers it, whether the
// body comes with a Content-Length or chunked.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestServer } from './start-test-server.ts';
import { configMapsPath } from './test-support/fuzz-requests.ts';
import { answer, json, patchTypes, refusal, startLimitsServer } from './test-support/limits-server.ts';

const limit = 3 * 1024 * 1024;
const tooLarge = refusal(413, 'Request entity too large: limit is 3145728');

/** A ConfigMap body of exactly `size` bytes. */
const bodyOfSize = (size: number) => {
  const empty = JSON.stringify({ metadata: { name: 'sized' }, data: { k: '' } });
  return empty.replace('"k":""', `"k":"${'x'.repeat(size - empty.length)}"`);
};

describe('the request body size limit: 3 MiB', () => {
  let server: TestServer;

  before(async () => {
    server = await startLimitsServer();
  });

  after(async () => {
    await server.stop();
  });

  it('takes a body of exactly 3 MiB', async () => {
    const { status } = await answer(server, {
      method: 'POST',
      path: configMapsPath,
      headers: json,
      body: bodyOfSize(limit),
    });
    assert.equal(status, 201);
  });

  for (const chunked of [false, true]) {
    it(`refuses one byte more with 413, ${chunked ? 'chunked' : 'with Content-Length'}`, async () => {
      const body = bodyOfSize(limit + 1);
      for (const request of [
        { method: 'POST', path: configMapsPath, headers: json },
        { method: 'PUT', path: `${configMapsPath}/cm`, headers: json },
        { method: 'PATCH', path: `${configMapsPath}/cm`, headers: { 'content-type': patchTypes.merge } },
        { method: 'DELETE', path: `${configMapsPath}/cm`, headers: json },
      ]) {
        assert.deepEqual(await answer(server, { ...request, body, chunked }), tooLarge, request.method);
      }
    });
  }
});
