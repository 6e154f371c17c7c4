import type { Backoff } from '../core/backoff.ts';
import { backoffDelays } from '../core/backoff-delays.ts';
import { seededRandom } from '../core/random.ts';
import { backoffFlagNames, backoffFlags, backoffFromFlags, backoffSectionTitle } from './backoff-flags.ts';
import { seedFlag } from './common-flags.ts';
import { randomSeed } from './flag-values.ts';
import { commandHelp, type CommandSpec, parseCommand, switchFlag } from './flags.ts';

const flags = {
  ...backoffFlags('default-retry'),
  seed: seedFlag('replay the same jitter'),
  json: switchFlag('machine-readable output'),
};

const backoffCommand: CommandSpec<typeof flags> = {
  about: `kubeconflict backoff: show what a retry-on-conflict schedule does, call by call

Usage: kubeconflict backoff [flags]

Prints, for a writer that keeps conflicting, each call it makes, the sleep after it, and
when it gives up: what retryOnConflict (and client-go's retry.RetryOnConflict) does.`,
  flags,
  sections: [
    { title: backoffSectionTitle, flags: backoffFlagNames },
    { title: 'Output:', flags: ['seed', 'json'] },
  ],
};

export const backoffHelp = commandHelp(backoffCommand);

/** One line of the schedule: a call, then the sleep after it (none after the last). */
export interface ScheduleEntry {
  readonly call: number;
  readonly sleepAfter: number | undefined;
}

/** The schedule a writer that always conflicts follows, as the retry loop runs it. */
export function conflictSchedule(backoff: Backoff, random: () => number): ScheduleEntry[] {
  const entries: ScheduleEntry[] = [];
  for (const { delay, retry } of backoffDelays(backoff, random)) {
    entries.push({ call: entries.length + 1, sleepAfter: delay });
    if (!retry) return entries;
  }
  entries.push({ call: entries.length + 1, sleepAfter: undefined });
  return entries;
}

export function runBackoffCommand(args: string[], out: (line: string) => void): number {
  const parsed = parseCommand(backoffCommand, args);
  if (parsed.help) {
    out(backoffHelp);
    return 0;
  }
  const { values } = parsed;
  const backoff = backoffFromFlags(values);
  const seed = values.seed ?? randomSeed();
  const schedule = conflictSchedule(backoff, seededRandom(seed));
  const lowest = sum(conflictSchedule(backoff, () => 0));
  const highest = sum(conflictSchedule(backoff, () => 1 - Number.EPSILON));
  const totalSleep = sum(schedule);
  if (values.json) {
    out(JSON.stringify({ backoff: backoff.toJSON(), seed, calls: schedule.length, schedule, totalSleep }, null, 2));
    return 0;
  }
  out(`Backoff: ${describe(backoff)} (seed ${String(seed)})`);
  out('');
  for (const { call, sleepAfter } of schedule) {
    const sleep = sleepAfter === undefined ? '' : `, sleep ${ms(sleepAfter)}`;
    const end = call === schedule.length ? ', then give up: the last conflict is returned to the caller' : '';
    out(`  call ${String(call).padStart(3)}  conflict${sleep}${end}`);
  }
  out('');
  const range =
    lowest === highest ? '' : ` (with this backoff, from ${ms(lowest)} to ${ms(highest)} depending on jitter)`;
  out(
    `A writer that keeps conflicting makes ${String(schedule.length)} calls and sleeps ${ms(totalSleep)} in all${range}.`,
  );
  if (schedule.at(-1)?.sleepAfter !== undefined) {
    out('The cap ended the schedule: like client-go, the loop sleeps once more after the last call before giving up.');
  }
  return 0;
}

function describe(backoff: Backoff): string {
  const { steps, duration, factor, jitter, cap, jitterMode } = backoff;
  const jitterText = jitterMode === 'additive' ? `jitter ${String(jitter)}` : `${jitterMode} jitter`;
  return `steps ${String(steps)}, duration ${ms(duration)}, factor ${String(factor)}, ${jitterText}, ${cap > 0 ? `cap ${ms(cap)}` : 'no cap'}`;
}

const sum = (schedule: readonly ScheduleEntry[]) =>
  schedule.reduce((total, entry) => total + (entry.sleepAfter ?? 0), 0);
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
