/** RFC 3339 at whole seconds, as Kubernetes timestamps are written. */
export function timestamp(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}
