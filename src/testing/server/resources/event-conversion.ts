// core/v1 and events.k8s.io/v1 Events are one stored object in kube-apiserver (the
// storage factory makes events.k8s.io's events cohabit with core's, kept as core/v1):
// k8s.io/kubernetes v1.36.3 pkg/apis/events/v1/conversion.go renames these fields on
// the way through the internal Event, and copies the rest as they are.
import type { KubeObject } from '../../../core/object.ts';
import { goRoundTrip, type JsonValue, schemaFor } from '../schema/index.ts';

/** events.k8s.io/v1 field → core/v1 field. */
const renamed: readonly (readonly [string, string])[] = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
  ['reportingController', 'reportingComponent'],
];
const shared = ['metadata', 'eventTime', 'series', 'reportingInstance', 'action', 'reason', 'related', 'type'];

function convert(
  object: KubeObject,
  pairs: readonly (readonly [string, string])[],
  apiVersion: string,
): Record<string, unknown> {
  const source = object as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (source.kind !== undefined) out.kind = 'Event';
  if (source.apiVersion !== undefined) out.apiVersion = apiVersion;
  for (const key of shared) if (source[key] !== undefined) out[key] = source[key];
  for (const [from, to] of pairs) if (source[from] !== undefined) out[to] = source[from];
  return out;
}

/** An events.k8s.io/v1 Event as the core/v1 Event kube-apiserver stores, in Go's JSON. */
export function eventsV1ToCore(object: KubeObject): KubeObject {
  const core = convert(object, renamed, 'v1');
  return goRoundTrip(schemaFor('v1', 'Event'), structuredClone(core) as JsonValue) as KubeObject;
}

/** A stored core/v1 Event as events.k8s.io/v1 serves it, in Go's JSON. */
export function coreToEventsV1(object: KubeObject): KubeObject {
  const events = convert(
    object,
    renamed.map(([to, from]) => [from, to] as const),
    'events.k8s.io/v1',
  );
  return goRoundTrip(schemaFor('events.k8s.io/v1', 'Event'), structuredClone(events) as JsonValue) as KubeObject;
}
