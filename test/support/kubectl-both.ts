// The kubectl built from Go modules, run with the same arguments against a real
// kube-apiserver and against the embedded server, with what legitimately differs between
// two servers (uids, times, resourceVersions, ages, managedFields order) normalized.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findAssets } from '../../src/testing/index.ts';
import { normalizeBody } from './normalize.ts';

const run = promisify(execFile);

/** A server as kubectl reaches it: its kubeconfig, and a discovery cache of its own. */
export interface KubectlTarget {
  readonly kubeconfig: string;
  readonly cacheDir: string;
}

export interface KubectlOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function kubectl(target: KubectlTarget, args: readonly string[]): Promise<KubectlOutcome> {
  try {
    const { stdout, stderr } = await run(
      findAssets().kubectl,
      [`--kubeconfig=${target.kubeconfig}`, `--cache-dir=${target.cacheDir}`, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** kubectl's output without what differs between two servers: uids, times, versions, ages. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>')
    .replace(/(resourceVersion\W+)\d+/g, '$1<rv>')
    .replace(/(?<=\s)(\d+[smhdy]){1,2}(?=\s|$)/gm, '<age>')
    .replace(/[ \t]+/g, ' ');
}

/** An object read back, without uid, resourceVersion, times; managedFields sorted by operation and manager. */
export function normalizeObject(object: unknown): Record<string, unknown> {
  const normalized = normalizeBody(object) as { metadata?: Record<string, unknown>; [key: string]: unknown };
  const metadata = normalized.metadata ?? {};
  if (Array.isArray(metadata.managedFields)) {
    const key = (entry: { manager?: string; operation?: string; subresource?: string }) =>
      `${entry.operation ?? ''}/${entry.manager ?? ''}/${entry.subresource ?? ''}`;
    metadata.managedFields = (metadata.managedFields as { manager?: string; operation?: string }[]).sort((a, b) =>
      key(a).localeCompare(key(b)),
    );
  }
  return normalized;
}

/** Runs `args` against both servers: exit status, stdout and stderr must agree. */
export async function sameOutcome(
  real: KubectlTarget,
  embedded: KubectlTarget,
  args: readonly string[],
): Promise<KubectlOutcome> {
  const [expected, actual] = await Promise.all([kubectl(real, args), kubectl(embedded, args)]);
  const shown = `kubectl ${args.join(' ')}`;
  assert.equal(actual.code, expected.code, `${shown}: exit status\n${actual.stderr}`);
  assert.equal(normalizeOutput(actual.stdout), normalizeOutput(expected.stdout), `${shown}: stdout`);
  assert.equal(normalizeOutput(actual.stderr), normalizeOutput(expected.stderr), `${shown}: stderr`);
  return actual;
}

/** `kubectl get <args> -o json --show-managed-fields` on both servers: the objects must agree. */
export async function sameJson(
  real: KubectlTarget,
  embedded: KubectlTarget,
  args: readonly string[],
): Promise<Record<string, unknown>> {
  const command = ['get', ...args, '-o', 'json', '--show-managed-fields'];
  const [expected, actual] = await Promise.all([kubectl(real, command), kubectl(embedded, command)]);
  assert.equal(expected.code, 0, expected.stderr);
  assert.equal(actual.code, 0, actual.stderr);
  const object = normalizeObject(JSON.parse(actual.stdout));
  assert.deepEqual(object, normalizeObject(JSON.parse(expected.stdout)), `kubectl ${command.join(' ')}`);
  return object;
}
