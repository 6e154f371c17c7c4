import type { IncomingHttpHeaders } from 'node:http';
import { mediaTypes, streamMediaTypes } from './negotiate.ts';
import { StatusError } from './status.ts';

/** The patch types a built-in resource's PATCH route consumes. */
export const builtinPatchTypes = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;

/**
 * The route matching that kube-apiserver's HTTP router (go-restful) does for built-in
 * resources before any handler runs: a PATCH must name a patch type it consumes, and the
 * Accept header must name, as written and without parameters, a media type the route
 * produces, or `*`/`*`. Custom resources are served without this router.
 */
export function checkRestfulRoute(method: string, collection: boolean, headers: IncomingHttpHeaders): void {
  if (method === 'PATCH' && !anyToken(headers['content-type'] || 'application/octet-stream', builtinPatchTypes)) {
    throw new StatusError(415, '415: Unsupported Media Type', 'UnsupportedMediaType', {});
  }
  const produces = method === 'GET' && collection ? [...mediaTypes, ...streamMediaTypes] : mediaTypes;
  const accept = headers.accept || '*/*';
  if (!anyToken(accept, produces, true)) {
    throw new StatusError(
      406,
      `406: Not Acceptable\n\nAvailable representations: ${produces.join(', ')}`,
      'NotAcceptable',
      {},
    );
  }
}

/** Whether any comma-separated token of `header`, parameters cut off, is one of `types`. */
function anyToken(header: string, types: readonly string[], wildcard = false): boolean {
  return header.split(',').some((token) => {
    const bare = (token.split(';')[0] ?? '').replace(/^ +| +$/g, '');
    return (wildcard && bare === '*/*') || types.includes(bare);
  });
}
