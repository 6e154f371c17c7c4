import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../../client/kube-object-client.ts';
import type { HookAction, HookedRequest } from '../../testing/server/request-hook.ts';
import { startTestServer, type TestServer } from '../../testing/server/start-test-server.ts';
import { queuedUpdate } from './queued-update.ts';
import { queueCases } from '../../../test/support/queue-cases.ts';
import { queueCrashCase } from '../../../test/support/queue-crash-case.ts';

describe('queuedUpdate on the embedded server', () => {
  let server: TestServer;
  let client: KubeObjectClient;
  let hook: ((request: HookedRequest) => HookAction | undefined) | undefined;
  before(async () => {
    server = await startTestServer({ hook: (request) => hook?.(request) });
    client = kubeObjectClient(server.kubeConfig);
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });

  queueCases(() => client, 'queued');

  it('without permission on Leases, says what the queue needs and where, keeping the server’s answer', async () => {
    const name = 'queued-forbidden';
    await client.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });
    const message = 'leases.coordination.k8s.io is forbidden: User "dev" cannot create resource "leases"';
    const body = JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message,
      reason: 'Forbidden',
      code: 403,
    });
    hook = (request) =>
      request.verb === 'create' && request.resource === 'leases' ? { respond: { status: 403, body } } : undefined;
    try {
      const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name };
      await assert.rejects(
        queuedUpdate(client, ref, (object) => object),
        (error: Error) => {
          assert.match(
            error.message,
            /needs create, list and delete on leases\.coordination\.k8s\.io in namespace default/,
          );
          assert.match(error.message, /cannot create resource "leases"/);
          return true;
        },
      );
    } finally {
      hook = undefined;
    }
  });
  queueCrashCase(
    () => client,
    () => server.kubeConfig,
    'queued-crash',
  );
});
