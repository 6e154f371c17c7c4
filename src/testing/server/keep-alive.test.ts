// Every answer leaves the kept-alive connection usable, or says `Connection: close` and
// closes it, as kube-apiserver v1.36.3 does (each row below was seen from it over HTTP/1.1):
// Go's server reads and drops up to 256 KiB of a body the handler left unread, and closes
// the connection when more is left. Also answers sent before the body is read at all.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './start-test-server.ts';
import { keptAliveClient, type KeptAliveClient, type KeptAliveRequest } from './test-support/kept-alive-client.ts';

const MiB = 1024 * 1024;
const configMaps = '/api/v1/namespaces/default/configmaps';
const json = { 'content-type': 'application/json' };
const text = { 'content-type': 'text/plain' };
/** A ConfigMap body of about `size` bytes. */
const sized = (size: number) => JSON.stringify({ metadata: { name: 'sized' }, data: { k: 'x'.repeat(size) } });

interface Row {
  readonly name: string;
  readonly request: KeptAliveRequest;
  readonly status: number;
  /** kube-apiserver answers `Connection: close` and closes; otherwise no Connection header. */
  readonly closes: boolean;
}

const rows: Row[] = [
  { name: '413, Content-Length 4 MiB', request: post(sized(4 * MiB)), status: 413, closes: true },
  { name: '413, chunked 4 MiB', request: { ...post(sized(4 * MiB)), chunked: true }, status: 413, closes: true },
  { name: '413, 100 KiB past the limit', request: post(sized(3 * MiB + 100 * 1024)), status: 413, closes: false },
  {
    name: '413, chunked, 100 KiB past the limit',
    request: { ...post(sized(3 * MiB + 100 * 1024)), chunked: true },
    status: 413,
    closes: false,
  },
  { name: '415 patch, small body', request: patch(sized(1000)), status: 415, closes: false },
  { name: '415 patch, 1 MiB unread', request: patch(sized(MiB)), status: 415, closes: true },
  { name: '415 patch, chunked 1 MiB', request: { ...patch(sized(MiB)), chunked: true }, status: 415, closes: true },
  {
    name: '415 patch, chunked 100 KiB',
    request: { ...patch(sized(100 * 1024)), chunked: true },
    status: 415,
    closes: false,
  },
  {
    name: '401, small body',
    request: post(sized(1000), { authorization: 'Bearer wrong' }),
    status: 401,
    closes: false,
  },
  {
    name: '401, 1 MiB unread',
    request: post(sized(MiB), { authorization: 'Bearer wrong' }),
    status: 401,
    closes: true,
  },
  {
    name: '403 (anonymous), 1 MiB unread',
    request: post(sized(MiB), { authorization: '' }),
    status: 403,
    closes: true,
  },
  {
    name: '404 unknown resource, 1 MiB unread',
    request: { method: 'POST', path: '/api/v1/namespaces/default/nothings', headers: json, body: sized(MiB) },
    status: 404,
    closes: true,
  },
  {
    name: '405, 1 MiB unread',
    request: { method: 'POST', path: `${configMaps}/target`, headers: json, body: sized(MiB) },
    status: 405,
    closes: true,
  },
  {
    name: 'GET with a 1 MiB body',
    request: { method: 'GET', path: `${configMaps}/target`, headers: json, body: sized(MiB) },
    status: 200,
    closes: true,
  },
  {
    name: 'create with Expect: 100-continue (the body sent once asked for)',
    request: { ...post(JSON.stringify({ metadata: { name: 'continued' } })), expectContinue: true },
    status: 201,
    closes: false,
  },
  {
    name: '401 with Expect: 100-continue (the body never asked for)',
    request: { ...post(sized(1000), { authorization: 'Bearer wrong' }), expectContinue: true },
    status: 401,
    closes: true,
  },
  {
    name: '415 patch with Expect: 100-continue',
    request: { ...patch(sized(1000)), expectContinue: true },
    status: 415,
    closes: true,
  },
  {
    name: 'a request saying Connection: close',
    request: { method: 'GET', path: `${configMaps}/target`, headers: { connection: 'close' } },
    status: 200,
    closes: true,
  },
  {
    name: '400 for a malformed DeleteOptions body',
    request: { method: 'DELETE', path: `${configMaps}/target`, headers: json, body: '{bad}' },
    status: 400,
    closes: false,
  },
];

function post(body: string, headers: Record<string, string> = {}): KeptAliveRequest {
  return { method: 'POST', path: configMaps, headers: { ...json, ...headers }, body };
}

function patch(body: string): KeptAliveRequest {
  return { method: 'PATCH', path: `${configMaps}/target`, headers: text, body };
}

describe('kept-alive connections, over one socket', () => {
  let server: TestServer;
  let client: KeptAliveClient;

  before(async () => {
    server = await startTestServer();
    client = keptAliveClient(server);
    const created = await client.send(post(JSON.stringify({ metadata: { name: 'target' } })));
    assert.equal(created.status, 201);
  });

  after(async () => {
    client.close();
    await server.stop();
  });

  it('an unknown method (FOO) gets the Status kube-apiserver gives, and the next request is served', async () => {
    // kube-apiserver keeps this connection; Node's parser cannot go on after an unknown
    // method, so the embedded server closes it, and says so.
    for (const [path, status] of [
      [`${configMaps}/target`, 405],
      ['/nothing', 404],
    ] as const) {
      const answer = await client.send({ method: 'FOO', path });
      assert.equal(answer.status, status, answer.text);
      assert.equal(answer.headers.connection, 'close');
      const next = await client.send({ method: 'GET', path: `${configMaps}/target` });
      assert.equal(next.status, 200, next.text);
    }
  });

  for (const row of rows) {
    it(`${row.name}: ${row.closes ? 'Connection: close, then a new connection' : 'the connection is reused'}`, async () => {
      const answer = await client.send(row.request);
      assert.equal(answer.status, row.status, answer.text);
      assert.equal(answer.headers.connection, row.closes ? 'close' : undefined);
      assert.ok(answer.text.endsWith('}\n'), 'a JSON body ending with a newline');
      const next = await client.send({ method: 'GET', path: `${configMaps}/target` });
      assert.equal(next.status, 200, next.text);
      assert.equal(next.socket === answer.socket, !row.closes, 'the same connection exactly when kept');
    });
  }
});
