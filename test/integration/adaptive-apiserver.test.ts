// adaptiveUpdate against the real kube-apiserver: the same cases as on the embedded server.
import { after, before, describe } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../../src/index.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { adaptiveCases } from '../support/adaptive-cases.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';

describe('adaptiveUpdate on the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  let client: KubeObjectClient;
  before(async () => {
    server = await startApiServer();
    client = kubeObjectClient(server.kubeConfig);
  });
  after(async () => {
    client.transport.close();
    await server.stop();
  });
  adaptiveCases(() => client, 'adaptive');
});
