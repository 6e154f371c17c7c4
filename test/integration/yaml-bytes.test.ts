// The embedded server writes application/yaml byte for byte as the real kube-apiserver
// does (its JSONToYAML): the same ConfigMaps, read back as YAML from both, differ only in
// uid, resourceVersion and timestamps; an object go-yaml cannot write is the same 500.
import assert from 'node:assert/strict';
import type { RequestOptions } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { startApiServer, startTestServer, type RunningApiServer, type TestServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { send, type RawRequest } from '../support/raw-http.ts';

interface Target {
  url: string;
  tls: RequestOptions;
  headers: Record<string, string>;
}

/** Data values of every kind go-yaml writes differently; each was checked against Go. */
const trickyData: Record<string, string> = {
  '9': 'nine',
  '10': 'ten',
  on: 'yes',
  empty: '',
  date: '2026-01-02',
  time: '2026-12-05T07:50:45Z',
  hex: '0x1F',
  float: '.5',
  dash: '- a',
  colon: 'a:',
  quote: "'a",
  trailing: 'a ',
  lines: 'a\nb\n',
  indented: ' a\nb',
  kept: 'a\n\n',
  spaceBeforeBreak: 'a \nb',
  tab: 'a\tb',
  emoji: '😀',
  bom: '\uFEFFa',
  separator: 'a\u2028b',
  nextLine: 'x\u0085y',
  long: 'lorem ipsum '.repeat(20),
  longQuoted: `- ${'lorem ipsum '.repeat(20)}`,
  longWord: 'x'.repeat(120),
};

/** The parts that legitimately differ between two servers. */
const normalize = (yaml: string) =>
  yaml.replace(/^(\s*)(uid|resourceVersion|creationTimestamp|time): .*$/gm, '$1$2: <varies>');

describe('application/yaml bytes: embedded server and real kube-apiserver', apiServerSuite(), () => {
  let real: RunningApiServer;
  let embedded: TestServer;
  const targets: Target[] = [];
  before(async () => {
    const token = 'yaml-bytes-test-token';
    [real, embedded] = await Promise.all([startApiServer(), startTestServer({ token })]);
    targets.push({ url: real.url, tls: real.tls, headers: {} });
    targets.push({ url: embedded.url, tls: { ca: embedded.caPem }, headers: { authorization: `Bearer ${token}` } });
  });
  after(() => Promise.all([real.stop(), embedded.stop()]));

  /** `request` on both servers: [real, embedded]. */
  const onBoth = (request: RawRequest) =>
    Promise.all(targets.map((t) => send(t.url, t.tls, { ...request, headers: { ...t.headers, ...request.headers } })));
  const create = (name: string, data: Record<string, string>) =>
    onBoth({
      method: 'POST',
      path: '/api/v1/namespaces/default/configmaps',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { test: 'yaml-bytes' } }, data },
    });
  const getYaml = (path: string) => onBoth({ method: 'GET', path, headers: { accept: 'application/yaml' } });

  it('writes an object with tricky strings identically', async () => {
    for (const answer of await create('tricky', trickyData)) assert.equal(answer.status, 201, answer.text);
    const [fromReal, fromEmbedded] = await getYaml('/api/v1/namespaces/default/configmaps/tricky');
    assert.ok(fromReal && fromEmbedded);
    assert.equal(fromReal.status, 200, fromReal.text);
    assert.equal(fromEmbedded.contentType, fromReal.contentType);
    assert.equal(normalize(fromEmbedded.text), normalize(fromReal.text));
  });

  it('writes a list identically', async () => {
    for (const answer of await create('plain', { a: 'b', list: '[x]' })) assert.equal(answer.status, 201, answer.text);
    const [fromReal, fromEmbedded] = await getYaml(
      '/api/v1/namespaces/default/configmaps?labelSelector=test%3Dyaml-bytes',
    );
    assert.ok(fromReal && fromEmbedded);
    assert.equal(fromReal.status, 200, fromReal.text);
    assert.equal(normalize(fromEmbedded.text), normalize(fromReal.text));
  });

  it('answers the same 500 Status for an object whose strings go-yaml refuses (DEL)', async () => {
    for (const answer of await create('refused', { a: 'x\u007fy' })) assert.equal(answer.status, 201, answer.text);
    const answers = await getYaml('/api/v1/namespaces/default/configmaps/refused');
    const [fromReal, fromEmbedded] = answers.map((a) => ({ status: a.status, type: a.contentType, text: a.text }));
    assert.equal(fromReal?.status, 500);
    assert.deepEqual(fromEmbedded, fromReal);
  });
});
