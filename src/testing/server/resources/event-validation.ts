// kube-apiserver v1.36.3's Event validation (pkg/apis/core/validation/events.go), run on
// the core/v1 form of the Event whichever version the request came through: the legacy
// rules always, the strict ones for a write through events.k8s.io/v1. Fields are named as
// the internal Event names them (involvedObject, message, count...), except
// reportingComponent/reportingController, named after the request's version.
import { isDeepStrictEqual } from 'node:util';
import type { KubeObject } from '../../../core/object.ts';
import { dnsSubdomainErrors, labelKeyErrors } from '../../../core/names.ts';
import type { Cause } from '../http/status.ts';
import { invalidValue, required } from '../handlers/validate.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isZeroTime = (value: unknown): boolean => value === undefined || value === null || value === '';
const objectOf = (value: unknown): Json => (isObject(value) ? value : {});

/** Whether the request came through events.k8s.io/v1 (strict) or core/v1 (legacy only). */
export type EventApi = 'v1' | 'events.k8s.io/v1';

const limits = { reportingInstance: 128, action: 128, reason: 128, message: 1024 } as const;

/** legacyValidateEvent. */
function legacyCauses(event: KubeObject, api: EventApi): Cause[] {
  const causes: Cause[] = [];
  const namespace = event.metadata?.namespace ?? '';
  const involvedNamespace = text(objectOf(event.involvedObject).namespace);
  const mismatch = () => invalidValue('involvedObject.namespace', involvedNamespace, 'does not match event.namespace');
  if (isZeroTime(event.eventTime)) {
    if (involvedNamespace === '' ? namespace !== '' && namespace !== 'default' : namespace !== involvedNamespace)
      causes.push(mismatch());
  } else {
    if (involvedNamespace === '' && namespace !== 'default' && namespace !== 'kube-system') causes.push(mismatch());
    causes.push(...reportingCauses(event, api));
  }
  for (const detail of dnsSubdomainErrors(namespace)) causes.push(invalidValue('namespace', namespace, detail));
  return causes;
}

/** What an Event with an eventTime (a "new" Event) must say of who reported it, and what. */
function reportingCauses(event: KubeObject, api: EventApi): Cause[] {
  const causes: Cause[] = [];
  const controllerField = api === 'v1' ? 'reportingComponent' : 'reportingController';
  const controller = text(event.reportingComponent);
  if (controller === '') causes.push(required(controllerField, ''));
  for (const detail of labelKeyErrors(controller)) causes.push(invalidValue(controllerField, controller, detail));
  for (const field of ['reportingInstance', 'action', 'reason'] as const) {
    const value = text(event[field]);
    if (value === '') causes.push(required(field, ''));
    if (value.length > limits[field])
      causes.push(invalidValue(field, '', `can have at most ${String(limits[field])} characters`));
  }
  if (text(event.message).length > limits.message)
    causes.push(invalidValue('message', '', `can have at most ${String(limits.message)} characters`));
  return causes;
}

function seriesCauses(event: KubeObject): Cause[] {
  if (!isObject(event.series)) return [];
  const causes: Cause[] = [];
  const count = typeof event.series.count === 'number' ? event.series.count : 0;
  if (count < 2) causes.push(invalidValue('series.count', '', 'should be at least 2'));
  if (isZeroTime(event.series.lastObservedTime)) causes.push(required('series.lastObservedTime', ''));
  return causes;
}

/** ValidateEventCreate. */
export function eventCreateCauses(event: KubeObject, api: EventApi): Cause[] {
  const causes = legacyCauses(event, api);
  if (api === 'v1') return causes;
  causes.push(...seriesCauses(event));
  if (isZeroTime(event.eventTime)) causes.push(required('eventTime', ''));
  const type = text(event.type);
  if (type !== 'Normal' && type !== 'Warning') causes.push(invalidValue('type', '', `has invalid value: ${type}`));
  for (const field of ['firstTimestamp', 'lastTimestamp'])
    if (!isZeroTime(event[field])) causes.push(invalidValue(field, '', 'needs to be unset'));
  if (typeof event.count === 'number' && event.count !== 0) causes.push(invalidValue('count', '', 'needs to be unset'));
  const source = objectOf(event.source);
  if (text(source.component) !== '' || text(source.host) !== '')
    causes.push(invalidValue('source', '', 'needs to be unset'));
  return causes;
}

// ValidateEventUpdate's immutable fields, in its order (reason twice, as it checks it twice).
const immutable = [
  'involvedObject',
  'reason',
  'message',
  'source',
  'firstTimestamp',
  'lastTimestamp',
  'count',
  'reason',
  'type',
] as const;
const immutableAfterEventTime = ['action', 'related', 'reportingComponent', 'reportingInstance'] as const;

/** A field's value with Go's zero values made one (absent, null, empty). */
const normalized = (value: unknown): unknown =>
  value === null || value === '' || value === 0 || (isObject(value) && Object.keys(value).length === 0)
    ? undefined
    : value;

/** ValidateEventUpdate. */
export function eventUpdateCauses(event: KubeObject, live: KubeObject, api: EventApi): Cause[] {
  const causes = legacyCauses(event, api);
  if (api === 'v1') return causes;
  if (!isDeepStrictEqual(normalized(event.series), normalized(live.series))) causes.push(...seriesCauses(event));
  const check = (field: string, path = field) => {
    if (!isDeepStrictEqual(normalized(event[field]), normalized(live[field])))
      causes.push(invalidValue(path, event[field] ?? '', 'field is immutable'));
  };
  for (const field of immutable) check(field);
  if (microseconds(event.eventTime) !== microseconds(live.eventTime)) check('eventTime');
  for (const field of immutableAfterEventTime)
    check(field, field === 'reportingComponent' ? 'reportingController' : field);
  return causes;
}

/** A MicroTime as whole microseconds, for the comparison that tolerates sub-microsecond changes. */
function microseconds(value: unknown): string {
  if (isZeroTime(value)) return '';
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-].*)$/.exec(text(value));
  if (!match) return text(value);
  const [, seconds = '', fraction = '', zone = ''] = match;
  return `${String(Date.parse(`${seconds}${zone}`))}.${fraction.padEnd(6, '0').slice(0, 6)}`;
}
