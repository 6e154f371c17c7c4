// The published types (dist/*.d.ts) against client-node 1.x and 2.x: a user's project
// resolves the peer `@kubernetes/client-node` to whichever major it installed, and both
// must type-check with kubeconflict's entry points. `npm test` builds dist first.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

// What a user writes with either major: its KubeConfig into the fast client and the
// transport, its KubernetesObjectApi through the adapter, the test server's KubeConfig back.
const consumer = `
import * as k8s from '@kubernetes/client-node';
import { fromKubernetesObjectApi, kubeObjectClient, KubeTransport, updateWithRetry } from 'kubeconflict';
import { startTestServer } from 'kubeconflict/testing';

const server = await startTestServer();
const kubeConfig: k8s.KubeConfig = server.kubeConfig;
const fast = kubeObjectClient(kubeConfig);
const viaTransport = kubeObjectClient(new KubeTransport(kubeConfig));
const adapted = fromKubernetesObjectApi(k8s.KubernetesObjectApi.makeApiClient(kubeConfig));
const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'c' };
await updateWithRetry(adapted, ref, (o) => o);
await updateWithRetry(fast, ref, (o) => o);
viaTransport.transport.close();
`;

async function typeCheck(directory: string, clientNode: string): Promise<{ errors: string[]; files: string[] }> {
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target: 'es2024',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      noEmit: true,
      types: ['node'],
      typeRoots: [join(root, 'node_modules/@types')],
      paths: {
        '@kubernetes/client-node': [join(root, 'node_modules', clientNode, 'dist/index.d.ts')],
        kubeconflict: [join(root, 'dist/index.d.ts')],
        'kubeconflict/testing': [join(root, 'dist/testing/index.d.ts')],
      },
    },
    files: ['consumer.ts'],
  };
  await writeFile(join(directory, 'tsconfig.json'), JSON.stringify(tsconfig));
  const output = await run(process.execPath, [tsc, '-p', directory, '--listFiles']).then(
    ({ stdout }) => stdout,
    (error: unknown) => (error as { stdout: string }).stdout,
  );
  const lines = output.split('\n').filter((line) => line !== '');
  // client-node's own declarations need @types/ws, which neither major installs; what is
  // checked here is kubeconflict's declarations and the user's code.
  const errors = lines.filter((line) => /error TS/.test(line) && !line.includes('node_modules'));
  return { errors, files: lines.filter((line) => !/error TS/.test(line)) };
}

describe("kubeconflict's types with either client-node major", { timeout: 120_000 }, () => {
  let directory: string;
  before(async () => {
    assert.ok(existsSync(join(root, 'dist/index.d.ts')), 'dist is built (npm run build)');
    directory = await mkdtemp(join(tmpdir(), 'kubeconflict-types-'));
    await writeFile(join(directory, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(join(directory, 'consumer.ts'), consumer);
  });
  after(() => rm(directory, { recursive: true, force: true }));

  for (const [major, clientNode, other] of [
    ['1.x', 'client-node-1', '@kubernetes/client-node'],
    ['2.x', '@kubernetes/client-node', 'client-node-1'],
  ] as const) {
    it(`type-checks a user's code against client-node ${major}`, async () => {
      const { errors, files } = await typeCheck(directory, clientNode);
      assert.deepEqual(errors, []);
      assert.ok(
        files.some((file) => file.includes(`/${clientNode}/dist/index.d.ts`)),
        `${clientNode} was used`,
      );
      assert.ok(!files.some((file) => file.includes(`/${other}/dist/index.d.ts`)), `${other} was not`);
    });
  }
});
