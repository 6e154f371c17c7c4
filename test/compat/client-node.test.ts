// The classifier and the update helpers against the real exceptions of
// @kubernetes/client-node 1.x and 2.x, produced by real requests to the embedded server
// and to kube-apiserver. `npm test` runs this file on Node 24 and on Node 22.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s2 from '@kubernetes/client-node';
import * as k8s1 from 'client-node-1';
import { classify, isConflict, KubeApiError, type KubeErrorKind } from '../../src/core/index.ts';
import type { KubeObject } from '../../src/core/object.ts';
import { startApiServer, startTestServer } from '../../src/testing/index.ts';
import { fromKubernetesObjectApi } from '../../src/client/client-node-adapter.ts';
import { mergePatchWithRetry, updateWithRetry } from '../../src/update/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';

type Api = k8s2.KubernetesObjectApi;
const versions = [
  ['client-node 1.x', (config: string) => clientOf(new k8s1.KubeConfig(), config)],
  ['client-node 2.x', (config: string) => clientOf(new k8s2.KubeConfig(), config)],
] as const;

function clientOf(kubeConfig: k8s1.KubeConfig | k8s2.KubeConfig, config: string): Api {
  kubeConfig.loadFromString(config);
  return (
    kubeConfig instanceof k8s2.KubeConfig
      ? k8s2.KubernetesObjectApi.makeApiClient(kubeConfig)
      : k8s1.KubernetesObjectApi.makeApiClient(kubeConfig)
  ) as Api;
}

const label = 'biz-version';
const configMap = (name: string, labels: Record<string, string> = { [label]: '101' }) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', labels },
});
const thrown = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  assert.fail('expected the request to fail');
};

function cases(server: () => { kubeconfig: string; badToken: string }, prefix: string): void {
  for (const [version, makeApi] of versions) {
    describe(version, () => {
      const api = () => makeApi(server().kubeconfig);
      const name = (what: string) => `${prefix}-${version.replace(/\W+/g, '-')}-${what}`;

      it('classifies the real errors of each status', async () => {
        const expect = (error: unknown, kind: KubeErrorKind, code: number) => {
          assert.equal(classify(error), kind, String(error));
          const apiError = KubeApiError.from(error);
          assert.ok(apiError, `a KubeApiError in ${String(error)}`);
          assert.equal(apiError.code, code);
          assert.notEqual(apiError.serverMessage, '');
        };
        const created = (await api().create(configMap(name('errors')))) as KubeObject;
        expect(await thrown(() => api().create(configMap(name('errors')))), 'AlreadyExists', 409);
        expect(await thrown(() => api().read(configMap(name('missing')))), 'NotFound', 404);
        await api().replace({ ...configMap(name('errors')), data: { a: '1' } } as k8s2.KubernetesObject);
        const stale = await thrown(() =>
          api().replace({ ...created, data: { a: '2' } } as unknown as k8s2.KubernetesObject),
        );
        expect(stale, 'StaleWriteConflict', 409);
        assert.ok(isConflict(stale));
        expect(await thrown(() => api().create(configMap(name('bad'), { [label]: 'not valid!' }))), 'Invalid', 422);
        const patch = (manager: string, value: string) =>
          api().patch(
            { ...configMap(name('errors')), data: { owned: value } },
            undefined,
            undefined,
            manager,
            false,
            k8s2.PatchStrategy.ServerSideApply,
          );
        await patch('first', 'a');
        expect(await thrown(() => patch('second', 'b')), 'ApplyConflict', 409);
        expect(await thrown(() => makeApi(server().badToken).read(configMap(name('errors')))), 'Unauthorized', 401);
      });

      it('updateWithRetry and mergePatchWithRetry through fromKubernetesObjectApi: five writers end at 106', async () => {
        for (const [helper, update] of [
          ['updateWithRetry', updateWithRetry],
          ['mergePatchWithRetry', mergePatchWithRetry],
        ] as const) {
          const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: name(helper.toLowerCase()) };
          await api().create(configMap(ref.name));
          const client = fromKubernetesObjectApi(api());
          const increment = (object: KubeObject): KubeObject => ({
            ...object,
            metadata: { ...object.metadata, labels: { [label]: String(Number(object.metadata?.labels?.[label]) + 1) } },
          });
          await Promise.all(Array.from({ length: 5 }, () => update(client, ref, increment)));
          assert.equal((await client.read(ref)).metadata?.labels?.[label], '106', helper);
        }
      });
    });
  }
}

describe(`client-node 1.x and 2.x on the embedded server, Node ${process.version}`, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());
  cases(
    () => ({ kubeconfig: server.kubeConfig.exportConfig(), badToken: badTokenConfig(server.url, server.caPem ?? '') }),
    'embedded',
  );
});

describe(`client-node 1.x and 2.x on kube-apiserver, Node ${process.version}`, apiServerSuite(), () => {
  let server: Awaited<ReturnType<typeof startApiServer>>;
  before(async () => {
    server = await startApiServer();
  });
  after(() => server.stop());
  cases(
    () => ({ kubeconfig: server.kubeConfig.exportConfig(), badToken: badTokenConfig(server.url, server.caPem) }),
    'apiserver',
  );
});

/** A kubeconfig for the server with an unknown bearer token and no client certificate. */
function badTokenConfig(url: string, caPem: string): string {
  const kubeConfig = new k8s2.KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: url, caData: Buffer.from(caPem).toString('base64') }],
    users: [{ name: 'u', token: 'not-the-token' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kubeConfig.exportConfig();
}
