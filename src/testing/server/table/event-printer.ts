// The printer of v1 Events (k8s.io/kubernetes pkg/printers/internalversion printEvent):
// columns and descriptions as kube-apiserver v1.36.3 sends them, cells as that function
// computes them with the wide options the server's table convertor passes.
import { column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';
import { type Json, isObject, objectAt, text } from './json-access.ts';

const isSet = (timestamp: unknown) => typeof timestamp === 'string' && timestamp !== '';

// Go's unicode.IsSpace (unlike JavaScript's trim: U+0085 is space, U+FEFF is not).
const goSpace = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const goSpaceAtEnds = new RegExp(`^${goSpace}+|${goSpace}+$`, 'g');

/** formatEventSource: component (else reporting controller), then `, host` (else instance) if any. */
function sourceString(event: Json): string {
  const source = objectAt(event, 'source');
  const component = text(source.component) || text(event.reportingComponent);
  const host = text(source.host) || text(event.reportingInstance);
  return host === '' ? component : `${component}, ${host}`;
}

/** The involved object as `kind/name` in lower case, the kind alone when it has no name. */
function target(event: Json): string {
  const involved = objectAt(event, 'involvedObject');
  const kind = text(involved.kind).toLowerCase();
  return text(involved.name) === '' ? kind : `${kind}/${text(involved.name)}`;
}

/** When the event was first and last seen, and how often: a series' figures win. */
function occurrences(event: Json, now: Date): { first: string; last: string; count: number } {
  const first = isSet(event.firstTimestamp) ? age(event.firstTimestamp, now) : age(event.eventTime, now);
  const last = isSet(event.lastTimestamp) ? age(event.lastTimestamp, now) : first;
  const count = typeof event.count === 'number' ? event.count : 0;
  if (isObject(event.series)) {
    const seriesCount = typeof event.series.count === 'number' ? event.series.count : 0;
    return { first, last: age(event.series.lastObservedTime, now), count: seriesCount };
  }
  // Singleton events of the events.k8s.io API carry no count.
  return { first, last, count: count === 0 ? 1 : count };
}

export const eventPrinter: Printer = {
  columns: [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column(
      'Reason',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    column('Object', 'The object that this event is about.'),
    column(
      'Subobject',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
      { priority: 1 },
    ),
    column('Source', 'The component reporting this event. Should be a short machine understandable string.', {
      priority: 1,
    }),
    column('Message', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', {
      priority: 1,
    }),
    column('Count', 'The number of times this event has occurred.', { priority: 1 }),
    { ...nameColumn, priority: 1 },
  ],
  cells: (object, now) => {
    const event = object as Json;
    const { first, last, count } = occurrences(event, now);
    return [
      last,
      text(event.type),
      text(event.reason),
      target(event),
      text(objectAt(event, 'involvedObject').fieldPath),
      sourceString(event),
      text(event.message).replace(goSpaceAtEnds, ''),
      first,
      count,
      object.metadata?.name ?? '',
    ];
  },
};
