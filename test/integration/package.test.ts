// The package as users get it: `npm pack`, installed from the tarball into an empty
// project (dependencies from the registry), then its CLI and its library used from there.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

interface PackedFile {
  readonly path: string;
  readonly size: number;
}
interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly PackedFile[];
}

describe('the npm package, installed from its tarball into an empty project', { timeout: 300_000 }, () => {
  let directory: string;
  let packed: Packed;
  let project: string;
  // The user's PATH, with Node 24 first: the package needs Node >= 22.19, which this
  // machine gets from the npm `node` package, as a user with an old system Node would.
  const env = () => programEnv({ PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` });

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'kubeconflict-package-'));
    // dist is built by `npm test` before the suites; `prepare` (which rebuilds it) must not
    // run here, since suites running beside this one load dist.
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', directory], {
      cwd: root,
      env: env(),
      maxBuffer: 64 * 1024 * 1024,
    });
    packed = (JSON.parse(stdout) as Packed[])[0] as Packed;
    project = join(directory, 'project');
    await run('mkdir', [project]);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--no-audit', '--no-fund', join(directory, packed.filename)], {
      cwd: project,
      env: env(),
    });
  });
  after(() => rm(directory, { recursive: true, force: true }));

  it('holds built files, types, docs and nothing else; its size is reported', (t) => {
    const paths = packed.files.map((file) => file.path);
    const allowed =
      /^(dist\/.+\.(js|d\.ts|js\.map|d\.ts\.map)|docs\/.+\.md|README\.md|LICENSE|package\.json|tools\/(apiserver|etcd)\/(build\.sh|go\.mod|go\.sum|tools\.go))$/;
    assert.deepEqual(
      paths.filter((path) => !allowed.test(path)),
      [],
      'only dist, docs, README, LICENSE, package.json and the Go files that build kube-apiserver',
    );
    assert.deepEqual(
      paths.filter((path) => /\.test\.|\/test\/|fixtures|vectors/.test(path)),
      [],
      'no tests or test data',
    );
    assert.ok(
      paths.includes('dist/index.d.ts') && paths.includes('dist/testing/index.d.ts'),
      'types of both entry points',
    );
    assert.ok(paths.includes('dist/cli/main.js'), 'the CLI');
    const largest = [...packed.files].sort((a, b) => b.size - a.size)[0];
    assert.ok(largest && largest.size < 512 * 1024, `no binaries: the largest file is ${largest?.path ?? '?'}`);
    t.diagnostic(
      `tarball ${(packed.size / 1024).toFixed(0)} KiB, unpacked ${(packed.unpackedSize / 1024).toFixed(0)} KiB, ${String(paths.length)} files`,
    );
  });

  it('npx kubeconflict runs in the checkout too, after npm test rebuilt dist', async () => {
    // npm links the bin when it installs; a later build must keep the file executable.
    const { stdout } = await run('npx', ['--no-install', 'kubeconflict', '--help'], { cwd: root, env: env() });
    assert.match(stdout, /Usage: kubeconflict <command>/);
  });

  it('npx kubeconflict lab runs from the installed package', async () => {
    const { stdout } = await run('npx', ['--no-install', 'kubeconflict', 'lab', '--strategy', 'retry', '--json'], {
      cwd: project,
      env: env(),
    });
    const result = JSON.parse(stdout) as { correct: boolean; strategies: { measures: { final: number } }[] };
    assert.equal(result.correct, true);
    assert.equal(result.strategies[0]?.measures.final, 106);
  });

  it('a user script imports the library and its test server by the package name', async () => {
    const script = join(project, 'example.mjs');
    await writeFile(
      script,
      `import { kubeObjectClient, updateWithRetry } from 'kubeconflict';
import { startTestServer } from 'kubeconflict/testing';

const server = await startTestServer();
const client = kubeObjectClient(server.kubeConfig);
const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'counter' };
await client.create({ ...ref, metadata: { name: 'counter', namespace: 'default' }, data: { n: '101' } });
await Promise.all(Array.from({ length: 5 }, () =>
  updateWithRetry(client, ref, (o) => ({ ...o, data: { n: String(Number(o.data.n) + 1) } }))));
console.log((await client.read(ref)).data.n);
client.transport.close();
await server.stop();
`,
    );
    const { stdout } = await run(process.execPath, [script], { cwd: project, env: env() });
    assert.equal(stdout, '106\n');
    const installed = JSON.parse(await readFile(join(project, 'node_modules/kubeconflict/package.json'), 'utf8')) as {
      version: string;
    };
    const own = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, own.version);
  });

  it('a project on client-node 1.x keeps its one copy: the peer dependency is deduped, not installed again', async () => {
    const onOne = join(directory, 'on-client-node-1');
    await run('mkdir', [onOne]);
    await writeFile(join(onOne, 'package.json'), JSON.stringify({ name: 'on-one', private: true, type: 'module' }));
    const install = (what: string) =>
      run('npm', ['install', '--no-audit', '--no-fund', what], { cwd: onOne, env: env() });
    await install('@kubernetes/client-node@^1.4.0');
    await install(join(directory, packed.filename));
    const { stdout } = await run('npm', ['query', '[name="@kubernetes/client-node"]'], { cwd: onOne, env: env() });
    const copies = (JSON.parse(stdout) as { version: string; location: string }[]).map(
      (p) => `${p.location}@${p.version}`,
    );
    assert.equal(copies.length, 1, copies.join(', '));
    assert.match(copies[0] ?? '', /^node_modules\/@kubernetes\/client-node@1\./);
  });

  it('kubeconflict build-apiserver runs the shipped build outside the source tree', async () => {
    // The cache is filled by \`npm test\` before the suites, so this finds the binaries at once.
    const { stdout, stderr } = await run('npx', ['--no-install', 'kubeconflict', 'build-apiserver'], {
      cwd: project,
      env: env(),
    });
    assert.match(stdout, /kubeconflict\/apiserver\/kubernetes-v1\.36\.3-etcd-v3\.6\.16\n$/);
    assert.match(stderr, /apiserver-build: kube-apiserver: cached at /);
  });
});
