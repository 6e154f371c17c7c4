import { badRequest, notFound } from '../http/status.ts';
import type { KubeObject } from '../../../core/object.ts';
import type { ObjectStore } from '../object-store.ts';
import { groupVersion, type ResourceType } from '../resource-type.ts';
import { selectorOf } from './list-options.ts';

/** GET of one object. */
export function getObject(store: ObjectStore, type: ResourceType, namespace: string, name: string): KubeObject {
  const object = store.get(`${type.group}/${type.plural}`, namespace, name);
  if (!object) throw notFound(type, name);
  return object;
}

/**
 * GET of a collection, in one namespace or all (`namespace` undefined), filtered by
 * labelSelector and fieldSelector, paged by `limit` and `continue`. Served from the
 * latest state whatever resourceVersion asks for, which every consistent read satisfies.
 */
export function listObjects(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
): KubeObject {
  const matches = selectorOf(type, query);
  const all = store.list(`${type.group}/${type.plural}`, namespace).filter(matches);
  const start = decodeContinue(query.get('continue'));
  const limit = Number(query.get('limit') ?? '0');
  const page = limit > 0 ? all.slice(start, start + limit) : all.slice(start);
  const next = start + page.length;
  // Built-in lists are typed: items without kind and apiVersion, no empty continue.
  const builtin = !type.group.includes('.') || type.group.endsWith('.k8s.io');
  return {
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type),
    metadata: {
      resourceVersion: String(store.revision),
      ...(next < all.length
        ? { continue: encodeContinue(next), remainingItemCount: all.length - next }
        : !builtin && { continue: '' }),
    },
    items: builtin ? page.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest) : page,
  };
}

function encodeContinue(index: number): string {
  return Buffer.from(JSON.stringify({ v: 'kubeconflict/1', start: index })).toString('base64url');
}

function decodeContinue(token: string | null): number {
  if (token === null || token === '') return 0;
  try {
    const { start } = JSON.parse(Buffer.from(token, 'base64url').toString()) as { start?: unknown };
    if (typeof start === 'number' && Number.isInteger(start) && start >= 0) return start;
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}
