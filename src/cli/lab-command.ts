import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dnsSubdomainErrors, labelKeyErrors } from '../core/names.ts';
import type { LabObjectRef } from '../lab/lab-object.ts';
import { runLab } from '../lab/run-lab.ts';
import { strategies, strategyNamed } from '../lab/strategies.ts';
import { htmlReport } from '../report/html-report.ts';
import type { LabResult } from '../report/lab-result.ts';
import { textReport } from '../report/text-report.ts';
import { backoffFlagOptions, backoffFlagsHelp, backoffFromFlags } from './backoff-flags.ts';
import { jobManifest } from './lab-job.ts';
import { openTarget, type TargetKind } from './lab-target.ts';
import { progressBar } from './progress-bar.ts';
import { UsageError } from './usage-error.ts';

export const labHelp = `kubeconflict lab: reproduce and measure write contention on one Kubernetes object

Usage: kubeconflict lab [flags]

N workers each read the object, add one to an integer label, and write it back, all at
once, once per strategy. Prints expected and final values, lost updates, failed workers,
conflicts, attempts, latency and wall time for each strategy side by side.

Target (default: the embedded API server, nothing to set up):
  --target T           embedded | apiserver (a local kube-apiserver, see README) | cluster
  --kubeconfig FILE    a cluster by kubeconfig (KUBECONFIG is honoured); implies --target cluster
  --context NAME       the kubeconfig context to use; implies --target cluster
  -n, --namespace NS   namespace of the object (default: the context's, else default)

Scenario:
  --workers N          concurrent workers (default 5)
  --start N            the label's first value (default 101)
  --label KEY          the counter label (default biz-version)
  --name NAME          the object's name (default demo-deployment)
  --kind KIND          deployment | configmap (default deployment)
  --strategy S         ${strategies.map((s) => s.name).join(' | ')}; repeat for several (default: all)
  --processes P        spread workers over P OS processes (default 1)
  --seed N             replay the same jitter (default: random)
  --deadline MS        how long adaptive and queue keep trying (default 60000)
  --request-timeout MS a request with no answer for this long fails as a timeout
                       (default 30000; 2000 with --faults)

Faults (the embedded server only):
  --faults RATE        inject faults into that share of requests, 0 to 1 (0.1 = 10%),
                       seeded by --seed: latency, 500, 503, 429 with Retry-After,
                       resets before and after the write commits, held answers, slow bodies
  --exactly-once       every strategy but naive, blind, retry and apply records an operation
                       id on the object, so a write whose answer was lost is not applied twice
  --keep               do not delete the object at the end
  --reuse              count in an existing object; otherwise an existing one is an error

${backoffFlagsHelp}
  The backoff, merge-patch, json-patch and apply strategies use these flags (default
  preset high-contention); retry is always client-go's DefaultRetry.

Output:
  --json               the result as JSON on stdout (schema in docs/LAB.md) instead of the table
  --html FILE          also write a self-contained HTML report
  --emit-job           print a Kubernetes Job that runs the lab's workers in a cluster, and exit
  -h, --help           this help

Exit status: 0 when every strategy that promises correctness ended correct; 1 otherwise or
on failure; 2 for usage errors; 130 when interrupted (the object is deleted first).`;

interface Io {
  readonly out: (line: string) => void;
  readonly stderr: NodeJS.WriteStream;
}

