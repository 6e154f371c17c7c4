// kubeconflict lab against the real kube-apiserver, and its Job manifest validated there.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { LabResult } from '../../src/report/lab-result.ts';
import { type RunningApiServer, startApiServer } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { send } from '../support/raw-http.ts';
import { runLab } from '../support/run-cli.ts';

describe('kubeconflict lab on the real kube-apiserver', apiServerSuite(), () => {
  let server: RunningApiServer;
  before(async () => {
    server = await startApiServer();
  });
  after(() => server.stop());

  it('naive and blind end below 106, every retrying strategy at 106; the object is gone afterwards', async () => {
    const { status, out, err } = await runLab('--kubeconfig', server.kubeconfigPath, '--json', '--seed', '3');
    assert.equal(status, 0, err);
    const result = JSON.parse(out) as LabResult;
    assert.equal(result.target.kind, 'kubeconfig');
    const measures = Object.fromEntries(result.strategies.map((run) => [run.strategy, run.measures]));
    assert.ok(measures.naive && measures.naive.final < 106);
    assert.equal(measures.naive.failed, measures.naive.missing);
    assert.ok(measures.blind && measures.blind.final < 106);
    assert.equal(measures.blind.succeeded, 5);
    assert.equal(measures.blind.lostUpdates, measures.blind.missing);
    assert.equal(measures.retry?.final, 106);
    assert.equal(result.correct, true, 'every strategy that promises correctness ended at 106');
    const left = await send(server.url, server.tls, {
      method: 'GET',
      path: '/apis/apps/v1/namespaces/default/deployments/demo-deployment',
    });
    assert.equal(left.status, 404);
  });

  it('--target apiserver starts a kube-apiserver of its own for the run', async () => {
    const { status, out } = await runLab('--target', 'apiserver', '--strategy', 'retry', '--json');
    assert.equal(status, 0);
    const result = JSON.parse(out) as LabResult;
    assert.equal(result.target.kind, 'apiserver');
    assert.equal(result.strategies[0]?.measures.final, 106);
  });

  it('--emit-job prints manifests the server accepts (server-side dry run)', async () => {
    const { status, out } = await runLab('--emit-job', '--workers', '20', '--processes', '4');
    assert.equal(status, 0);
    const documents = parseAllDocuments(out).map((d) => d.toJSON() as { apiVersion: string; kind: string });
    assert.deepEqual(
      documents.map((d) => d.kind),
      ['ServiceAccount', 'Role', 'RoleBinding', 'Job'],
    );
    const plural: Record<string, string> = {
      ServiceAccount: '/api/v1/namespaces/default/serviceaccounts',
      Role: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles',
      RoleBinding: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings',
      Job: '/apis/batch/v1/namespaces/default/jobs',
    };
    for (const document of documents) {
      const answer = await send(server.url, server.tls, {
        method: 'POST',
        path: `${plural[document.kind] ?? ''}?dryRun=All&fieldValidation=Strict`,
        body: document,
      });
      assert.equal(answer.status, 201, `${document.kind}: ${answer.text}`);
    }
  });
});
