// Values that legitimately differ between two runs (or two servers) are replaced by
// placeholders, so that responses can be compared field by field.

const volatileMetadata = ['uid', 'resourceVersion', 'creationTimestamp'] as const;

export function normalizeBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(normalizeBody);
  if (typeof body !== 'object' || body === null) return typeof body === 'string' ? normalizeText(body) : body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if ((volatileMetadata as readonly string[]).includes(key) && typeof value === 'string') out[key] = `<${key}>`;
    else if (key === 'time' && typeof value === 'string') out[key] = '<time>';
    else out[key] = normalizeBody(value);
  }
  return out;
}

/** ResourceVersions quoted in messages, such as a DELETE precondition's. */
function normalizeText(text: string): string {
  // kube-apiserver writes "in the precondition (N)" and "in record (N)"; the stored one counts
  // every write of the cluster, its own background writes included.
  return text.replace(/ResourceVersion in (the precondition|record) \(\d+\)/g, 'ResourceVersion in $1 (<rv>)');
}
