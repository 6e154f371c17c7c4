// The patch, apply, adaptive and queued helpers against the real kube-apiserver: the very cases
// the embedded server runs (test/support/*-cases.ts), so both answer the same assertions.
import { after, before, describe } from 'node:test';
import { kubeObjectClient, type KubeObjectClient } from '../../src/index.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { adaptiveCases } from '../support/adaptive-cases.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { patchHelperCases } from '../support/patch-helper-cases.ts';
import { queueCases } from '../support/queue-cases.ts';
import { queueCrashCase } from '../support/queue-crash-case.ts';

describe('update helpers on the real kube-apiserver', apiServerSuite(), () => {
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
  describe('patch and apply helpers', () => {
    patchHelperCases(() => client, 'patched');
  });
  describe('adaptiveUpdate', () => {
    adaptiveCases(() => client, 'adaptive');
  });
  describe('queuedUpdate', () => {
    queueCases(() => client, 'queued');
    queueCrashCase(
      () => client,
      () => server.kubeConfig,
      'queued-crash',
    );
  });
});
