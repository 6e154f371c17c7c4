/**
 * apimachinery's `duration.HumanDuration`, which kube-apiserver's printers use for the
 * Age column: `45s`, `3m20s`, `5h2m`, `3d4h`, `2y30d`; `<invalid>` for more than a second
 * in the future (clock skew up to that reads as `0s`).
 */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${String(seconds)}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const rest = seconds % 60;
    return rest === 0 ? `${String(minutes)}m` : `${String(minutes)}m${String(rest)}s`;
  }
  if (minutes < 60 * 3) return `${String(minutes)}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${String(hours)}h` : `${String(hours)}h${String(rest)}m`;
  }
  if (hours < 48) return `${String(hours)}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${String(days)}d` : `${String(days)}d${String(rest)}h`;
  }
  if (hours < 24 * 365 * 2) return `${String(days)}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const rest = days % 365;
    return rest === 0 ? `${String(years)}y` : `${String(years)}y${String(rest)}d`;
  }
  return `${String(years)}y`;
}

/** The Age cell of an object created at `creationTimestamp` (RFC 3339), seen at `now`. */
export function age(creationTimestamp: unknown, now: Date): string {
  if (typeof creationTimestamp !== 'string' || creationTimestamp === '') return '<unknown>';
  const created = Date.parse(creationTimestamp);
  return Number.isNaN(created) ? '<unknown>' : humanDuration(now.getTime() - created);
}
