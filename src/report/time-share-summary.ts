import type { TimeShares } from '../lab/time-shares.ts';

/** The shares of worker-time waiting / requesting / sleeping as whole %, e.g. `62% / 30% / 5%`. */
export function timeSharesSummary(shares: TimeShares | null, none: string): string {
  if (!shares) return none;
  const { waiting, requesting, sleeping } = shares;
  return [waiting, requesting, sleeping].map((share) => `${share.toFixed(0)}%`).join(' / ');
}

/** The same, narrow enough for the text table's columns: `62/30/5`; `-` when unknown. */
export function compactShares(shares: TimeShares | null): string {
  if (!shares) return '-';
  const { waiting, requesting, sleeping } = shares;
  return [waiting, requesting, sleeping].map((share) => share.toFixed(0)).join('/');
}
