// `import 'kubeconflict'` loads the library and nothing else: no package from node_modules
// (client-node is the user's, yaml and protobufjs are the test server's) and nothing of
// src/testing. A child Node records every module the import resolves.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { programEnv } from '../test/support/program-env.ts';

const run = promisify(execFile);

async function modulesLoadedBy(entry: URL): Promise<string[]> {
  const script = `
    const { registerHooks } = await import('node:module');
    const urls = [];
    registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); urls.push(r.url); return r; } });
    await import(${JSON.stringify(entry.href)});
    console.log(JSON.stringify(urls));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: programEnv() });
  return JSON.parse(stdout) as string[];
}

describe("import 'kubeconflict'", () => {
  it('loads only the library: no package from node_modules, nothing of src/testing', async () => {
    const urls = await modulesLoadedBy(new URL('index.ts', import.meta.url));
    assert.ok(
      urls.some((url) => url.endsWith('/src/core/index.ts')),
      `the hook saw the library load: ${urls.join(' ')}`,
    );
    const heavy = urls.filter((url) => url.includes('/node_modules/') || url.includes('/src/testing/'));
    assert.deepEqual(heavy, [], 'the library entry must not load these (load them lazily where they are needed)');
  });

  it('kubeconflict/testing loads yaml and protobufjs only when a body needs them', async () => {
    const urls = await modulesLoadedBy(new URL('testing/index.ts', import.meta.url));
    assert.ok(urls.some((url) => url.includes('/src/testing/server/')));
    assert.deepEqual(
      urls.filter((url) => /\/node_modules\/(yaml|protobufjs)\//.test(url)),
      [],
    );
  });
});
