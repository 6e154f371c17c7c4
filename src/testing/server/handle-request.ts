import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { ConnectionDrop } from './handlers/connection-drop.ts';
import { create } from './handlers/create.ts';
import { deleteObject } from './handlers/delete.ts';
import { deleteOptionsInBody } from './handlers/delete-options.ts';
import { deleteCollection, deleteCollectionOptions } from './handlers/delete-collection.ts';
import { aggregatedContentType, aggregatedDiscovery, wantsAggregated } from './handlers/aggregated-discovery.ts';
import { discoveryDocument } from './handlers/discovery.ts';
import type { FieldTracker } from './fields/field-tracker.ts';
import { patch, requirePatchType } from './handlers/patch.ts';
import { serveSubresource, servesSubresource, unservedSubresource } from './handlers/subresource.ts';
import { getObject, listObjects } from './handlers/read.ts';
import { update } from './handlers/update.ts';
import { watch } from './handlers/watch.ts';
import { checkWatchListOptions } from './handlers/watch-list-options.ts';
import { selectorOf } from './handlers/list-options.ts';
import { checkListIntegers, checkResourceVersion, watchRequested } from './handlers/query-options.ts';
import { dryRunOf, managerOf, type WriteRequest } from './handlers/write-request.ts';
import { bearerToken } from './http/bearer-token.ts';
import { requestInfoVerb } from './http/request-info-verb.ts';
import { goJson, goJsonIndented } from './go/go-json.ts';
import { readBody } from './http/read-body.ts';
import { holdContinue, keepAliveHeadersAsGo, settleUnreadBody } from './http/unread-body.ts';
import { writeAnswer, writeJson } from './http/write-answer.ts';
import { parseRequestUrl } from './http/request-url.ts';
import { route } from './http/route.ts';
import { methodNotAllowed, notFound, StatusError, unauthorized, unknownResource } from './http/status.ts';
import type { KubeObject } from '../../core/object.ts';
import type { ObjectStore } from './object-store.ts';
import { checkFieldValidation } from './openapi/field-validation.ts';
import { authorizationWarning, deleteWarning, warningHeader } from './warnings/request-warnings.ts';
import { openApiV3 } from './openapi/openapi-v3.ts';
import type { ResourceRegistry } from './registry.ts';
import { builtinTypes, namespaces as namespaceType } from './resources/builtin-types.ts';
import { applyHookBefore, type RequestHook, verbOf } from './request-hook.ts';
import { qualifiedResource, type ResourceType, isCustomResource } from './resource-type.ts';
import { responder, writeError } from './handlers/respond.ts';
import { dropAnswer, trickleAnswer } from './fault-answers.ts';
import { checkRestfulRoute } from './http/restful-route.ts';
import { ConvertingStore } from './resources/converting-store.ts';
import { ownVersionFields } from './resources/own-version-fields.ts';

// As Go's http.Error writes them.
const plainText = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
const jsonType = { 'Content-Type': 'application/json' };

export interface ServerState {
  readonly store: ObjectStore;
  readonly registry: ResourceRegistry;
  readonly fields: FieldTracker;
  readonly token: string;
  readonly hook: RequestHook | undefined;
  readonly address: () => string;
}

/** Serves one request; every failure becomes a Status, never a crash or a stack trace. */
export async function handleRequest(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  keepAliveHeadersAsGo(request, response);
  // kube-apiserver's handler chain marks every answer so (openapi answers set their own).
  response.setHeader('Cache-Control', 'no-cache, private');
  holdContinue(request, () => {
    response.writeContinue();
  });
  try {
    await serve(state, request, response);
  } catch (error) {
    if (response.headersSent || error instanceof ConnectionDrop) {
      response.destroy();
      return;
    }
    const status =
      error instanceof StatusError
        ? error
        : new StatusError(
            500,
            `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`,
            'InternalError',
            {},
          );
    await writeError(request, response, status);
  }
}

