import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { runLab } from '../lab/run-lab.ts';
import { htmlReport } from '../report/html-report.ts';
import { labResult } from '../report/lab-result.ts';
import { textReport } from '../report/text-report.ts';
import { labHelp, type LabSettings, parseLabFlags } from './lab-flags.ts';
import { jobManifest } from './lab-job.ts';
import { openTarget, type LabTarget } from './lab-target.ts';
import { progressBar } from './progress-bar.ts';

export { labHelp } from './lab-flags.ts';

interface Io {
  readonly out: (line: string) => void;
  readonly stderr: NodeJS.WriteStream;
}

/** `kubeconflict lab`: resolves to the exit status (see the help's last lines). */
export async function runLabCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseLabFlags(args);
  if (parsed.help) {
    io.out(labHelp);
    return 0;
  }
  const { settings } = parsed;
  if (settings.output.emitJob) {
    io.out(labJob(settings));
    return 0;
  }
  const controller = new AbortController();
  const onSignal = () => {
    controller.abort(new Error('interrupted'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const { faultRate, requestTimeoutMs, seed } = settings;
  const target = await openTarget(
    settings.target.kind,
    settings.target.kubeconfig,
    settings.target.context,
    // A held answer outlasts the client's timeout, so that timeouts after a commit happen.
    faultRate === undefined ? undefined : { rate: faultRate, seed, holdMs: requestTimeoutMs + 1_000 },
  );
  try {
    return await runAndReport(settings, target, controller.signal, io);
  } catch (error) {
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

function labJob(settings: LabSettings): string {
  const { object } = settings;
  return jobManifest({
    workers: settings.workers,
    processes: settings.processes,
    name: object.name,
    namespace: object.namespace ?? 'default',
    kind: object.kind,
    label: object.label,
    strategies: settings.strategies.map((strategy) => strategy.name),
    seed: settings.seed,
  });
}

/** Runs every strategy on the target, then prints (and writes) the report; the exit status. */
async function runAndReport(settings: LabSettings, target: LabTarget, signal: AbortSignal, io: Io): Promise<number> {
  const object = { ...settings.object, namespace: settings.object.namespace ?? target.contextNamespace ?? 'default' };
  const startedAt = new Date().toISOString();
  const bar = progressBar(io.stderr);
  const { workers, start, processes, seed, backoff, deadlineMs, requestTimeoutMs, exactlyOnce } = settings;
  const { serialBoundMs, runs } = await runLab({
    kubeConfig: target.kubeConfig,
    ref: object,
    workers,
    start,
    strategies: settings.strategies,
    backoff,
    deadlineMs,
    exactlyOnce,
    requestTimeoutMs,
    ...(target.faults && { faults: target.faults }),
    seed,
    processes,
    keep: settings.keep,
    reuse: settings.reuse,
    signal,
    onProgress: (progress) => {
      bar.update(progress);
    },
  }).finally(() => {
    bar.finish();
  });
  const result = labResult({
    startedAt,
    target: {
      kind: target.kind,
      server: target.server,
      ...(target.context !== undefined && { context: target.context }),
    },
    object,
    workers,
    start,
    processes,
    seed,
    backoff,
    deadlineMs,
    requestTimeoutMs,
    exactlyOnce,
    faultRate: settings.faultRate,
    serialBoundMs,
    runs,
  });
  if (settings.output.html !== undefined) writeFileSync(settings.output.html, htmlReport(result));
  io.out(settings.output.json ? JSON.stringify(result, null, 2) : textReport(result));
  return result.correct ? 0 : 1;
}

/** Resolves when the process is asked to stop; for tests that drive the command. */
export const stopRequested = () => Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
