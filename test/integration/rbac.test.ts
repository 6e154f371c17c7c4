// An RBAC 403 from the real kube-apiserver: the update helpers and the lab report who may
// not do what, and send the refused write exactly once, since no retry can earn a permission.
// (The embedded server's 403 without a token and 401 with a wrong one are covered in
// src/testing/server/start-test-server.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  classify,
  DefaultRetry,
  jsonPatchWithRetry,
  KubeApiError,
  type KubeObject,
  kubeObjectClient,
  type KubeObjectClient,
  mergePatchWithRetry,
  type PatchingObjectClient,
  retryOnConflict,
  updateWithRetry,
} from '../../src/index.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { demoDeployment } from '../support/demo-deployment.ts';
import { createLimitedIdentity, type LimitedIdentity } from '../support/limited-identity.ts';
import { countingClient, recordSentRequests, type SentRequest } from '../support/request-counting.ts';
import { runLab } from '../support/run-cli.ts';

const namespace = 'rbac-limited';
const label = 'biz-version';
const guarded = { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'guarded' };
const deployments = `/apis/apps/v1/namespaces/${namespace}/deployments`;

/** The writes among `sent` that went to the deployment `name` (or to the collection, for a create). */
const writesTo = (sent: readonly SentRequest[], name: string) =>
  sent
    .filter(({ method }) => method !== 'GET' && method !== 'DELETE')
    .filter(({ method, path }) => path.split('?')[0] === (method === 'POST' ? deployments : `${deployments}/${name}`))
    .map(({ method }) => method);

const plusOne = (deployment: KubeObject): KubeObject => {
  const labels = deployment.metadata?.labels ?? {};
  return {
    ...deployment,
    metadata: { ...deployment.metadata, labels: { ...labels, [label]: String(Number(labels[label]) + 1) } },
  };
};

describe('RBAC 403 Forbidden on the real kube-apiserver: reported clearly, never retried', apiServerSuite(), () => {
  let server: RunningApiServer;
  let admin: KubeObjectClient;
  let reader: LimitedIdentity;
  let readerClient: KubeObjectClient;
  before(async () => {
    server = await startApiServer();
    admin = kubeObjectClient(server.kubeConfig);
    await admin.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    const { spec } = demoDeployment(guarded.name, label, 101);
    await admin.create({ ...guarded, metadata: { name: guarded.name, namespace, labels: { [label]: '101' } }, spec });
    reader = await createLimitedIdentity(server, admin, { namespace, name: 'reader', verbs: ['get', 'list', 'watch'] });
    readerClient = kubeObjectClient(reader.kubeConfig);
  });
  after(async () => {
    readerClient.transport.close();
    admin.transport.close();
    await server.stop();
  });

  /**
   * Runs `write` as the get-only reader through a counting client: it must reject with a
   * 403 naming the verb, the resource and the user, after one read and exactly one write
   * (one on the wire too), and leave the object as it was.
   */
  async function assertRefusedOnce(
    verb: 'update' | 'patch',
    write: (client: PatchingObjectClient) => Promise<unknown>,
  ) {
    const before = await admin.read(guarded);
    const client = countingClient(readerClient);
    const recording = recordSentRequests();
    const error = await write(client).then(
      () => assert.fail('the reader was allowed to write'),
      (thrown: unknown) => thrown,
    );
    recording.stop();

    assert.equal(classify(error), 'Forbidden');
    const apiError = KubeApiError.from(error);
    assert.ok(apiError, 'a KubeApiError is found in what was thrown');
    assert.equal(apiError.code, 403);
    assert.equal(
      apiError.message,
      `403 Forbidden on ${verb} deployments.apps ${namespace}/guarded: deployments.apps "guarded" is forbidden: ` +
        `User "${reader.username}" cannot ${verb} resource "deployments" in API group "apps" in the namespace "${namespace}"`,
    );
    const { read, replace, patch, create } = client.calls;
    assert.deepEqual({ read, writes: replace + patch + create }, { read: 1, writes: 1 }, 'one read, one write');
    assert.deepEqual(writesTo(recording.sent, guarded.name), [verb === 'update' ? 'PUT' : 'PATCH']);

    const after = await admin.read(guarded);
    assert.equal(after.metadata?.resourceVersion, before.metadata?.resourceVersion);
    assert.equal(after.metadata?.labels?.[label], before.metadata?.labels?.[label]);
  }

  it('updateWithRetry: one PUT, refused', () =>
    assertRefusedOnce('update', (client) => updateWithRetry(client, guarded, plusOne)));

  it('mergePatchWithRetry: one PATCH, refused', () =>
    assertRefusedOnce('patch', (client) => mergePatchWithRetry(client, guarded, plusOne)));

  it('jsonPatchWithRetry: one PATCH, refused', () =>
    assertRefusedOnce('patch', (client) => jsonPatchWithRetry(client, guarded, plusOne)));

  it('retryOnConflict around a read and a replace: one PUT, refused', () =>
    assertRefusedOnce('update', (client) =>
      retryOnConflict(DefaultRetry, async () => client.replace(plusOne(await client.read(guarded)))),
    ));

  /** Runs the lab as `user`, recording the requests it sends; checks no output shows the token. */
  async function labAs(user: LimitedIdentity, ...args: string[]) {
    const recording = recordSentRequests();
    const flags = ['--kubeconfig', user.kubeconfigPath, '-n', namespace, '--workers', '3'];
    const result = await runLab(...flags, '--strategy', 'backoff', '--strategy', 'merge-patch', ...args).finally(() => {
      recording.stop();
    });
    assert.ok(!(result.out + result.err).includes(user.token), 'the token appears in the output');
    return { ...result, sent: recording.sent };
  }

  it('kubeconflict lab as the get-only user: its create is refused once, with who cannot create what', async () => {
    const { status, out, err, sent } = await labAs(reader);
    assert.equal(status, 1);
    assert.equal(out, '');
    // One line: the error is reported once, not once per attempt.
    assert.equal(
      err,
      `kubeconflict lab: could not create deployment ${namespace}/demo-deployment: ` +
        `403 Forbidden on create deployments.apps ${namespace}/demo-deployment: deployments.apps is forbidden: ` +
        `User "${reader.username}" cannot create resource "deployments" in API group "apps" in the namespace "${namespace}"`,
    );
    assert.deepEqual(writesTo(sent, 'demo-deployment'), ['POST']);
  });

  it('kubeconflict lab as a user who may update but not patch: each merge-patch worker sends one PATCH', async () => {
    const name = 'patchless';
    const verbs = ['get', 'list', 'watch', 'create', 'update', 'delete'];
    const patchless = await createLimitedIdentity(server, admin, { namespace, name, verbs });
    const { status, out, err, sent } = await labAs(patchless, '--name', 'lab-object');
    assert.equal(status, 1);
    assert.equal(out, '');
    // backoff (PUT) succeeds; merge-patch's refusal ends the run, named with the verb that was refused.
    assert.equal(
      err,
      `kubeconflict lab: strategy merge-patch: 403 Forbidden on patch deployments.apps ${namespace}/lab-object: ` +
        `deployments.apps "lab-object" is forbidden: ` +
        `User "${patchless.username}" cannot patch resource "deployments" in API group "apps" in the namespace "${namespace}"`,
    );
    const patches = writesTo(sent, 'lab-object').filter((method) => method === 'PATCH');
    assert.equal(patches.length, 3, 'one PATCH per worker, none sent again');
    await assert.rejects(admin.read({ ...guarded, name: 'lab-object' }), (error) => classify(error) === 'NotFound');
  });
});
