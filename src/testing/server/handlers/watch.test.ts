import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RawRequest, send } from '../../../../test/support/raw-http.ts';
import { startTestServer } from '../start-test-server.ts';

const path = '/api/v1/namespaces/default/configmaps';
const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

/** Requests as the server's own user (its bearer token). */
function authorized(server: { url: string; caPem: string | undefined; token: string }) {
  return (request: RawRequest) =>
    send(
      server.url,
      { ca: server.caPem },
      { ...request, headers: { authorization: `Bearer ${server.token}`, ...request.headers } },
    );
}

describe('watch on the embedded server', () => {
  it('a resourceVersion older than the kept history gets an ERROR event with 410 Expired', async () => {
    const server = await startTestServer({ watchHistory: 2 });
    const call = authorized(server);
    try {
      const first = await call({ method: 'POST', path, body: configMap('a') });
      await call({ method: 'POST', path, body: configMap('b') });
      await call({ method: 'POST', path, body: configMap('c') });
      // The change that created `a` has left the two kept; a watch from just before it cannot replay it.
      const rv = String(Number((first.json as { metadata: { resourceVersion: string } }).metadata.resourceVersion) - 1);
      const watched = await call({ method: 'GET', path: `${path}?watch=true&timeoutSeconds=1&resourceVersion=${rv}` });
      const [event] = watched.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; object: { code: number; reason: string; message: string } });
      assert.equal(event?.type, 'ERROR');
      assert.equal(event.object.code, 410);
      assert.equal(event.object.reason, 'Expired');
      assert.match(event.object.message, new RegExp(`^too old resource version: ${rv} \\(\\d+\\)$`));
    } finally {
      await server.stop();
    }
  });

  it('streams changes made while watching, in order, filtered by label selector', async () => {
    const server = await startTestServer();
    const call = authorized(server);
    try {
      const watching = call({ method: 'GET', path: `${path}?watch=1&timeoutSeconds=1&labelSelector=keep%3Dyes` });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const labelled = (name: string, keep: string) => ({ ...configMap(name), metadata: { name, labels: { keep } } });
      await call({ method: 'POST', path, body: labelled('kept', 'yes') });
      await call({ method: 'POST', path, body: labelled('skipped', 'no') });
      await call({ method: 'DELETE', path: `${path}/kept` });
      const events = (await watching).text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string } } });
      assert.deepEqual(
        events.map((e) => `${e.type} ${e.object.metadata.name}`),
        ['ADDED kept', 'DELETED kept'],
      );
    } finally {
      await server.stop();
    }
  });

  // Checked against kube-apiserver v1.36.3 by test/conformance/cases/watch-selectors.ts.
  it('sends ADDED and DELETED for objects relabelled into and out of its selector, live and replayed', async () => {
    const server = await startTestServer();
    const call = authorized(server);
    const relabel = (x: string) =>
      call({
        method: 'PATCH',
        path: `${path}/moving`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { metadata: { labels: { x } } },
      });
    try {
      const created = await call({ method: 'POST', path, body: configMap('moving') });
      const watch = `${path}?watch=true&timeoutSeconds=2&labelSelector=x%3Dy`;
      let opened = () => {};
      const headersIn = new Promise<void>((resolve) => (opened = resolve));
      const live = send(
        server.url,
        { ca: server.caPem },
        { method: 'GET', path: watch, headers: { authorization: `Bearer ${server.token}` } },
        opened,
      );
      await headersIn;
      const into = await relabel('y');
      const out = await relabel('n');
      const replayed = await call({
        method: 'GET',
        path: `${watch}&resourceVersion=${resourceVersionOf(created.json)}`,
      });
      const expected = [
        { type: 'ADDED', labels: { x: 'y' }, resourceVersion: resourceVersionOf(into.json) },
        // The object as it was before, still labelled x=y, at the version of the change.
        { type: 'DELETED', labels: { x: 'y' }, resourceVersion: resourceVersionOf(out.json) },
      ];
      assert.deepEqual(summary((await live).text), expected);
      assert.deepEqual(summary(replayed.text), expected);
    } finally {
      await server.stop();
    }
  });
});

const resourceVersionOf = (object: unknown) =>
  (object as { metadata: { resourceVersion: string } }).metadata.resourceVersion;

/** Each event of a JSON watch stream: its type, labels and resourceVersion. */
const summary = (stream: string) =>
  stream
    .trim()
    .split('\n')
    .map((line) => {
      const { type, object } = JSON.parse(line) as { type: string; object: { metadata: { labels: unknown } } };
      return { type, labels: object.metadata.labels, resourceVersion: resourceVersionOf(object) };
    });
