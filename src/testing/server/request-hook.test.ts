import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { classify } from '../../core/errors/classify.ts';
import type { HookedRequest } from './request-hook.ts';
import { startTestServer } from './start-test-server.ts';

const configMap = (name: string): k8s.V1ConfigMap => ({ metadata: { name }, data: { k: 'v' } });

describe('request hook', () => {
  it('sees every resource request with its verb and object', async () => {
    const seen: HookedRequest[] = [];
    const server = await startTestServer({ hook: (request) => void seen.push(request) });
    try {
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('a') });
      await core.readNamespacedConfigMap({ namespace: 'default', name: 'a' });
      assert.deepEqual(
        seen.map(({ verb, resource, namespace, name }) => [verb, resource, namespace, name]),
        [
          ['create', 'configmaps', 'default', undefined],
          ['get', 'configmaps', 'default', 'a'],
        ],
      );
    } finally {
      await server.stop();
    }
  });

  it('can answer instead of the server: a 429 with Retry-After reaches the client as TooManyRequests', async () => {
    const server = await startTestServer({
      hook: ({ verb }) =>
        verb === 'get'
          ? {
              respond: {
                status: 429,
                headers: { 'retry-after': '2', 'content-type': 'text/plain' },
                body: 'Too many requests',
              },
            }
          : undefined,
    });
    try {
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      const error: unknown = await core.readNamespace({ name: 'default' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.equal(classify(error), 'TooManyRequests');
    } finally {
      await server.stop();
    }
  });

  it('a reset after the write leaves the write committed while the client sees a network error', async () => {
    const server = await startTestServer({
      hook: ({ verb }) => (verb === 'create' ? { resetConnection: 'after' } : undefined),
    });
    try {
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      const error: unknown = await core
        .createNamespacedConfigMap({ namespace: 'default', body: configMap('ambiguous') })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(error, 'the client saw a failure');
      const stored = await core.readNamespacedConfigMap({ namespace: 'default', name: 'ambiguous' });
      assert.equal(stored.data?.k, 'v', 'yet the write landed');
    } finally {
      await server.stop();
    }
  });

  it('a reset before the request leaves nothing written', async () => {
    const server = await startTestServer({
      hook: ({ verb }) => (verb === 'create' ? { resetConnection: 'before' } : undefined),
    });
    try {
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      await assert.rejects(core.createNamespacedConfigMap({ namespace: 'default', body: configMap('never') }));
      await assert.rejects(
        core.readNamespacedConfigMap({ namespace: 'default', name: 'never' }),
        (e: unknown) => classify(e) === 'NotFound',
      );
    } finally {
      await server.stop();
    }
  });

  it('delays requests by what it asks', async () => {
    const server = await startTestServer({ hook: () => ({ delayMs: 60 }) });
    try {
      const core = server.kubeConfig.makeApiClient(k8s.CoreV1Api);
      const started = performance.now();
      await core.readNamespace({ name: 'default' });
      assert.ok(performance.now() - started >= 55);
    } finally {
      await server.stop();
    }
  });
});

describe('client-node KubernetesObjectApi against the embedded server', () => {
  it('creates, reads, patches and deletes a Deployment through discovery', async () => {
    const server = await startTestServer();
    try {
      const objects = k8s.KubernetesObjectApi.makeApiClient(server.kubeConfig);
      const deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'generic', namespace: 'default', labels: { 'biz-version': '1' } },
        spec: {
          selector: { matchLabels: { app: 'g' } },
          template: { metadata: { labels: { app: 'g' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.12' }] } },
        },
      };
      await objects.create(deployment);
      const read = await objects.read({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'generic', namespace: 'default' },
      });
      assert.equal(read.metadata?.labels?.['biz-version'], '1');
      await objects.patch(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'generic', namespace: 'default', labels: { 'biz-version': '2' } },
        },
        undefined,
        undefined,
        undefined,
        undefined,
        k8s.PatchStrategy.MergePatch,
      );
      const patched = await objects.read({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'generic', namespace: 'default' },
      });
      assert.equal(patched.metadata?.labels?.['biz-version'], '2');
      await objects.delete({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'generic', namespace: 'default' },
      });
    } finally {
      await server.stop();
    }
  });
});