async function serve(state: ServerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = parseRequestUrl(request.url ?? '/');
  if (url === undefined) {
    // Go's HTTP server refuses such a target before any handler runs, and hangs up.
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    response.end('400 Bad Request');
    return;
  }
  const method = request.method ?? 'GET';
  if (['/healthz', '/readyz', '/livez'].includes(url.pathname)) {
    await writeAnswer(request, response, 200, plainText, 'ok');
    return;
  }
  const authWarning = authorizationWarning(request.headers.authorization);
  if (authWarning !== undefined) response.appendHeader('Warning', warningHeader(authWarning));
  authenticate(state, request, url);
  const target = route(url.pathname);
  if (target.kind === 'discovery' || !servesGroupVersion(state, target)) {
    await serveDocument(state, request, response, url);
    return;
  }
  if (target.kind === 'unknown') throw unknownResource();
  const type = state.registry.find(target.group, target.version, target.plural);
  if (!type || (target.namespace !== undefined && !type.namespaced)) throw unknownResource();
  if (target.subresource !== undefined && !servesSubresource(type, target.subresource)) {
    throw unservedSubresource(type, target.name ?? '');
  }
  const verb = verbOf(method, target.name !== undefined, watchRequested(url.searchParams));
  state = storeViewFor(state, type);
  if (state.hook) {
    const action = await state.hook({
      method,
      path: url.pathname,
      verb,
      resource: type.plural,
      namespace: target.namespace,
      name: target.name,
    });
    if (action && (await applyHookBefore(action, response))) return;
    if (action?.resetConnection === 'after') dropAnswer(response, action.holdMs ?? 0);
    else if (action?.slowBody) trickleAnswer(response, action.slowBody);
    await dispatch(state, { request, response, url, type, target, verb });
    return;
  }
  await dispatch(state, { request, response, url, type, target, verb });
}

/** Paths outside resources: OpenAPI, discovery (aggregated or legacy), /version, else a plain 404. */
async function serveDocument(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const method = request.method ?? 'GET';
  const openApi =
    method === 'GET' ? openApiV3(url.pathname, url.searchParams, request.headers, state.registry) : undefined;
  if (openApi) {
    await writeAnswer(request, response, openApi.status, openApi.headers, openApi.body);
    return;
  }
  const aggregated =
    method === 'GET' && wantsAggregated(request.headers.accept)
      ? aggregatedDiscovery(url.pathname, state.registry)
      : undefined;
  if (aggregated !== undefined) {
    await writeAnswer(request, response, 200, { 'Content-Type': aggregatedContentType }, goJson(aggregated));
    return;
  }
  const document = method === 'GET' ? discoveryDocument(url.pathname, state.registry, state.address()) : undefined;
  if (document === undefined) {
    await writeAnswer(request, response, 404, plainText, '404 page not found\n');
    return;
  }
  if (url.pathname.replace(/\/+$/, '') === '/version') {
    // Written with json.MarshalIndent: two-space indents, no newline at the end.
    await writeAnswer(request, response, 200, jsonType, goJsonIndented(document));
  } else await writeJson(request, response, 200, document);
}

interface Dispatch {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  readonly type: ResourceType;
  readonly target: { namespace: string | undefined; name: string | undefined; subresource: string | undefined };
  readonly verb: string | undefined;
}

