// src/testing/server/structural against the real kube-apiserver: for one CRD schema, the
// 422 causes of invalid custom resources, the unknown fields fieldValidation=Strict
// reports, and the defaults and dropped nulls of the stored object are all the real
// server's; the module, given the same objects, must produce exactly them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import {
  CustomResourceDecodeError,
  customResourceSchema,
  fieldErrorBody,
} from '../../src/testing/server/structural/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { type RawResponse, send } from '../support/raw-http.ts';
import {
  defaultCases,
  invalidCases,
  invalidStatusCases,
  undecodableCases,
  unknownFieldCases,
  widget,
  widgetCrd,
  widgetGroup,
  widgetPath,
  widgetSchema,
} from '../support/structural-cases.ts';

interface Cause {
  reason: string;
  message: string;
  field: string;
}
type Json = Record<string, unknown>;

const byField = (a: Cause, b: Cause) =>
  `${a.field} ${a.reason} ${a.message}` < `${b.field} ${b.reason} ${b.message}` ? -1 : 1;

/** What the module makes of a request body: pruned, defaulted, then validated. */
function moduleAnswer(body: Json) {
  const schema = customResourceSchema(widgetSchema);
  const object = structuredClone(body);
  const unknown = schema.prune(object);
  schema.default(object);
  const causes = schema.validate(object).map((error) => ({
    reason: error.reason,
    message: fieldErrorBody(error),
    field: error.field,
  }));
  return { object, unknown, causes };
}

describe('structural schemas as kube-apiserver applies them', apiServerSuite(), () => {
  let server: RunningApiServer;
  const post = (path: string, body: unknown): Promise<RawResponse> =>
    send(server.url, server.tls, { method: 'POST', path, body });

  before(async () => {
    server = await startApiServer();
    const created = await post('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', widgetCrd);
    assert.equal(created.status, 201, created.text);
    // Established, then served: the custom resource handler may answer 404 a moment longer.
    for (;;) {
      const probe = await send(server.url, server.tls, { method: 'GET', path: widgetPath });
      if (probe.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  after(() => server.stop());

  for (const { name, spec } of invalidCases) {
    it(`refuses ${name} with the same causes`, async () => {
      const body = widget(name, spec);
      const answer = await post(widgetPath, body);
      assert.equal(answer.status, 422, answer.text);
      const real = (answer.json as { details: { causes: Cause[] } }).details.causes.sort(byField);
      assert.ok(real.length > 0, answer.text);
      if (process.env.SHOW_REAL === '1') console.log(JSON.stringify(real));
      const mine = moduleAnswer(body).causes;
      assert.deepEqual([...mine].sort(byField), real);
      // With one cause the whole message is fixed (with several, Go's order varies).
      if (mine.length === 1 && mine[0] !== undefined) {
        const { message } = answer.json as { message: string };
        const cause = `${mine[0].field}: ${mine[0].message}`;
        assert.equal(message, `Widget.${widgetGroup} "${name}" is invalid: ${cause}`);
      }
    });
  }

  for (const { name, status } of invalidStatusCases) {
    it(`refuses the status write ${name} with the same causes`, async () => {
      const created = await post(widgetPath, widget(name, { name: 'a' }));
      assert.equal(created.status, 201, created.text);
      const body = { ...(created.json as Json), status };
      const path = `${widgetPath}/${name}/status`;
      const answer = await send(server.url, server.tls, { method: 'PUT', path, body });
      assert.equal(answer.status, 422, answer.text);
      const real = (answer.json as { details: { causes: Cause[] } }).details.causes.sort(byField);
      assert.ok(real.length > 0, answer.text);
      if (process.env.SHOW_REAL === '1') console.log(JSON.stringify(real));
      const mine = customResourceSchema(widgetSchema)
        .validateStatus(body, created.json as Json)
        .map((error) => ({ reason: error.reason, message: fieldErrorBody(error), field: error.field }));
      assert.deepEqual(mine.sort(byField), real);
    });
  }

  for (const { name, object } of unknownFieldCases) {
    it(`reports the unknown fields of ${name} as Strict does`, async () => {
      const answer = await post(`${widgetPath}?fieldValidation=Strict`, object);
      assert.equal(answer.status, 400, answer.text);
      const message = (answer.json as { message: string }).message;
      const real = [...message.matchAll(/unknown field "([^"]*)"/g)].map((match) => match[1]);
      assert.ok(real.length > 0, message);
      if (process.env.SHOW_REAL === '1') console.log(JSON.stringify(real));
      const unknown = moduleAnswer(object).unknown;
      assert.deepEqual(unknown, real);
      // The whole message, as a server built on the module would write it.
      const listed = unknown.map((path) => `unknown field ${JSON.stringify(path)}`).join(', ');
      assert.equal(message, `Widget in version "v1" cannot be handled as a Widget: strict decoding error: ${listed}`);
    });
  }

  for (const { name, object } of undecodableCases) {
    it(`cannot decode ${name}, with kube-apiserver's message`, async () => {
      const answer = await post(widgetPath, object);
      assert.equal(answer.status, 400, answer.text);
      const { message } = answer.json as { message: string };
      const schema = customResourceSchema(widgetSchema);
      assert.throws(
        () => schema.prune(structuredClone(object)),
        (error: unknown) =>
          error instanceof CustomResourceDecodeError &&
          message === `Widget in version "v1" cannot be handled as a Widget: ${error.message}`,
        message,
      );
    });
  }

  for (const { name, spec } of defaultCases) {
    it(`stores ${name} defaulted as kube-apiserver does`, async () => {
      const body = widget(name, spec);
      const answer = await post(widgetPath, body);
      assert.equal(answer.status, 201, answer.text);
      const mine = moduleAnswer(body);
      assert.deepEqual(mine.causes, []);
      assert.deepEqual(mine.object.spec, (answer.json as Json).spec);
    });
  }

  it('prunes the unknown fields of a created object as kube-apiserver stores it', async () => {
    for (const { object } of unknownFieldCases) {
      const answer = await post(widgetPath, object);
      assert.equal(answer.status, 201, answer.text);
      const stored = answer.json as Json;
      const mine = moduleAnswer(object).object;
      assert.deepEqual(mine.spec, stored.spec);
      assert.deepEqual(Object.keys(mine).sort(), Object.keys(stored).sort());
      const { color } = (stored.metadata ?? {}) as Json;
      assert.equal(color, (mine.metadata as Json).color);
    }
  });
});
