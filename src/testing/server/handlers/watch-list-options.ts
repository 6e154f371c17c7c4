// The ListOptions that decide how a watch starts (kube-apiserver's WatchList, on by
// default since v1.34): `sendInitialEvents`, `resourceVersionMatch` and
// `allowWatchBookmarks`, validated and defaulted as kube-apiserver does.
import { type Cause, invalidOptions } from '../http/status.ts';
import { goQuote } from '../go/go-quote.ts';
import { queryBool } from './query-options.ts';

/** How a watch begins: with the current objects (then, if asked, a bookmark) or from a version. */
export interface WatchStart {
  readonly sendInitialEvents: boolean;
  /** Whether an `initial-events-end` BOOKMARK follows the initial events. */
  readonly bookmarks: boolean;
}

const forbidden = (field: string, detail: string): Cause => ({
  reason: 'FieldValueForbidden',
  message: `Forbidden: ${detail}`,
  field,
});

const notSupported = (field: string, value: string, supported: readonly string[]): Cause => ({
  reason: 'FieldValueNotSupported',
  message: `Unsupported value: ${goQuote(value)}: supported values: ${supported.map(goQuote).join(', ')}`,
  field,
});

/** The causes kube-apiserver's ListOptions validation finds, in its order. */
function listOptionCauses(query: URLSearchParams, watch: boolean, sendInitialEvents: boolean | undefined): Cause[] {
  const match = query.get('resourceVersionMatch') ?? '';
  const version = query.get('resourceVersion') ?? '';
  const continued = (query.get('continue') ?? '') !== '';
  const causes: Cause[] = [];
  const field = 'resourceVersionMatch';
  if (watch) {
    if (sendInitialEvents !== undefined && match !== 'NotOlderThan') {
      causes.push(forbidden(field, 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
    }
    if (match === '') return causes;
    if (sendInitialEvents === undefined) {
      causes.push(forbidden(field, 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
    }
    if (match !== 'NotOlderThan') causes.push(notSupported(field, match, ['NotOlderThan']));
    if (continued) causes.push(forbidden(field, 'resourceVersionMatch is forbidden when continue is provided'));
    return causes;
  }
  if (match !== '') {
    if (version === '')
      causes.push(forbidden(field, 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    if (continued) causes.push(forbidden(field, 'resourceVersionMatch is forbidden when continue is provided'));
    if (match !== 'Exact' && match !== 'NotOlderThan')
      causes.push(notSupported(field, match, ['Exact', 'NotOlderThan', '']));
    if (match === 'Exact' && version === '0') {
      causes.push(forbidden(field, 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
    }
  }
  if (sendInitialEvents !== undefined)
    causes.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  return causes;
}

/**
 * Validates the options of a list or watch (422 naming each bad one), and tells how a
 * watch starts: a watch from no version or "0" sends the current objects first unless
 * told otherwise, as kube-apiserver defaults `sendInitialEvents` for it.
 */
export function checkWatchListOptions(query: URLSearchParams, watch: boolean): WatchStart {
  const asked = queryBool(query, 'sendInitialEvents');
  const bookmarks = queryBool(query, 'allowWatchBookmarks') ?? false;
  const causes = listOptionCauses(query, watch, asked);
  if (causes.length > 0) throw invalidOptions('ListOptions', causes);
  const version = query.get('resourceVersion') ?? '';
  const legacy = version === '' || version === '0';
  const defaulted = asked === undefined && (query.get('resourceVersionMatch') ?? '') === '' && legacy;
  return { sendInitialEvents: defaulted || asked === true, bookmarks };
}
