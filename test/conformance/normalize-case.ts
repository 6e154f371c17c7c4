// What legitimately differs between kube-apiserver and the embedded server, replaced so
// that everything else can be compared field by field:
// - resourceVersions: global counters that start elsewhere; each is replaced by its rank
//   among the resourceVersions seen in one case (order is what clients may rely on);
// - uids (in fields and messages): by order of first appearance; timestamps: by a placeholder;
// - managedFields: sorted by operation and manager (the servers sort by time, to the second);
// - generateName suffixes and continue tokens: opaque and random; a Table's ages.
import { parse as parseYaml } from 'yaml';
import { decodeObject, decodeWatchFrames, protobufMediaType } from '../../src/testing/server/protobuf/index.ts';
import type { RawResponse } from '../support/raw-http.ts';

export interface Exchange {
  readonly status: number;
  readonly contentType: string | undefined;
  /** The `Warning` headers (left out when none, so that most exchanges read as before). */
  readonly warnings?: readonly string[];
  readonly body: unknown;
}

/** resourceVersions quoted in messages: watch expiry and DELETE preconditions. */
const tooOld = /too old resource version: (\d+) \((\d+)\)/g;
const precondition = /(ResourceVersion in (?:the precondition|record) \()(\d+)/g;
/** An object quoted in a message (a refused patch shows the patched object): its resourceVersion. */
const quotedVersion = /(\\+"resourceVersion\\+":\\+")(\d+)/g;

function versionsInText(text: string): string[] {
  return [
    ...[...text.matchAll(tooOld)].flatMap((m) => [m[1] ?? '', m[2] ?? '']),
    ...[...text.matchAll(precondition)].map((m) => m[2] ?? ''),
    ...[...text.matchAll(quotedVersion)].map((m) => m[2] ?? ''),
  ];
}

export function rewriteText(text: string, rank: Map<string, string>): string {
  const r = (digits: string) => rank.get(digits) ?? digits;
  return text
    .replace(tooOld, (_m, a: string, b: string) => `too old resource version: ${r(a)} (${r(b)})`)
    .replace(precondition, (_m, before: string, digits: string) => `${before}${r(digits)}`)
    .replace(quotedVersion, (_m, before: string, digits: string) => `${before}${r(digits)}`);
}

export const timeKeys = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'time',
  'renewTime',
  'acquireTime',
  'lastTransitionTime',
]);

/** The volatile values of one case's answers, each with its normalised stand-in. */
export interface Volatile {
  /** resourceVersion → `rv<rank>` */
  readonly rank: Map<string, string>;
  /** uids in order of first appearance (`uid<index + 1>`) */
  readonly uids: readonly string[];
}

export function volatileValues(responses: readonly RawResponse[]): Volatile {
  const versions = new Set<number>();
  const uids: string[] = [];
  for (const response of responses) collect(parseBody(response), versions, uids);
  const rank = new Map(
    [...versions].sort((a, b) => a - b).map((version, index) => [String(version), `rv${String(index + 1)}`]),
  );
  return { rank, uids };
}

export function normalizeCase(responses: readonly RawResponse[]): Exchange[] {
  const bodies = responses.map((response) => parseBody(response));
  const { rank, uids } = volatileValues(responses);
  return responses.map((response, index) => ({
    status: response.status,
    contentType: response.contentType,
    ...(response.warnings.length > 0 && { warnings: response.warnings }),
    body: rewrite(bodies[index], rank, [...uids]),
  }));
}

/** JSON bodies parsed; watch streams (one JSON object a line) as an array of events. */
function parseBody(response: RawResponse): unknown {
  if (response.json !== undefined) return response.json;
  const protobuf = parseProtobuf(response);
  if (protobuf !== undefined) return protobuf;
  if (response.contentType?.startsWith('application/yaml') === true)
    return { yaml: parseYaml(response.text) as unknown };
  const lines = response.text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 0 && lines.every((line) => line.startsWith('{'))) {
    try {
      return { watchEvents: lines.map((line) => JSON.parse(line) as unknown) };
    } catch {
      // not a watch stream
    }
  }
  return response.text;
}

/** Protobuf answers, decoded (the codec is checked against kube-apiserver's bytes elsewhere). */
function parseProtobuf(response: RawResponse): unknown {
  const contentType = response.contentType ?? '';
  if (!contentType.startsWith(protobufMediaType)) return undefined;
  if (contentType.endsWith(';stream=watch')) return { protobufEvents: decodeWatchFrames(response.bytes) };
  return { protobuf: decodeObject(response.bytes) };
}

function collect(value: unknown, versions: Set<number>, uids: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, versions, uids);
    return;
  }
  if (typeof value === 'string') {
    for (const digits of versionsInText(value)) versions.add(Number(digits));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'resourceVersion' && typeof child === 'string' && /^\d+$/.test(child)) versions.add(Number(child));
    else if (key === 'uid' && typeof child === 'string' && !uids.includes(child)) uids.push(child);
    else collect(child, versions, uids);
  }
}

function rewrite(value: unknown, rank: Map<string, string>, uids: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, rank, uids));
  if (typeof value === 'string') {
    // uids quoted in messages (a Scale's UID precondition) as in uid fields.
    return uids.reduce((text, uid, index) => text.replaceAll(uid, `uid${String(index + 1)}`), rewriteText(value, rank));
  }
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(object)) {
    if (key === 'resourceVersion' && typeof child === 'string') out[key] = rank.get(child) ?? child;
    else if (key === 'uid' && typeof child === 'string') out[key] = `uid${String(uids.indexOf(child) + 1)}`;
    else if (timeKeys.has(key) && typeof child === 'string') out[key] = '<time>';
    else if (key === 'continue' && typeof child === 'string' && child !== '') out[key] = '<continue>';
    else if (key === 'managedFields' && Array.isArray(child))
      out[key] = sortManagedFields(rewrite(child, rank, uids) as unknown[]);
    else if (key === 'cells' && Array.isArray(child))
      out[key] = child.map((cell: unknown) =>
        isAge(cell) ? '<age>' : isTimestamp(cell) ? '<time>' : rewrite(cell, rank, uids),
      );
    else out[key] = rewrite(child, rank, uids);
  }
  const generateName = out.generateName;
  if (typeof generateName === 'string' && typeof out.name === 'string' && out.name.startsWith(generateName)) {
    out.name = `${generateName}<suffix>`;
  }
  return out;
}

/** A Table's Created At cell (RFC 3339), the time the server created the object. */
const isTimestamp = (cell: unknown): boolean =>
  typeof cell === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(cell);

/** A Table's Age cell ("0s", "5m10s"): it depends on the second the row was printed. */
const isAge = (cell: unknown): boolean => typeof cell === 'string' && /^(\d+[smhdy])+$/.test(cell);

function sortManagedFields(entries: unknown[]): unknown[] {
  const keyOf = (entry: unknown) => {
    const e = entry as { operation?: string; manager?: string };
    return `${e.operation ?? ''}\u0000${e.manager ?? ''}`;
  };
  return [...entries].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
