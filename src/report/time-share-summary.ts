import type { TimeShares } from '../lab/time-shares.ts';

/**
 * The % of worker-time waiting / requesting / sleeping, whole numbers, narrow enough for the
 * text table's columns and the HTML cards: `62/30/5`; `none` when unknown.
 */
export function compactShares(shares: TimeShares | null, none: string): string {
  if (!shares) return none;
  const { waiting, requesting, sleeping } = shares;
  return [waiting, requesting, sleeping].map((share) => share.toFixed(0)).join('/');
}
