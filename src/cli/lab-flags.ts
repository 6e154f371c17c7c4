// The lab's flags, declared once, and the pure step from them to the lab's settings:
// nothing starts here, so every usage error is found before anything runs.
import type { Backoff } from '../core/backoff.ts';
import type { LabObjectRef } from '../lab/lab-object.ts';
import { type LabStrategy, strategies } from '../lab/strategies.ts';
import { backoffFlagNames, backoffFlags, backoffFromFlags, backoffSectionTitle } from './backoff-flags.ts';
import { seedFlag } from './common-flags.ts';
import {
  anyText,
  durationMs,
  integerFrom,
  labelKey,
  namedItem,
  objectName,
  oneOf,
  randomSeed,
  requestShare,
} from './flag-values.ts';
import {
  commandHelp,
  type CommandSpec,
  type FlagValues,
  listFlag,
  parseCommand,
  switchFlag,
  valueFlag,
} from './flags.ts';
import type { TargetKind } from './lab-target.ts';
import { UsageError } from './usage-error.ts';

const maxWorkers = 100_000;

const flags = {
  target: valueFlag({
    placeholder: 'T',
    help: 'embedded | apiserver (a local kube-apiserver, see README) | cluster',
    check: oneOf(['embedded', 'apiserver', 'cluster']),
  }),
  kubeconfig: valueFlag({
    placeholder: 'FILE',
    help: 'a cluster by kubeconfig (KUBECONFIG is honoured); implies --target cluster',
    check: anyText,
  }),
  context: valueFlag({
    placeholder: 'NAME',
    help: 'the kubeconfig context to use; implies --target cluster',
    check: anyText,
  }),
  namespace: valueFlag({
    placeholder: 'NS',
    short: 'n',
    help: 'namespace of the object',
    shownDefault: "the context's, else default",
    check: anyText,
  }),
  workers: valueFlag({
    placeholder: 'N',
    help: 'concurrent workers',
    default: '5',
    check: integerFrom(1, maxWorkers),
  }),
  // Room for every worker's increment within the safe integers.
  start: valueFlag({
    placeholder: 'N',
    help: "the label's first value",
    default: '101',
    check: integerFrom(Number.MIN_SAFE_INTEGER + maxWorkers, Number.MAX_SAFE_INTEGER - maxWorkers),
  }),
  label: valueFlag({ placeholder: 'KEY', help: 'the counter label', default: 'biz-version', check: labelKey }),
  name: valueFlag({ placeholder: 'NAME', help: "the object's name", default: 'demo-deployment', check: objectName }),
  kind: valueFlag({
    placeholder: 'KIND',
    help: 'deployment | configmap',
    default: 'deployment',
    check: oneOf(['deployment', 'configmap']),
  }),
  strategy: listFlag({
    placeholder: 'S[,S...]',
    help: `${strategies.map((strategy) => strategy.name).join(' | ')}; several as a,b or by repeating the flag`,
    shownDefault: 'all',
    check: namedItem(strategies),
  }),
  processes: valueFlag({
    placeholder: 'P',
    help: 'spread workers over P OS processes',
    default: '1',
    check: integerFrom(1, 64),
  }),
  seed: seedFlag('replay the same jitter, and with --faults the same faults'),
  deadline: valueFlag({
    placeholder: 'MS',
    help: 'how long adaptive and queue keep trying',
    default: '60000',
    check: durationMs,
  }),
  'request-timeout': valueFlag({
    placeholder: 'MS',
    help: 'a request with no answer for this long fails as a timeout',
    shownDefault: '30000; 2000 with --faults',
    check: durationMs,
  }),
  faults: valueFlag({
    placeholder: 'RATE',
    help: 'inject faults into that share of requests, 0 to 1 (0.1 = 10%), seeded by --seed: latency, 500, 503, 429 with Retry-After, resets before and after the write commits, held answers, slow bodies',
    check: requestShare,
  }),
  'exactly-once': switchFlag(
    'every strategy but naive, blind, retry and apply records an operation id on the object, so a write whose answer was lost is not applied twice',
  ),
  keep: switchFlag('do not delete the object at the end'),
  reuse: switchFlag('count in an existing object; otherwise an existing one is an error'),
  ...backoffFlags('high-contention'),
  json: switchFlag('the result as JSON on stdout (schema in docs/LAB.md) instead of the table'),
  html: valueFlag({ placeholder: 'FILE', help: 'also write a self-contained HTML report', check: anyText }),
  'emit-job': switchFlag("print a Kubernetes Job that runs the lab's workers in a cluster, and exit"),
};

