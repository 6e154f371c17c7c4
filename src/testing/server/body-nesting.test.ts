// The limit on how deep a request body nests, as kube-apiserver v1.36.3 answers it
// (every message below was recorded from it): 10000 levels of JSON or YAML, and the
// embedded server's own, lower limit, answered alike (see http/nesting-limit.ts). Nothing
// deep may exhaust the stack (a 500) or take long.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { maxNestingDepth } from './http/nesting-limit.ts';
import type { TestServer } from './start-test-server.ts';
import { configMapsPath, widgetsPath } from './test-support/fuzz-requests.ts';
import { answer, apply, json, patchTypes, refusal, startLimitsServer } from './test-support/limits-server.ts';

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('the request body nesting limit', () => {
  let server: TestServer;

  before(async () => {
    server = await startLimitsServer();
  });

  after(async () => {
    await server.stop();
  });

  describe('nesting: 10000 levels', () => {
    const create = { method: 'POST', path: configMapsPath, headers: json };
    const update = { method: 'PUT', path: `${configMapsPath}/cm`, headers: json };
    const unrecognized = (detail: string) =>
      refusal(400, `the object provided is unrecognized (must be of type ConfigMap): ${detail}`);

    for (const [shape, body, opener, quoted] of [
      ['[[[…', deepArray(100_000), '[', `${'5b'.repeat(30)} ...`],
      ['{"a":{"a":…', deepObject(100_000), '{', `${'{"a":'.repeat(6)} ...`],
      ['[[[… left open', '['.repeat(100_000), '[', `${'5b'.repeat(30)} ...`],
    ] as const) {
      it(`refuses ${shape} 100000 deep in a create, an update and every JSON patch`, async () => {
        const depthError = `invalid character '${opener}' exceeded max depth`;
        const expected = unrecognized(`couldn't get version/kind; json parse error: ${depthError} (${quoted})`);
        assert.deepEqual(await answer(server, { ...create, body }), expected);
        assert.deepEqual(await answer(server, { ...update, body }), expected);
        for (const [patchType, contentType] of Object.entries(patchTypes)) {
          const patch = {
            method: 'PATCH',
            path: `${configMapsPath}/cm`,
            headers: { 'content-type': contentType },
            body,
          };
          // The strategic merge patch path reports the decoder's error bare.
          const message = patchType === 'strategic' ? depthError : `error decoding patch: ${depthError}`;
          assert.deepEqual(await answer(server, patch), refusal(400, message), patchType);
        }
        assert.deepEqual(
          await answer(server, { method: 'DELETE', path: `${configMapsPath}/cm`, headers: json, body }),
          refusal(400, `couldn't get version/kind; json parse error: ${depthError}`),
        );
      });
    }

    it('refuses YAML nested 100000 deep, in flow or block style, in an apply and a create', async () => {
      for (const [body, line] of [
        ['['.repeat(100_000), ''],
        ['- '.repeat(100_000), ''],
        [`metadata:\n  name: cm\ndata:\n  x: ${'{'.repeat(100_000)}`, 'line 4: '],
      ] as const) {
        const goError = `yaml: ${line}exceeded max depth of 10000`;
        assert.deepEqual(
          await answer(server, {
            method: 'PATCH',
            path: `${configMapsPath}/cm?fieldManager=fuzz`,
            headers: apply,
            body,
          }),
          refusal(400, `error decoding YAML: error converting YAML to JSON: ${goError}`),
        );
        const created = await answer(server, { ...create, headers: { 'content-type': 'application/yaml' }, body });
        assert.equal(created.status, 400);
        assert.match(String(created.body.message), new RegExp(`\\): ${goError} \\(`));
      }
    });

    it('refuses a whole 3 MiB of open brackets at once', async () => {
      const body = '['.repeat(3 * 1024 * 1024);
      assert.equal((await answer(server, { ...create, body })).status, 400);
      assert.equal(
        (
          await answer(server, {
            method: 'PATCH',
            path: `${configMapsPath}/cm?fieldManager=fuzz`,
            headers: apply,
            body,
          })
        ).status,
        400,
      );
    });
  });

  describe(`the embedded server's own limit: ${String(maxNestingDepth)} levels`, () => {
    /** A Widget whose spec nests `depth` levels in all. */
    const widget = (name: string, depth: number) =>
      `{"apiVersion":"fuzz.kubeconflict.dev/v1","kind":"Widget","metadata":{"name":"${name}"},"spec":${deepArray(depth - 1)}}`;

    it('serves objects nested to the limit: create, read, patch, apply', async () => {
      const created = await answer(server, {
        method: 'POST',
        path: widgetsPath,
        headers: json,
        body: widget('deep', maxNestingDepth),
      });
      assert.equal(created.status, 201);
      assert.equal((await answer(server, { method: 'GET', path: `${widgetsPath}/deep` })).status, 200);
      assert.equal((await answer(server, { method: 'GET', path: widgetsPath })).status, 200);
      const merge = `{"status":${deepObject(maxNestingDepth - 2)}}`;
      assert.equal(
        (
          await answer(server, {
            method: 'PATCH',
            path: `${widgetsPath}/deep`,
            headers: { 'content-type': patchTypes.merge },
            body: merge,
          })
        ).status,
        200,
      );
      const operations = `[{"op":"add","path":"/extra","value":${deepArray(maxNestingDepth - 2)}}]`;
      assert.equal(
        (
          await answer(server, {
            method: 'PATCH',
            path: `${widgetsPath}/deep`,
            headers: { 'content-type': patchTypes.json },
            body: operations,
          })
        ).status,
        200,
      );
      const strategic = `{"metadata":{"labels":{"a":"b"}},"extra":${deepArray(maxNestingDepth - 1)}}`;
      assert.equal(
        (
          await answer(server, {
            method: 'PATCH',
            path: `${configMapsPath}/cm`,
            headers: { 'content-type': patchTypes.strategic },
            body: strategic,
          })
        ).status,
        200,
      );
      const yaml = `apiVersion: fuzz.kubeconflict.dev/v1\nkind: Widget\nmetadata:\n  name: applied\nspec: ${deepArray(maxNestingDepth - 1)}`;
      assert.equal(
        (
          await answer(server, {
            method: 'PATCH',
            path: `${widgetsPath}/applied?fieldManager=fuzz`,
            headers: apply,
            body: yaml,
          })
        ).status,
        201,
      );
    });

    it('refuses one level more as kube-apiserver refuses 10001', async () => {
      const answered = await answer(server, {
        method: 'POST',
        path: widgetsPath,
        headers: json,
        body: widget('deeper', maxNestingDepth + 1),
      });
      assert.equal(answered.status, 400);
      assert.match(String(answered.body.message), /json parse error: invalid character '\[' exceeded max depth \(/);
      const yaml = `metadata:\n  name: applied\nspec: ${'['.repeat(maxNestingDepth)}${']'.repeat(maxNestingDepth)}`;
      assert.deepEqual(
        await answer(server, {
          method: 'PATCH',
          path: `${widgetsPath}/applied?fieldManager=fuzz`,
          headers: apply,
          body: yaml,
        }),
        refusal(
          400,
          `error decoding YAML: error converting YAML to JSON: yaml: line 3: exceeded max depth of ${String(maxNestingDepth)}`,
        ),
      );
    });
  });
});
