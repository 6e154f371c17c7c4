// The Warning headers kube-apiserver sends for a request as such, before any object is
// read: a deprecated resource, a malformed bearer token, a Job deleted without saying
// what becomes of its Pods.
import type { ResourceType } from '../resource-type.ts';
import { goQuote } from '../go/go-quote.ts';

/** A `Warning` header value as kube-apiserver writes one: code 299, no agent, the text quoted. */
export const warningHeader = (text: string): string => `299 - ${goQuote(text)}`;

/** The bearertoken authenticator's: `Bearer  token` (two spaces) carries no token. */
export function authorizationWarning(header: string | undefined): string | undefined {
  const parts = (header ?? '').trim().split(' ');
  const extraSpace = parts.length >= 3 && parts[0]?.toLowerCase() === 'bearer' && parts[1] === '';
  return extraSpace
    ? 'the provided Authorization header contains extra space before the bearer token, and is ignored'
    : undefined;
}

const jobDeleteWarning =
  'child pods are preserved by default when jobs are deleted; ' +
  'set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning';

/** A batch/v1 Job delete or deletecollection whose options name neither propagationPolicy nor orphanDependents. */
export function deleteWarning(
  type: ResourceType,
  options: { propagationPolicy?: unknown; orphanDependents?: unknown },
) {
  const unsaid = options.propagationPolicy == null && options.orphanDependents == null;
  return type.group === 'batch' && type.kind === 'Job' && unsaid ? jobDeleteWarning : undefined;
}
