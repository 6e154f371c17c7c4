// The same kubectl command against kube-apiserver and against the embedded server,
// side by side: exit status, output and the objects it leaves must agree.
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { normalizeKubectlOutput, normalizeReadBack } from './kubectl-normalize.ts';
import { type KubectlOutcome, type KubectlTarget, runKubectl } from './kubectl-run.ts';

/** A real kube-apiserver and the embedded server, as kubectl reaches them. */
export interface KubectlPair {
  readonly real: KubectlTarget;
  readonly embedded: KubectlTarget;
}

/** Runs `args` against both servers; exit status and normalised output must be the same. */
export async function sameOnBoth(
  pair: KubectlPair,
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<KubectlOutcome> {
  const [expected, actual] = await Promise.all([
    runKubectl(pair.real, args, env),
    runKubectl(pair.embedded, args, env),
  ]);
  const shown = `kubectl ${args.join(' ')}`;
  assert.equal(actual.code, expected.code, `${shown}: exit status\n${actual.stderr}`);
  assert.equal(normalizeKubectlOutput(actual.stdout), normalizeKubectlOutput(expected.stdout), `${shown}: stdout`);
  assert.equal(normalizeKubectlOutput(actual.stderr), normalizeKubectlOutput(expected.stderr), `${shown}: stderr`);
  return actual;
}

/** The object as `kubectl get -o json|yaml` shows it on both servers, which must agree. */
export async function sameObjectOnBoth(
  pair: KubectlPair,
  format: 'json' | 'yaml',
  resource: readonly string[],
): Promise<Record<string, unknown>> {
  const args = ['get', ...resource, '-o', format, '--show-managed-fields'];
  const [expected, actual] = await Promise.all([runKubectl(pair.real, args), runKubectl(pair.embedded, args)]);
  assert.equal(expected.code, 0, expected.stderr);
  assert.equal(actual.code, 0, actual.stderr);
  const parse = (text: string) => normalizeReadBack(format === 'json' ? JSON.parse(text) : parseYaml(text));
  const object = parse(actual.stdout);
  assert.deepEqual(object, parse(expected.stdout), `kubectl ${args.join(' ')}`);
  return object;
}