export const labCommand: CommandSpec<typeof flags> = {
  about: `kubeconflict lab: reproduce and measure write contention on one Kubernetes object

Usage: kubeconflict lab [flags]

N workers each read the object, add one to an integer label, and write it back, all at
once, once per strategy. Prints expected and final values, lost updates, failed workers,
conflicts, attempts, latency and wall time for each strategy side by side.`,
  flags,
  sections: [
    {
      title: 'Target (default: the embedded API server, nothing to set up):',
      flags: ['target', 'kubeconfig', 'context', 'namespace'],
    },
    {
      title: 'Scenario:',
      flags: [
        'workers',
        'start',
        'label',
        'name',
        'kind',
        'strategy',
        'processes',
        'seed',
        'deadline',
        'request-timeout',
      ],
    },
    { title: 'Faults (the embedded server only):', flags: ['faults', 'exactly-once', 'keep', 'reuse'] },
    {
      title: backoffSectionTitle,
      flags: backoffFlagNames,
      note: "The backoff, merge-patch, json-patch and apply strategies use these flags; retry is always client-go's DefaultRetry.",
    },
    { title: 'Output:', flags: ['json', 'html', 'emit-job'] },
  ],
  epilogue: `Exit status: 0 when every strategy that promises correctness ended correct; 1 otherwise or
on failure; 2 for usage errors; 130 when interrupted (the object is deleted first).`,
};

export const labHelp = commandHelp(labCommand);

/** What the lab's flags ask for, checked; the namespace is left to the target when not given. */
export interface LabSettings {
  readonly target: { readonly kind: TargetKind; readonly kubeconfig?: string; readonly context?: string };
  readonly object: Omit<LabObjectRef, 'namespace'> & { readonly namespace?: string };
  readonly workers: number;
  readonly start: number;
  readonly processes: number;
  readonly strategies: readonly LabStrategy[];
  readonly backoff: Backoff;
  readonly seed: number;
  readonly deadlineMs: number;
  readonly requestTimeoutMs: number;
  readonly faultRate?: number;
  readonly exactlyOnce: boolean;
  readonly keep: boolean;
  readonly reuse: boolean;
  readonly output: { readonly json: boolean; readonly html?: string; readonly emitJob: boolean };
}

/**
 * Reads the lab's command line: help asked for, or the settings; a UsageError naming the
 * flag otherwise. `seedWhenNone` draws the seed when --seed is not given.
 */
export function parseLabFlags(
  args: readonly string[],
  seedWhenNone: () => number = randomSeed,
): { readonly help: true } | { readonly help: false; readonly settings: LabSettings } {
  const parsed = parseCommand(labCommand, args);
  if (parsed.help) return parsed;
  const { values } = parsed;
  if (values.processes > values.workers) {
    throw new UsageError(
      `--processes (${String(values.processes)}) cannot exceed --workers (${String(values.workers)})`,
    );
  }
  const target = targetOf(values);
  if (values.faults !== undefined && target.kind !== 'embedded') {
    throw new UsageError(
      `--faults injects faults in the embedded server; it cannot go with --target ${target.kind} (drop --faults, or the target flags)`,
    );
  }
  const settings: LabSettings = {
    target,
    object: { kind: values.kind, name: values.name, label: values.label, namespace: values.namespace },
    workers: values.workers,
    start: values.start,
    processes: values.processes,
    strategies: values.strategy ?? strategies,
    backoff: backoffFromFlags(values),
    seed: values.seed ?? seedWhenNone(),
    deadlineMs: values.deadline,
    requestTimeoutMs: values['request-timeout'] ?? (values.faults === undefined ? 30_000 : 2_000),
    faultRate: values.faults,
    exactlyOnce: values['exactly-once'],
    keep: values.keep,
    reuse: values.reuse,
    output: { json: values.json, html: values.html, emitJob: values['emit-job'] },
  };
  return { help: false, settings };
}

function targetOf({ target, kubeconfig, context }: FlagValues<typeof flags>): LabSettings['target'] {
  const byKubeconfig = kubeconfig !== undefined || context !== undefined;
  if (byKubeconfig && target !== undefined && target !== 'cluster') {
    throw new UsageError(`--kubeconfig and --context choose a cluster; they cannot go with --target ${target}`);
  }
  return { kind: target ?? (byKubeconfig ? 'cluster' : 'embedded'), kubeconfig, context };
}