async function dispatch(state: ServerState, call: Dispatch): Promise<void> {
  const { request, response, url, type, target, verb } = call;
  if (type.deprecationWarning !== undefined) response.appendHeader('Warning', warningHeader(type.deprecationWarning));
  if (!isCustomResource(type)) {
    checkRestfulRoute(request.method ?? 'GET', target.name === undefined, request.headers);
  }
  const query = url.searchParams;
  const namespace = type.namespaced ? target.namespace : '';
  const name = target.name;
  if (verb === 'list' || verb === 'watch') {
    await serveCollection(state, call, namespace);
    return;
  }
  if (namespace === undefined) throw unknownResource();
  const context = { store: state.store, fields: state.fields };
  if (
    verb === undefined &&
    request.method === 'DELETE' &&
    name === undefined &&
    type.verbs.includes('deletecollection')
  ) {
    const options = await deleteCollectionOptions(request, query);
    const warning = deleteWarning(type, options.options);
    if (warning !== undefined) response.appendHeader('Warning', warningHeader(warning));
    const deleted = deleteCollection(context, type, namespace, query, options);
    await responder(request, response, type, query, false).send(200, deleted);
    return;
  }
  const subresource = target.subresource as 'status' | 'scale' | 'finalize' | undefined;
  if (subresource !== undefined && name !== undefined) {
    const warn = (text: string) => response.appendHeader('Warning', warningHeader(text));
    const result = await serveSubresource(context, { request, query, type, namespace, name, subresource, verb, warn });
    await responder(request, response, result.type, query, false).send(result.status, result.object);
    return;
  }
  const answer = responder(request, response, type, query, false);
  if (verb === 'get' && name !== undefined) {
    checkResourceVersion(query, verb);
    await answer.send(200, getObject(state.store, type, namespace, name));
    return;
  }
  if (verb === undefined) throw methodNotAllowed();
  const { status, object } = await serveWrite(state, call, { namespace, verb });
  if (verb !== 'delete') {
    for (const warning of type.warningsOnWrite?.(object) ?? [])
      response.appendHeader('Warning', warningHeader(warning));
  }
  await answer.send(status, object);
}

/** A list or a watch of a collection (all namespaces when `namespace` is undefined). */
async function serveCollection(state: ServerState, call: Dispatch, namespace: string | undefined): Promise<void> {
  const { request, response, url, type, verb } = call;
  const query = url.searchParams;
  // Checked in kube-apiserver's order: the options' integers, the selectors, the
  // options' rules, the resourceVersion.
  checkListIntegers(query);
  selectorOf(type, query);
  const start = checkWatchListOptions(query, verb === 'watch');
  checkResourceVersion(query, verb === 'watch' ? 'watch' : 'list');
  const answer = responder(request, response, type, query, verb === 'watch');
  if (verb !== 'watch') {
    await answer.send(200, listObjects(state.store, type, namespace, query));
    return;
  }
  if (!(await settleUnreadBody(request))) response.setHeader('Connection', 'close');
  watch({ store: state.store, type, namespace }, query, start, answer);
}

/** create, update, patch or delete of one object: the body read, decoded and applied. */
async function serveWrite(
  state: ServerState,
  { request, response, url, type, target }: Dispatch,
  { namespace, verb }: { namespace: string; verb: string },
): Promise<{ status: number; object: KubeObject }> {
  const query = url.searchParams;
  const name = target.name;
  if (verb === 'patch') requirePatchType(request.headers['content-type'] ?? '');
  const bytes = await readBody(request);
  const body = bytes.toString('utf8');
  const bodyHasLength = request.headers['content-length'] !== undefined;
  const writeRequest: WriteRequest = {
    type,
    namespace,
    name,
    query,
    headers: request.headers,
    body,
    bytes,
    contentType: request.headers['content-type'] ?? '',
    manager: managerOf(query, request.headers),
    // A DELETE's options come from its body when it has one; the query is then not read.
    dryRun:
      verb === 'delete' && deleteOptionsInBody(bodyHasLength, body)
        ? false
        : dryRunOf(query, verb as 'create' | 'update' | 'patch' | 'delete'),
    warn: (text) => response.appendHeader('Warning', warningHeader(text)),
  };
  checkFieldValidation(state.store, writeRequest, verb);
  const context = { store: state.store, fields: state.fields };
  if (verb === 'create') {
    requireNamespace(state, type, namespace);
    return create(context, writeRequest);
  }
  if (name === undefined) throw methodNotAllowed();
  if (verb === 'update') return update(context, { ...writeRequest, name });
  if (verb === 'patch') return patch(context, { ...writeRequest, name });
  return deleteObject(context, { ...writeRequest, name, bodyHasLength });
}

