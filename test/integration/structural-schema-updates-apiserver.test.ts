// src/testing/server/structural against the real kube-apiserver on what a single create
// does not show: the Warning headers of fieldValidation=Warn, and list-type duplicates on
// an update, which kube-apiserver reports only when the old object had none (after the
// CRD gained `x-kubernetes-list-type: set` over objects that already hold duplicates).
import assert from 'node:assert/strict';
import { type RequestOptions, request } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { type RunningApiServer, startApiServer, startTestServer, type TestServer } from '../../src/testing/index.ts';
import { customResourceSchema, type FieldError, fieldErrorBody } from '../../src/testing/server/structural/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { type RawResponse, send } from '../support/raw-http.ts';
import { unknownFieldCases, widgetCrd, widgetPath } from '../support/structural-cases.ts';

type Json = Record<string, unknown>;
interface Cause {
  reason: string;
  message: string;
  field: string;
}
const asCause = (error: FieldError): Cause => ({
  reason: error.reason,
  message: fieldErrorBody(error),
  field: error.field,
});
const byField = (a: Cause, b: Cause) => (`${a.field} ${a.message}` < `${b.field} ${b.message}` ? -1 : 1);

const group = 'ratchet.kubeconflict.dev';
const gadgetPath = `/apis/${group}/v1/namespaces/default/gadgets`;
/** The Gadget schema, before (`tight` false) and after constraints were added over stored objects. */
const gadgetSchema = (tight: boolean) => ({
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        tags: {
          type: 'array',
          items: { type: 'string', ...(tight && { maxLength: 1 }) },
          ...(tight && { 'x-kubernetes-list-type': 'set' }),
        },
        size: { type: 'string', ...(tight && { maxLength: 3 }) },
        count: { type: 'integer', ...(tight && { maximum: 10 }) },
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, port: { type: 'integer', ...(tight && { minimum: 1 }) } },
          },
        },
      },
    },
  },
});
const gadgetCrd = (listType: boolean) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `gadgets.${group}` },
  spec: {
    group,
    scope: 'Namespaced',
    names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: gadgetSchema(listType) } }],
  },
});
const gadget = (name: string, tags: string[], rest: Json = {}) => ({
  apiVersion: `${group}/v1`,
  kind: 'Gadget',
  metadata: { name },
  spec: { tags, ...rest },
});

/** Updates of an object stored before the constraints: what changes in its spec. */
const ratchetCases: readonly { readonly name: string; readonly spec: Json }[] = [
  { name: 'unchanged-invalid-kept', spec: { size: 'large', count: 50, ports: [{ name: 'a', port: 0 }] } },
  { name: 'changed-invalid-refused', spec: { size: 'larger', count: 60, ports: [{ name: 'a', port: -1 }] } },
  {
    name: 'moved-map-item-kept',
    spec: {
      size: 'large',
      count: 5,
      ports: [
        { name: 'b', port: 2 },
        { name: 'a', port: 0 },
      ],
    },
  },
];

/** The `Warning` headers of one POST, as sent. */
function warningsOf(server: { url: string; tls: RequestOptions }, path: string, body: unknown): Promise<string[]> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL(path, server.url),
      {
        ...server.tls,
        method: 'POST',
        agent: false,
        headers: {
          ...(server.tls.headers as Record<string, string> | undefined),
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(text)),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const header = res.headersDistinct.warning ?? [];
          resolve(header);
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(text);
  });
}

