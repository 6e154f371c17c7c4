// The bytes of answers whose form kube-apiserver v1.36.3 was seen to give: JSON from Go's
// encoder (a newline at the end, `&` as \u0026), /version from json.MarshalIndent
// (two-space indents in version.Info's field order, no newline at the end), and the
// headers its handler chain and Go's http.Error add.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './start-test-server.ts';
import { keptAliveClient, type KeptAliveClient } from './test-support/kept-alive-client.ts';

describe('the bytes of answers', () => {
  let server: TestServer;
  let client: KeptAliveClient;

  before(async () => {
    server = await startTestServer();
    client = keptAliveClient(server);
  });

  after(async () => {
    client.close();
    await server.stop();
  });

  it('a Status ends with a newline and escapes & as \\u0026, as kube-apiserver wrote it', async () => {
    const answer = await client.send({
      method: 'GET',
      path: '/api/v1/namespaces/default/configmaps?labelSelector=a%3Cb%26',
    });
    assert.equal(answer.status, 400);
    assert.ok(answer.text.includes(String.raw`Invalid value: \"b\u0026\": for 'Gt', 'Lt' operators`), answer.text);
    assert.ok(answer.text.endsWith('"reason":"BadRequest","code":400}\n'), answer.text);
  });

  it('every answer says Cache-Control: no-cache, private; plain text ones also nosniff', async () => {
    const answers = {
      json: await client.send({ method: 'GET', path: '/api/v1/namespaces/default/configmaps' }),
      refusal: await client.send({ method: 'GET', path: '/api', headers: { authorization: 'Bearer wrong' } }),
      notFound: await client.send({ method: 'GET', path: '/nothing' }),
      health: await client.send({ method: 'GET', path: '/healthz' }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      assert.equal(answer.headers['cache-control'], 'no-cache, private', name);
    }
    assert.equal(answers.refusal.status, 401);
    assert.equal(answers.notFound.headers['x-content-type-options'], 'nosniff');
    assert.equal(answers.health.headers['x-content-type-options'], 'nosniff');
  });

  it('/version is indented, in version.Info order, without a newline at the end', async () => {
    const answer = await client.send({ method: 'GET', path: '/version' });
    const keys = [...answer.text.matchAll(/^ {2}"(\w+)": /gm)].map((match) => match[1]);
    assert.deepEqual(keys, [
      'major',
      'minor',
      'emulationMajor',
      'emulationMinor',
      'minCompatibilityMajor',
      'minCompatibilityMinor',
      'gitVersion',
      'gitCommit',
      'gitTreeState',
      'buildDate',
      'goVersion',
      'compiler',
      'platform',
    ]);
    assert.match(answer.text, /^\{\n {2}"major": "1",\n/);
    assert.ok(answer.text.endsWith('"\n}'), answer.text);
  });
});
