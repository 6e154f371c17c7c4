// On a Node.js older than package.json's `engines` (Node 20, Debian's default), the CLI and
// the library stop with one line naming the Node needed and the one found, not with an
// error from deep inside a dependency. Node 20 comes from the npm registry's `node`
// package, cached by version (scripts/node-version.sh); it runs the built dist, which
// `npm test` builds before the suites (Node 20 cannot run TypeScript).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { programEnv } from '../support/program-env.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const node20Version = '20.19.2';

/** Runs `node20 args`; resolves to its exit code and output whether or not it failed. */
async function node20Run(node20: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(node20, args, { cwd: root, env: programEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe(`on Node ${node20Version}`, { timeout: 180_000 }, () => {
  let node20: string;
  const expected = `kubeconflict needs Node.js >= 22.19; this is v${node20Version}`;

  before(async () => {
    assert.ok(existsSync(`${root}/dist/cli/main.js`), 'dist is built (npm run build)');
    const { stdout } = await run('bash', ['scripts/node-version.sh', node20Version], { cwd: root });
    node20 = stdout.trim();
  });

  it('the CLI exits 1 with one line saying which Node it needs', async () => {
    for (const args of [['serve'], ['lab'], ['--help']]) {
      const result = await node20Run(node20, ['dist/cli/main.js', ...args]);
      assert.deepEqual(result, { code: 1, stdout: '', stderr: `${expected}\n` }, args.join(' '));
    }
  });

  it("import 'kubeconflict' and 'kubeconflict/testing' reject with that line", async () => {
    for (const entry of ['dist/index.js', 'dist/testing/index.js']) {
      const script = `import(${JSON.stringify(`./${entry}`)}).then(
        () => console.log('loaded'),
        (error) => console.log(error.message))`;
      const result = await node20Run(node20, ['-e', script]);
      assert.deepEqual(result, { code: 0, stdout: `${expected}\n`, stderr: '' }, entry);
    }
  });
});
