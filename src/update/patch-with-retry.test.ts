import { after, before, describe } from 'node:test';
import { patchHelperCases } from '../../test/support/patch-helper-cases.ts';
import { kubeObjectClient, type KubeObjectClient } from '../client/kube-object-client.ts';
import { startTestServer, type TestServer } from '../testing/server/start-test-server.ts';

describe('patch and apply helpers on the embedded server', () => {
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
  patchHelperCases(() => client, 'patched');
});
