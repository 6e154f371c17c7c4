import { after, before, describe } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../../client/kube-object-client.ts';
import { startTestServer, type TestServer } from '../../testing/server/start-test-server.ts';
import { queueCases } from '../../../test/support/queue-cases.ts';
import { queueCrashCase } from '../../../test/support/queue-crash-case.ts';

describe('queuedUpdate on the embedded server', () => {
  let server: TestServer;
  let client: KubeObjectClient;
  before(async () => {
    server = await startTestServer();
    client = kubeObjectClient(server.kubeConfig);
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });

  queueCases(() => client, 'queued');
  queueCrashCase(
    () => client,
    () => server.kubeConfig,
    'queued-crash',
  );
});
