// What differs between kube-apiserver and the embedded server, or between two seconds,
// in what kubectl prints and reads back; replaced by placeholders before comparing.
import { normalizeBody } from './normalize.ts';

/** kubectl's printed output without ages, uids, times, resourceVersions or column padding. */
export function normalizeKubectlOutput(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '<time>')
    .replace(/(resourceVersion\W+)\d+/g, '$1<rv>')
    .replace(/(?<=\s)(\d+[smhdy]){1,2}(?=\s|$)/gm, '<age>')
    .replace(/[ \t]+/g, ' ');
}

/**
 * An object as read back, without what differs between two servers or two seconds:
 * uid, resourceVersion, timestamps, and the order of managedFields entries (sorted by
 * operation, manager and subresource, as their times may tie within a second).
 */
export function normalizeReadBack(object: unknown): Record<string, unknown> {
  const normalized = normalizeBody(object) as { metadata?: Record<string, unknown>; [key: string]: unknown };
  const metadata = normalized.metadata ?? {};
  if (typeof metadata.deletionTimestamp === 'string') metadata.deletionTimestamp = '<deletionTimestamp>';
  if (Array.isArray(metadata.managedFields)) {
    type Entry = { manager?: string; operation?: string; subresource?: string };
    const key = (entry: Entry) => `${entry.operation ?? ''}/${entry.manager ?? ''}/${entry.subresource ?? ''}`;
    metadata.managedFields = (metadata.managedFields as Entry[]).sort((a, b) => key(a).localeCompare(key(b)));
  }
  return normalized;
}
