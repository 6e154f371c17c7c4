// /openapi/v3 and its group-version documents, served the way kube-apiserver serves them:
// the index names each document by a URL carrying its content hash, which client-go's
// HTTP cache (kubectl's --cache-dir) keeps as immutable.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ResourceRegistry } from '../registry.ts';
import type { ResourceType } from '../resource-type.ts';
import { groupVersionDocument } from './group-version-document.ts';

/** An answer to write as is. */
export interface OpenApiAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const root = '/openapi/v3';
const noCache = { 'cache-control': 'no-cache, private' };
const oneYear = 365 * 24 * 60 * 60 * 1000;

/** `api/v1`, `apis/apps/v1`: how the index names a group-version. */
const indexKey = (type: ResourceType) =>
  type.group === '' ? `api/${type.version}` : `apis/${type.group}/${type.version}`;

interface Document {
  readonly body: string;
  readonly hash: string;
}

function documents(registry: ResourceRegistry): Map<string, Document> {
  const byGroupVersion = new Map<string, ResourceType[]>();
  for (const type of registry.all()) {
    const key = indexKey(type);
    byGroupVersion.set(key, [...(byGroupVersion.get(key) ?? []), type]);
  }
  const result = new Map<string, Document>();
  for (const key of [...byGroupVersion.keys()].sort()) {
    const body = JSON.stringify(groupVersionDocument(byGroupVersion.get(key) ?? []));
    result.set(key, { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() });
  }
  return result;
}

const documentUrl = (key: string, hash: string) => `${root}/${key}?hash=${hash}`;

/**
 * The answer to a GET under /openapi/v3, or undefined for any other path. A document asked
 * for with an outdated hash redirects to the current one; with the current hash it may be
 * cached for good; an unknown group-version is a bare 404, as kube-apiserver answers.
 */
export function openApiV3(
  pathname: string,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
  registry: ResourceRegistry,
): OpenApiAnswer | undefined {
  if (pathname !== root && !pathname.startsWith(`${root}/`)) return undefined;
  const all = documents(registry);
  if (pathname === root) {
    const paths = Object.fromEntries(
      [...all].map(([key, { hash }]) => [key, { serverRelativeURL: documentUrl(key, hash) }]),
    );
    return json(200, noCache, JSON.stringify({ paths }));
  }
  const key = pathname.slice(root.length + 1);
  const document = all.get(key);
  if (document === undefined) return { status: 404, headers: { ...noCache, 'content-length': '0' }, body: '' };
  const etag = `"${document.hash}"`;
  const asked = query.get('hash');
  if (asked !== null && asked !== document.hash) {
    return { status: 301, headers: { ...noCache, etag, location: documentUrl(key, document.hash) }, body: '' };
  }
  const caching =
    asked === null
      ? noCache
      : { 'cache-control': 'public, immutable', expires: new Date(Date.now() + oneYear).toUTCString() };
  if (headers['if-none-match'] === etag) return { status: 304, headers: { ...caching, etag }, body: '' };
  return json(200, { ...caching, etag, vary: 'Accept' }, document.body);
}

const json = (status: number, headers: Record<string, string>, body: string): OpenApiAnswer => ({
  status,
  headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  body,
});
