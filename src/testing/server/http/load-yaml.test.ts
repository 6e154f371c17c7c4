// Without the optional yaml package the embedded server still serves every JSON body, and
// answers a body that only YAML can read with a 415 that says how to add the package. A
// child Node whose resolver cannot find `yaml` stands for a project that did not install it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { programEnv } from '../../../../test/support/program-env.ts';
import { yamlMissingMessage } from './load-yaml.ts';

const run = promisify(execFile);

/** Answers of the embedded server, started in a child where `yaml` is not installed, to two apply patches. */
async function answersWithoutYaml(): Promise<{
  json: number;
  yaml: { status: number; body: Record<string, unknown> };
}> {
  const server = new URL('../start-test-server.ts', import.meta.url).href;
  const script = `
    const { registerHooks } = await import('node:module');
    registerHooks({
      resolve(specifier, context, next) {
        if (specifier === 'yaml') throw Object.assign(new Error("Cannot find module 'yaml'"), { code: 'MODULE_NOT_FOUND' });
        return next(specifier, context);
      },
    });
    const { startTestServer } = await import(${JSON.stringify(server)});
    const server = await startTestServer({ tls: false });
    const apply = (body) => fetch(server.url + '/api/v1/namespaces/default/configmaps/c?fieldManager=test', {
      method: 'PATCH',
      headers: { authorization: 'Bearer ' + server.token, 'content-type': 'application/apply-patch+yaml' },
      body,
    });
    const json = await apply(JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }));
    const yaml = await apply('apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: c\\ndata:\\n  a: "2"\\n');
    console.log(JSON.stringify({ json: json.status, yaml: { status: yaml.status, body: await yaml.json() } }));
    await server.stop();`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: programEnv() });
  return JSON.parse(stdout) as Awaited<ReturnType<typeof answersWithoutYaml>>;
}

describe('the embedded server without the yaml package', () => {
  it('applies a JSON body, and answers a YAML-only body with 415 naming the package to install', async () => {
    const answers = await answersWithoutYaml();
    assert.equal(answers.json, 201);
    assert.equal(answers.yaml.status, 415);
    assert.deepEqual(answers.yaml.body, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: yamlMissingMessage,
      reason: 'UnsupportedMediaType',
      code: 415,
    });
  });
});
