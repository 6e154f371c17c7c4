// The kubectl built from Go modules (v1.36.3) against the embedded server, through the
// kubeconfig `kubeconflict serve` writes: the operations users run in their tests.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findAssets } from '../../src/testing/index.ts';
import { apiServerSuite } from '../support/api-server-suite.ts';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

describe('kubectl against `kubeconflict serve`', apiServerSuite(), () => {
  let directory: string;
  let kubeconfig: string;
  let serve: ReturnType<typeof spawn>;
  const kubectl = async (...args: string[]) => {
    const { stdout } = await run(findAssets().kubectl, [
      `--kubeconfig=${kubeconfig}`,
      `--cache-dir=${join(directory, 'cache')}`,
      ...args,
    ]);
    return stdout;
  };

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'kubeconflict-serve-'));
    kubeconfig = join(directory, 'kubeconfig');
    serve = spawn(process.execPath, [cli, 'serve', '--kubeconfig-out', kubeconfig], {
      env: programEnv(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: serve.stdout! });
    for await (const line of lines) if (line.startsWith('Ctrl-C')) break;
  });
  after(async () => {
    serve.kill('SIGINT');
    await once(serve, 'exit');
    rmSync(directory, { recursive: true, force: true });
  });

  it('kubectl version reads the server version', async () => {
    const versions = JSON.parse(await kubectl('version', '-o', 'json')) as { serverVersion?: { gitVersion: string } };
    assert.equal(versions.serverVersion?.gitVersion, 'v1.36.3');
  });

  // Through `kubectl apply`: `kubectl create deployment` sends protobuf, which the embedded server refuses.
  it('apply, get, label, annotate, patch and delete a Deployment', async () => {
    const manifest = join(directory, 'web.json');
    const labels = { app: 'web' };
    writeFileSync(
      manifest,
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default', labels },
        spec: {
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.12' }] } },
        },
      }),
    );
    await kubectl('apply', '-f', manifest);
    const created = JSON.parse(await kubectl('get', 'deployment', 'web', '-n', 'default', '-o', 'json')) as {
      spec: { strategy: { type: string } };
    };
    assert.equal(created.spec.strategy.type, 'RollingUpdate');
    await kubectl('label', '--overwrite', '-n', 'default', 'deployment/web', 'biz-version=101');
    await kubectl('annotate', '-n', 'default', 'deployment/web', 'note=hello');
    await kubectl('patch', '-n', 'default', 'deployment/web', '--type=merge', '-p', '{"spec":{"replicas":2}}');
    const patched = JSON.parse(await kubectl('get', 'deployment', 'web', '-n', 'default', '-o', 'json')) as {
      metadata: { labels: Record<string, string>; annotations: Record<string, string>; generation: number };
      spec: { replicas: number };
    };
    assert.equal(patched.metadata.labels['biz-version'], '101');
    assert.equal(patched.metadata.annotations.note, 'hello');
    assert.equal(patched.spec.replicas, 2);
    assert.equal(patched.metadata.generation, 3, 'annotation and replicas each raised generation');
    assert.match(await kubectl('get', 'deployments', '-n', 'default'), /web/);
    await kubectl('delete', '-n', 'default', 'deployment/web');
    await assert.rejects(kubectl('get', 'deployment', 'web', '-n', 'default'), /NotFound|not found/);
  });

  it('apply, client-side and server-side', async () => {
    const manifest = join(directory, 'cm.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'applied', namespace: 'default' },
        data: { a: '1' },
      }),
    );
    await kubectl('apply', '-f', manifest);
    writeFileSync(
      manifest,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'applied', namespace: 'default' },
        data: { a: '2' },
      }),
    );
    await kubectl('apply', '-f', manifest);
    const applied = JSON.parse(await kubectl('get', 'configmap', 'applied', '-n', 'default', '-o', 'json')) as {
      data: Record<string, string>;
    };
    assert.equal(applied.data.a, '2');
    writeFileSync(
      manifest,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'ssa', namespace: 'default' },
        data: { b: '1' },
      }),
    );
    await kubectl('apply', '--server-side', '-f', manifest);
    const ssa = JSON.parse(
      await kubectl('get', 'configmap', 'ssa', '-n', 'default', '-o', 'json', '--show-managed-fields'),
    ) as {
      data: Record<string, string>;
      metadata: { managedFields: { manager: string; operation: string }[] };
    };
    assert.equal(ssa.data.b, '1');
    assert.ok(ssa.metadata.managedFields.some((entry) => entry.manager === 'kubectl' && entry.operation === 'Apply'));
  });
});
