import { readFileSync } from 'node:fs';

/**
 * A process named so that a reused pid is never mistaken for it: its pid and its start
 * time (clock ticks after boot, field 22 of /proc/<pid>/stat). Linux only; elsewhere no
 * identity can be read, and nothing recorded is ever signalled.
 */
export interface ProcessIdentity {
  readonly pid: number;
  readonly startTicks: string;
}

/** The state and start time of `pid` from /proc, or undefined when it is gone (or no /proc). */
function procStat(pid: number): { state: string; startTicks: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = fields[19];
  return state === undefined || startTicks === undefined ? undefined : { state, startTicks };
}

/** `pid`'s identity now, or undefined when no such process runs. */
export function identityOf(pid: number): ProcessIdentity | undefined {
  const stat = procStat(pid);
  return stat === undefined ? undefined : { pid, startTicks: stat.startTicks };
}

/** Whether the very process `identity` names still runs (a zombie has ended). */
export function stillRuns(identity: ProcessIdentity): boolean {
  const stat = procStat(identity.pid);
  return stat !== undefined && stat.state !== 'Z' && stat.startTicks === identity.startTicks;
}

/**
 * Waits, blocking the thread, until none of `identities` runs or `timeoutMs` passes: for
 * exit paths, where nothing asynchronous runs any more. Returns whether all ended.
 */
export function waitUntilEndedSync(identities: readonly ProcessIdentity[], timeoutMs: number): boolean {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < timeoutMs; waited += 10) {
    if (!identities.some(stillRuns)) return true;
    Atomics.wait(pause, 0, 0, 10);
  }
  return !identities.some(stillRuns);
}
