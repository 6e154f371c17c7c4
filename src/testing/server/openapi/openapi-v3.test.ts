import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceRegistry } from '../registry.ts';
import { type OpenApiAnswer, openApiV3 } from './openapi-v3.ts';

const get = (registry: ResourceRegistry, url: string, headers = {}): OpenApiAnswer | undefined => {
  const { pathname, searchParams } = new URL(url, 'https://embedded');
  return openApiV3(pathname, searchParams, headers, registry);
};

const mustGet = (registry: ResourceRegistry, url: string, headers = {}): OpenApiAnswer => {
  const answer = get(registry, url, headers);
  assert.ok(answer, url);
  return answer;
};

describe('openApiV3', () => {
  const registry = new ResourceRegistry();
  const index = JSON.parse(mustGet(registry, '/openapi/v3').body) as {
    paths: Record<string, { serverRelativeURL: string }>;
  };

  it('indexes every group-version by a URL carrying the hash of its document', () => {
    assert.deepEqual(Object.keys(index.paths), [
      'api/v1',
      'apis/apiextensions.k8s.io/v1',
      'apis/apiregistration.k8s.io/v1',
      'apis/apps/v1',
      'apis/batch/v1',
      'apis/coordination.k8s.io/v1',
      'apis/discovery.k8s.io/v1',
      'apis/events.k8s.io/v1',
      'apis/networking.k8s.io/v1',
      'apis/policy/v1',
      'apis/rbac.authorization.k8s.io/v1',
    ]);
    assert.match(
      index.paths['apis/apps/v1']?.serverRelativeURL ?? '',
      /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/,
    );
  });

  it('serves a document: cacheable for good at its hash, 304 when the client has it', () => {
    const url = index.paths['api/v1']?.serverRelativeURL ?? '';
    const answer = mustGet(registry, url);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['cache-control'], 'public, immutable');
    assert.equal((JSON.parse(answer.body) as { openapi: string }).openapi, '3.0.0');
    assert.equal(mustGet(registry, url, { 'if-none-match': answer.headers.etag }).status, 304);
  });

  it('redirects an outdated hash, and a new custom resource changes the index', () => {
    const stale = mustGet(registry, '/openapi/v3/api/v1?hash=0');
    assert.equal(stale.status, 301);
    assert.equal(stale.headers.location, index.paths['api/v1']?.serverRelativeURL);
    registry.registerCustomResource({ group: 'example.dev', version: 'v1', kind: 'Widget', plural: 'widgets' });
    const paths = (JSON.parse(mustGet(registry, '/openapi/v3').body) as { paths: object }).paths;
    assert.ok('apis/example.dev/v1' in paths);
  });

  it('answers a bare 404 for other group-versions, and nothing outside /openapi/v3', () => {
    assert.equal(mustGet(registry, '/openapi/v3/apis/storage.k8s.io/v1').status, 404);
    assert.equal(get(registry, '/openapi/v2'), undefined);
    assert.equal(get(registry, '/api/v1'), undefined);
  });
});