describe('structural schemas on updates and warnings, as kube-apiserver applies them', apiServerSuite(), () => {
  let server: RunningApiServer;
  let embedded: TestServer;
  const embeddedTarget = () => ({
    url: embedded.url,
    tls: { ca: embedded.caPem, headers: { authorization: 'Bearer warnings' } },
  });
  const call = (method: 'POST' | 'PUT' | 'GET', path: string, body?: unknown): Promise<RawResponse> =>
    send(server.url, server.tls, { method, path, body });
  const served = async (path: string) => {
    while ((await call('GET', path)).status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
  };

  before(async () => {
    server = await startApiServer();
    for (const crd of [widgetCrd, gadgetCrd(false)]) {
      const created = await call('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
      assert.equal(created.status, 201, created.text);
    }
    await served(widgetPath);
    await served(gadgetPath);
    embedded = await startTestServer({ token: 'warnings', controllers: false });
    const { url, tls } = embeddedTarget();
    const created = await send(url, tls, {
      method: 'POST',
      path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
      body: widgetCrd,
      headers: tls.headers,
    });
    assert.equal(created.status, 201, created.text);
    while ((await send(url, tls, { method: 'GET', path: widgetPath, headers: tls.headers })).status !== 200)
      await new Promise((resolve) => setTimeout(resolve, 10));
  });
  after(() => Promise.all([server.stop(), embedded.stop()]));

  it('warns of each pruned field with fieldValidation=Warn, as prune reports it', async () => {
    for (const { name, object } of unknownFieldCases) {
      const warned = await warningsOf(server, `${widgetPath}?fieldValidation=Warn`, {
        ...object,
        metadata: { ...(object.metadata as Json), name: `warn-${name}` },
      });
      const pruned = customResourceSchema(widgetCrd.spec.versions[0]?.schema.openAPIV3Schema).prune(
        structuredClone(object),
      );
      assert.ok(pruned.length > 0);
      assert.deepEqual(
        warned,
        pruned.map((path) => `299 - ${JSON.stringify(`unknown field "${path}"`)}`),
      );
      // The embedded server serving the same CRD warns the same, with the directive or without.
      const sent = { ...object, metadata: { ...(object.metadata as Json), name: `embedded-${name}` } };
      assert.deepEqual(await warningsOf(embeddedTarget(), widgetPath, sent), warned);
    }
  });

  it('ratchets list-set duplicates and unchanged invalid values on updates, as kube-apiserver does', async () => {
    const stored = { size: 'large', count: 50, ports: [{ name: 'a', port: 0 }], tags: ['xx'] };
    for (const { name } of ratchetCases) {
      const created = await call('POST', gadgetPath, gadget(name, [], stored));
      assert.equal(created.status, 201, created.text);
    }
    const withDuplicates = await call('POST', gadgetPath, gadget('had-duplicates', ['b', 'b']));
    const without = await call('POST', gadgetPath, gadget('had-none', ['b']));
    assert.equal(withDuplicates.status, 201, withDuplicates.text);
    assert.equal(without.status, 201, without.text);
    const crdPath = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.${group}`;
    const crd = (await call('GET', crdPath)).json as Json;
    const updated = await call('PUT', crdPath, { ...crd, spec: gadgetCrd(true).spec });
    assert.equal(updated.status, 200, updated.text);
    // The new schema takes effect a moment later: until a new duplicate is refused.
    for (let attempt = 0; ; attempt += 1) {
      const probe = await call('POST', gadgetPath, gadget(`probe-${String(attempt)}`, ['x', 'x']));
      if (probe.status === 422) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const schema = customResourceSchema(gadgetSchema(true));
    const outcomes: number[] = [];
    for (const old of [withDuplicates.json as Json, without.json as Json]) {
      const next = { ...old, spec: { tags: ['a', 'a'] } };
      const answer = await call('PUT', `${gadgetPath}/${String((old.metadata as Json).name)}`, next);
      const real = answer.status === 422 ? (answer.json as { details: { causes: unknown[] } }).details.causes : [];
      outcomes.push(answer.status);
      const mine = schema.validate(next, old).map(asCause);
      assert.deepEqual(mine, real);
    }
    // Ratcheted over the old duplicates; refused where the old object had none.
    assert.deepEqual(outcomes, [200, 422]);

    for (const { name, spec } of ratchetCases) {
      const old = (await call('GET', `${gadgetPath}/${name}`)).json as Json;
      const next = { ...old, spec: { ...(old.spec as Json), ...spec } };
      const answer = await call('PUT', `${gadgetPath}/${name}`, next);
      const real = answer.status === 422 ? (answer.json as { details: { causes: Cause[] } }).details.causes : [];
      assert.equal(answer.status, name.endsWith('-kept') ? 200 : 422, answer.text);
      const mine = schema.validate(next, old).map(asCause);
      assert.deepEqual(mine.sort(byField), real.sort(byField), name);
    }
  });
});
