import { unescape } from './request-url.ts';

const namespaceSubresources = new Set(['status', 'finalize']);

/** Where a request goes: a discovery document, or a resource (collection or object). */
export type Route =
  | { readonly kind: 'discovery'; readonly path: string }
  | {
      readonly kind: 'resource';
      readonly group: string;
      readonly version: string;
      readonly plural: string;
      readonly namespace: string | undefined;
      readonly name: string | undefined;
      readonly subresource: string | undefined;
    }
  | { readonly kind: 'unknown' };

/**
 * Parses `/api/v1/...` and `/apis/<group>/<version>/...` paths:
 * `[namespaces/<ns>/]<plural>[/<name>[/<subresource>]]`, where `namespaces/<name>` on its
 * own is the Namespace object itself (and `namespaces/<name>/status` its status).
 */
export function route(pathname: string): Route {
  // Decoded first, as Go routes on the decoded path: `a%2Fb` is two segments.
  const parts = unescape(pathname)
    .split('/')
    .filter((part) => part !== '');
  let group: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length <= 2) return { kind: 'discovery', path: pathname };
    group = '';
    rest = parts.slice(1);
  } else if (parts[0] === 'apis') {
    if (parts.length <= 3) return { kind: 'discovery', path: pathname };
    group = parts[1] ?? '';
    rest = parts.slice(2);
  } else {
    return { kind: 'discovery', path: pathname };
  }
  const [version, ...tail] = rest as [string, ...string[]];
  let namespace: string | undefined;
  let resourceParts = tail;
  // `namespaces/<name>/status` and `/finalize` are the Namespace's own subresources.
  if (tail[0] === 'namespaces' && tail.length === 3 && namespaceSubresources.has(tail[2] ?? '')) {
    return {
      kind: 'resource',
      group,
      version,
      plural: 'namespaces',
      namespace: undefined,
      name: tail[1],
      subresource: tail[2],
    };
  }
  if (tail[0] === 'namespaces' && tail.length >= 3) {
    namespace = tail[1];
    resourceParts = tail.slice(2);
  }
  const [plural, name, subresource, ...extra] = resourceParts;
  if (plural === undefined || extra.length > 0) return { kind: 'unknown' };
  return { kind: 'resource', group, version, plural, namespace, name, subresource };
}
