// The server and helpers the body limit tests share: every answer checked for shape and
// required within 2 s, and refusals written as kube-apiserver v1.36.3 sends them.
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../start-test-server.ts';
import { checkAnswer, type FuzzRequest, send } from './fuzz-client.ts';
import { configMapsPath, namespace, validConfigMap } from './fuzz-requests.ts';

export const json = { 'content-type': 'application/json' };
export const apply = { 'content-type': 'application/apply-patch+yaml' };
export const patchTypes = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
} as const;

/** An embedded server serving Widgets, with the namespace `fuzz` and the ConfigMap `cm` in it. */
export async function startLimitsServer(): Promise<TestServer> {
  const server = await startTestServer({ tls: false });
  server.registerCustomResource({ group: 'fuzz.kubeconflict.dev', version: 'v1', kind: 'Widget', plural: 'widgets' });
  const body = JSON.stringify({ metadata: { name: namespace } });
  await send(server, { method: 'POST', path: '/api/v1/namespaces', headers: json, body });
  await send(server, {
    method: 'POST',
    path: configMapsPath,
    headers: json,
    body: JSON.stringify(validConfigMap('cm')),
  });
  return server;
}

/** The answer to `request`, checked for shape, within 2 s. */
export async function answer(server: TestServer, request: FuzzRequest) {
  const started = performance.now();
  const result = await send(server, request);
  checkAnswer(request, result);
  const took = performance.now() - started;
  assert.ok(took < 2_000, `slow: ${String(took)} ms`);
  assert.ok(result.kind === 'answered');
  return { status: result.status, body: JSON.parse(result.text) as Record<string, unknown> };
}

/** A refusal as `answer` returns it. */
export const refusal = (code: 400 | 413, message: string) => ({
  status: code,
  body: {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: code === 413 ? 'RequestEntityTooLarge' : 'BadRequest',
    code,
  },
});
