// The query parameters of a read (ListOptions, GetOptions) as kube-apiserver converts
// them: Go's strconv rules for integers and resource versions, its own rule for `watch`.
import { goParseError } from '../http/go-strconv.ts';
import { badRequest, internalError } from '../http/status.ts';
import { goQuote } from '../selectors/go-quote.ts';

/** `watch` is true unless absent, `0` or `false` (in any case): `watch=` and `watch=yes` watch too. */
export function watchRequested(query: URLSearchParams): boolean {
  const value = query.get('watch');
  return value !== null && value !== '0' && value.toLowerCase() !== 'false';
}

/** `timeoutSeconds` then `limit`, as the conversion meets them: each an int64, or a 400. */
export function checkListIntegers(query: URLSearchParams): void {
  for (const name of ['timeoutSeconds', 'limit']) {
    const value = query.get(name);
    const error = value === null ? undefined : goParseError('ParseInt', value);
    if (error !== undefined) throw badRequest(error);
  }
}

/**
 * A `resourceVersion` that is not a uint64: a 400 for a list, and, as on kube-apiserver,
 * an unexplained 500 for a get or a watch (its storage layer's error, passed on as is).
 */
export function checkResourceVersion(query: URLSearchParams, verb: 'get' | 'list' | 'watch'): void {
  const value = query.get('resourceVersion');
  const error = value === null || value === '' ? undefined : goParseError('ParseUint', value);
  if (error === undefined) return;
  const invalid = `resourceVersion: Invalid value: ${goQuote(value ?? '')}: ${error}`;
  throw verb === 'list' ? badRequest(`invalid resource version: ${invalid}`) : internalError(invalid);
}