export async function runLabCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...backoffFlagOptions,
      target: { type: 'string' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      namespace: { type: 'string', short: 'n' },
      workers: { type: 'string', default: '5' },
      start: { type: 'string', default: '101' },
      label: { type: 'string', default: 'biz-version' },
      name: { type: 'string', default: 'demo-deployment' },
      kind: { type: 'string', default: 'deployment' },
      strategy: { type: 'string', multiple: true },
      processes: { type: 'string', default: '1' },
      seed: { type: 'string' },
      deadline: { type: 'string', default: '60000' },
      'request-timeout': { type: 'string' },
      faults: { type: 'string' },
      'exactly-once': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      html: { type: 'string' },
      'emit-job': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(labHelp);
    return 0;
  }
  const workers = integerFlag('--workers', values.workers, 1, 100_000);
  const start = integerFlag(
    '--start',
    values.start,
    Number.MIN_SAFE_INTEGER + 100_000,
    Number.MAX_SAFE_INTEGER - 100_000,
  );
  const processes = integerFlag('--processes', values.processes, 1, 64);
  if (processes > workers)
    throw new UsageError(`--processes (${String(processes)}) cannot exceed --workers (${String(workers)})`);
  const seed =
    values.seed === undefined
      ? Math.floor(Math.random() * 2 ** 31)
      : integerFlag('--seed', values.seed, -(2 ** 31), 2 ** 31 - 1);
  const kind = values.kind;
  if (kind !== 'deployment' && kind !== 'configmap')
    throw new UsageError(`--kind must be deployment or configmap; got ${kind}`);
  const labelProblems = labelKeyErrors(values.label);
  if (labelProblems.length > 0)
    throw new UsageError(`--label ${JSON.stringify(values.label)} is not a label key: ${labelProblems.join('; ')}`);
  const nameProblems = dnsSubdomainErrors(values.name);
  if (nameProblems.length > 0)
    throw new UsageError(`--name ${JSON.stringify(values.name)} is not an object name: ${nameProblems.join('; ')}`);
  const chosen = (values.strategy ?? strategies.map((s) => s.name)).map((name) => {
    const strategy = strategyNamed(name);
    if (!strategy)
      throw new UsageError(`--strategy must be one of ${strategies.map((s) => s.name).join(', ')}; got ${name}`);
    return strategy;
  });
  const backoff = backoffFromFlags(values, 'high-contention');
  const deadlineMs = integerFlag('--deadline', values.deadline, 1, 3_600_000);
  const targetKind = targetOf(values.target, values.kubeconfig, values.context);
  const faultRate = values.faults === undefined ? undefined : rateFlag('--faults', values.faults);
  if (faultRate !== undefined && targetKind !== 'embedded') {
    throw new UsageError(
      `--faults injects faults in the embedded server; it cannot go with --target ${targetKind} (drop --faults, or the target flags)`,
    );
  }
  const requestTimeoutMs =
    values['request-timeout'] === undefined
      ? faultRate === undefined
        ? 30_000
        : 2_000
      : integerFlag('--request-timeout', values['request-timeout'], 1, 3_600_000);
  if (values['emit-job']) {
    io.out(
      jobManifest({
        workers,
        processes,
        name: values.name,
        namespace: values.namespace ?? 'default',
        kind,
        label: values.label,
        strategies: chosen.map((s) => s.name),
        seed,
      }),
    );
    return 0;
  }

  const controller = new AbortController();
  const onSignal = () => {
    controller.abort(new Error('interrupted'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const target = await openTarget(
    targetKind,
    values.kubeconfig,
    values.context,
    // A held answer outlasts the client's timeout, so that timeouts after a commit happen.
    faultRate === undefined ? undefined : { rate: faultRate, seed, holdMs: requestTimeoutMs + 1_000 },
  );
  const bar = progressBar(io.stderr);
  try {
    const ref: LabObjectRef = {
      kind,
      namespace: values.namespace ?? target.contextNamespace ?? 'default',
      name: values.name,
      label: values.label,
    };
    const startedAt = new Date().toISOString();
    const { serialBoundMs, runs } = await runLab({
      kubeConfig: target.kubeConfig,
      ref,
      workers,
      start,
      strategies: chosen,
      backoff,
      deadlineMs,
      exactlyOnce: values['exactly-once'],
      requestTimeoutMs,
      ...(target.faults && { faults: target.faults }),
      seed,
      processes,
      keep: values.keep,
      reuse: values.reuse,
      signal: controller.signal,
      onProgress: (progress) => {
        bar.update(progress);
      },
    });
    bar.finish();
    const result: LabResult = {
      schema: 'kubeconflict.lab/v1',
      startedAt,
      target: {
        kind: target.kind,
        server: target.server,
        ...(target.context !== undefined && { context: target.context }),
      },
      object: ref,
      workers,
      start: runs[0]?.measures.start ?? start,
      processes,
      seed,
      backoff: backoff.toJSON(),
      deadlineMs,
      requestTimeoutMs,
      exactlyOnce: values['exactly-once'],
      ...(faultRate !== undefined && { faults: { rate: faultRate } }),
      serialBoundMs,
      correct: runs.every((run) => !run.promisesCorrectness || run.correct),
      strategies: runs,
    };
    if (values.html !== undefined) writeFileSync(values.html, htmlReport(result));
    io.out(values.json ? JSON.stringify(result, null, 2) : textReport(result));
    return result.correct ? 0 : 1;
  } catch (error) {
    bar.finish();
    if (controller.signal.aborted) {
      io.stderr.write('kubeconflict lab: interrupted; the object was deleted\n');
      return 130;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await target.stop();
  }
}

function targetOf(target: string | undefined, kubeconfig: string | undefined, context: string | undefined): TargetKind {
  const byKubeconfig = kubeconfig !== undefined || context !== undefined;
  if (target === undefined) return byKubeconfig ? 'cluster' : 'embedded';
  if (target !== 'embedded' && target !== 'apiserver' && target !== 'cluster') {
    throw new UsageError(`--target must be embedded, apiserver or cluster; got ${target}`);
  }
  if (byKubeconfig && target !== 'cluster')
    throw new UsageError(`--kubeconfig and --context choose a cluster; they cannot go with --target ${target}`);
  return target;
}

function rateFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`${flag} must be a share of requests from 0 to 1 (0.1 is 10%); got ${JSON.stringify(text)}`);
  }
  return value;
}

function integerFlag(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `${flag} must be an integer from ${String(min)} to ${String(max)}; got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** Resolves when the process is asked to stop; for tests that drive the command. */
export const stopRequested = () => Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
