// One Update operation's effect on the manager sets: kube-apiserver's chain of
// capManagers, buildManagerInfo, managedFieldsUpdater, stripMeta and the structured
// merge Update, for creates, PUTs, non-apply PATCHes and the implicit
// "before-first-apply" update.
import type { JsonValue, Schema } from '../schema/schema.ts';
import { compare } from './compare.ts';
import { FieldSet } from './field-set.ts';
import { compareStrings } from './json-value.ts';
import { managerIdentifier, type Managers } from './managers.ts';
import { strippedFields, takeOwnership, withoutReset } from './ownership.ts';

/** An Update by `manager` that turned `before` into `after`. */
export interface UpdateRecord {
  readonly schema: Schema;
  readonly apiVersion: string;
  readonly manager: string;
  readonly subresource: string;
  readonly time: string;
  readonly reset: FieldSet;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/** kube-apiserver keeps at most this many Update entries, merging the oldest. */
const maxUpdateManagers = 10;

/** The manager sets after the update; throws a ListItemError for an invalid list. */
export function recordUpdate(managers: Managers, update: UpdateRecord): Managers {
  const { schema, apiVersion, subresource, time } = update;
  const manager = update.manager === '' ? 'unknown' : update.manager;
  const comparison = withoutReset(compare(schema, update.before, update.after), update.reset);
  // The operation works under a temporary name, so that its own earlier fields are
  // treated like anyone else's, then joins its earlier entry if it changed something.
  const current = '\0current-operation';
  const { managers: after } = takeOwnership(managers, comparison, current, true);
  const changed = comparison.modified.union(comparison.added).difference(strippedFields);
  const id = managerIdentifier({ manager, operation: 'Update', apiVersion, subresource });
  if (!changed.empty) {
    const previous = after.get(id)?.set ?? new FieldSet();
    after.set(id, { manager, operation: 'Update', apiVersion, subresource, time, set: changed.union(previous) });
  }
  return capUpdateManagers(after);
}

// Merges the oldest Update entries into one "ancient-changes" entry per apiVersion.
function capUpdateManagers(managers: Managers): Managers {
  const updaters = [...managers].filter(([, entry]) => entry.operation === 'Update');
  if (updaters.length <= maxUpdateManagers) return managers;
  const seconds = (time: string | undefined) => (time === undefined ? 0 : Math.floor(Date.parse(time) / 1000));
  updaters.sort(([a, x], [b, y]) => seconds(x.time) - seconds(y.time) || compareStrings(a, b));
  const out = new Map(managers);
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (const [id, entry] of updaters) {
    if (length <= maxUpdateManagers) break;
    const { apiVersion } = entry;
    const bucket = managerIdentifier({ manager: 'ancient-changes', operation: 'Update', apiVersion, subresource: '' });
    const first = firstOfVersion.get(apiVersion);
    if (first === undefined) {
      firstOfVersion.set(apiVersion, id);
      continue;
    }
    let bucketSet = out.get(bucket)?.set;
    if (bucketSet === undefined) {
      bucketSet = out.get(first)?.set ?? new FieldSet();
      out.delete(first);
    }
    out.delete(id);
    out.set(bucket, {
      manager: 'ancient-changes',
      operation: 'Update',
      apiVersion,
      subresource: '',
      time: entry.time,
      set: entry.set.union(bucketSet),
    });
    length--;
  }
  return out;
}