/**
 * A group-version nobody serves is left to kube-apiserver's catch-all (a plain 404), like
 * discovery misses; so is an unknown resource of a group of custom resources, which
 * apiextensions' handler passes on to that catch-all.
 */
function servesGroupVersion(state: ServerState, target: ReturnType<typeof route>): boolean {
  if (target.kind !== 'resource' || target.group === '') return true;
  const types = state.registry.all().filter((type) => type.group === target.group && type.version === target.version);
  if (types.length > 0 && types.every(isCustomResource)) return types.some((type) => type.plural === target.plural);
  return types.length > 0;
}

/** `group/plural` of the resources another built-in resource's objects are stored as (`/events`). */
const cohabitedResources = new Set(
  builtinTypes.flatMap((type) => (type.cohabitation ? [type.cohabitation.stored] : [])),
);

/**
 * The state whose store serves `type`'s objects: another resource's, converted, when
 * they cohabit; writes of either record the field managers of their own version only.
 */
function storeViewFor(state: ServerState, type: ResourceType): ServerState {
  if (!type.cohabitation && !cohabitedResources.has(`${type.group}/${type.plural}`)) return state;
  const fields = ownVersionFields(state.fields);
  return type.cohabitation
    ? { ...state, fields, store: new ConvertingStore(state.store, type.cohabitation) }
    : { ...state, fields };
}

/** A namespaced object can only be created in a namespace that exists. */
function requireNamespace(state: ServerState, type: ResourceType, namespace: string): void {
  if (!type.namespaced) return;
  if (!state.store.get(`${namespaceType.group}/${namespaceType.plural}`, '', namespace)) {
    throw notFound(namespaceType, namespace);
  }
}

/** No credentials is the anonymous user (403, as RBAC answers it), a wrong token 401. */
function authenticate(state: ServerState, request: IncomingMessage, url: URL): void {
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) {
    const target = route(url.pathname);
    const resource =
      target.kind === 'resource' ? state.registry.find(target.group, target.version, target.plural) : undefined;
    throw forbiddenForAnonymous(request.method ?? 'GET', url, resource, target);
  }
  const expected = Buffer.from(state.token);
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized();
}

function forbiddenForAnonymous(
  method: string,
  url: URL,
  type: ResourceType | undefined,
  target: ReturnType<typeof route>,
): StatusError {
  const user = 'User "system:anonymous"';
  if (!type || target.kind !== 'resource') {
    return new StatusError(
      403,
      `forbidden: ${user} cannot ${method.toLowerCase()} path "${url.pathname}"`,
      'Forbidden',
      {},
    );
  }
  const verb = requestInfoVerb(method, target.name !== undefined, watchRequested(url.searchParams));
  const group = type.group === '' ? '""' : `"${type.group}"`;
  const where = target.namespace === undefined ? 'at the cluster scope' : `in the namespace "${target.namespace}"`;
  const subject = target.name === undefined ? qualifiedResource(type) : `${qualifiedResource(type)} "${target.name}"`;
  return new StatusError(
    403,
    `${subject} is forbidden: ${user} cannot ${verb} resource "${resourceOf(type, target.subresource)}" in API group ${group} ${where}`,
    'Forbidden',
    {
      ...(target.name !== undefined && { name: target.name }),
      ...(type.group !== '' && { group: type.group }),
      kind: type.plural,
    },
  );
}

/** How RBAC names a resource: `deployments`, `deployments/status`. */
const resourceOf = (type: ResourceType, subresource: string | undefined) =>
  subresource === undefined ? type.plural : `${type.plural}/${subresource}`;
