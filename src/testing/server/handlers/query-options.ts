// The query parameters of a read (ListOptions, GetOptions) as kube-apiserver converts
// them: Go's strconv rules for integers and resource versions, its own rule for booleans.
import { goParseError } from '../go/go-strconv.ts';
import { badRequest, internalError } from '../http/status.ts';
import { goQuote } from '../go/go-quote.ts';

/**
 * A boolean option as kube-apiserver's query conversion reads it: undefined when absent,
 * else true unless `0` or `false` (in any case), so `watch=` and `watch=yes` are true.
 */
export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  return value !== '0' && value.toLowerCase() !== 'false';
}

/** Whether a list request is a watch. */
export const watchRequested = (query: URLSearchParams): boolean => queryBool(query, 'watch') ?? false;

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
