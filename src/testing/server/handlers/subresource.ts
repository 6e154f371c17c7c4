// Requests to `<object>/status` and `<object>/scale` (get, update, patch) and to a
// Namespace's `/finalize` (update), as kube-apiserver serves them; any other method is
// refused with 405.
import type { IncomingMessage } from 'node:http';
import { methodNotAllowed, notFound, StatusError, unknownResource } from '../http/status.ts';
import { readBody } from '../http/read-body.ts';
import type { KubeObject } from '../../../core/object.ts';
import { checkFieldValidation } from '../openapi/field-validation.ts';
import { qualifiedResource, type ResourceType, isCustomResource } from '../resource-type.ts';
import { scaleType } from '../resources/scale.ts';
import { patch } from './patch.ts';
import type { PersistContext } from './persist.ts';
import { getObject } from './read.ts';
import { getScale, writeScale } from './scale.ts';
import { update } from './update.ts';
import { dryRunOf, managerOf, type WriteRequest } from './write-request.ts';

/** Whether `type` serves `subresource` (else kube-apiserver has no such route: 404). */
export function servesSubresource(type: ResourceType, subresource: string): boolean {
  if (subresource === 'status') return type.statusSubresource;
  if (subresource === 'scale') return type.scaleSubresource === true;
  if (subresource === 'finalize') return type.finalizeSubresource === true;
  return false;
}

/**
 * The answer to a subresource `type` does not serve: a built-in type has no such route
 * (404 for an unknown resource); apiextensions-apiserver answers that the object is not
 * found, whether it exists or not.
 */
export function unservedSubresource(type: ResourceType, name: string): StatusError {
  return isCustomResource(type) ? notFound(type, name) : unknownResource();
}

/** kube-apiserver's 405: generic for built-in types, naming the verb for custom resources. */
function notAllowed(type: ResourceType, method: string): StatusError {
  if (!isCustomResource(type)) return methodNotAllowed();
  const verb = method === 'POST' ? 'create' : method.toLowerCase();
  return new StatusError(
    405,
    `${verb} is not supported on resources of kind "${qualifiedResource(type)}"`,
    'MethodNotAllowed',
    { group: type.group, kind: type.plural },
  );
}

export interface SubresourceCall {
  readonly request: IncomingMessage;
  readonly query: URLSearchParams;
  readonly type: ResourceType;
  /** '' for cluster-scoped resources. */
  readonly namespace: string;
  readonly name: string;
  readonly subresource: 'status' | 'scale' | 'finalize';
  readonly verb: string | undefined;
  /** Adds a Warning header to the answer. */
  readonly warn?: (text: string) => void;
}

/** Serves a subresource that `servesSubresource` accepted; answers the code and object. */
export async function serveSubresource(
  context: PersistContext,
  call: SubresourceCall,
): Promise<{ status: number; object: KubeObject; type: ResourceType }> {
  const { type, namespace, name, subresource, verb, query, request } = call;
  // `/finalize` takes a PUT only.
  if (subresource === 'finalize' && verb !== 'update') throw notAllowed(type, request.method ?? 'GET');
  if (verb === 'get') {
    const object =
      subresource === 'scale'
        ? getScale(context, type, namespace, name)
        : getObject(context.store, type, namespace, name);
    return { status: 200, object, type: subresource === 'scale' ? scaleType : type };
  }
  if (verb !== 'update' && verb !== 'patch') throw notAllowed(type, request.method ?? 'GET');
  const bytes = await readBody(request);
  const writeRequest: WriteRequest & { name: string } = {
    type,
    namespace,
    name,
    query,
    headers: request.headers,
    body: bytes.toString('utf8'),
    bytes,
    contentType: request.headers['content-type'] ?? '',
    manager: managerOf(query, request.headers),
    dryRun: dryRunOf(query, verb),
    ...(call.warn !== undefined && { warn: call.warn }),
  };
  if (subresource === 'scale') {
    checkFieldValidation(context.store, { ...writeRequest, type: scaleType }, verb);
    return { ...writeScale(context, writeRequest, verb), type: scaleType };
  }
  checkFieldValidation(context.store, writeRequest, verb);
  const subresourceRequest = { ...writeRequest, subresource };
  const written = verb === 'update' ? update(context, subresourceRequest) : patch(context, subresourceRequest);
  return { ...written, type };
}
