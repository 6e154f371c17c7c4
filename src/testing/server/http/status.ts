import { kindGroup, qualifiedKind, qualifiedResource, type ResourceType } from '../resource-type.ts';
import { goQuote } from '../go/go-quote.ts';

/** A Kubernetes Status error, ready to be written as the response. */
export class StatusError extends Error {
  readonly code: number;
  readonly body: Record<string, unknown>;

  constructor(code: number, message: string, reason?: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    // Keys in the order kube-apiserver writes them; absent ones stay absent.
    this.body = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      ...(reason !== undefined && { reason }),
      ...(details !== undefined && { details }),
      code,
    };
  }
}

export interface Cause {
  readonly reason: string;
  readonly message: string;
  readonly field: string;
}

const objectDetails = (type: ResourceType, name: string | undefined, kind = type.plural, group = type.group) => ({
  ...(name !== undefined && name !== '' && { name }),
  ...(group !== '' && { group }),
  kind,
});

export const notFound = (type: ResourceType, name: string) =>
  new StatusError(404, `${qualifiedResource(type)} "${name}" not found`, 'NotFound', objectDetails(type, name));

export const unknownResource = () =>
  new StatusError(404, 'the server could not find the requested resource', 'NotFound', {});

export const alreadyExists = (type: ResourceType, name: string) =>
  new StatusError(
    409,
    `${qualifiedResource(type)} "${name}" already exists`,
    'AlreadyExists',
    objectDetails(type, name),
  );

export const staleWrite = (type: ResourceType, name: string) =>
  new StatusError(
    409,
    `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    'Conflict',
    objectDetails(type, name),
  );

export const preconditionMismatch = (type: ResourceType, name: string, expected: string, actual: string) =>
  new StatusError(
    409,
    `Operation cannot be fulfilled on ${qualifiedKind(type)} "${name}": the ResourceVersion in the precondition (${expected}) does not match the ResourceVersion in record (${actual}). The object might have been modified`,
    'Conflict',
    objectDetails(type, name, type.kind),
  );

export const uidPreconditionMismatch = (type: ResourceType, name: string, expected: string, actual: string) =>
  new StatusError(
    409,
    `Operation cannot be fulfilled on ${qualifiedKind(type)} "${name}": the UID in the precondition (${expected}) does not match the UID in record (${actual}). The object might have been deleted and then recreated`,
    'Conflict',
    objectDetails(type, name, type.kind),
  );

/** 422 naming the object by kind (`Deployment.apps "x" is invalid: ...`), as validation does. */
export const invalid = (
  type: ResourceType,
  name: string,
  causes: readonly Cause[],
  naming: 'kind' | 'resource' = 'kind',
) =>
  new StatusError(
    422,
    `${naming === 'kind' ? qualifiedKind(type) : qualifiedResource(type)} "${name}" is invalid: ${joinCauses(causes)}`,
    'Invalid',
    {
      ...(naming === 'kind'
        ? objectDetails(type, name, type.kind, kindGroup(type))
        : objectDetails(type, name, type.plural)),
      causes,
    },
  );

/** 422 about the request's options (PatchOptions, DeleteOptions), not the object. */
export const invalidOptions = (options: string, causes: readonly Cause[]) =>
  new StatusError(422, `${options}.meta.k8s.io "" is invalid: ${joinCauses(causes)}`, 'Invalid', {
    group: 'meta.k8s.io',
    kind: options,
    causes,
  });

/**
 * 422 for a patch whose result kube-apiserver cannot decode: `shown` is the patch or the
 * patched object as it prints them, `error` the decoder's complaint.
 */
export function invalidPatch(shown: string, error: string): StatusError {
  const detail = `Invalid value: ${goQuote(shown)}: ${error}`;
  return new StatusError(422, ` "" is invalid: patch: ${detail}`, 'Invalid', {
    causes: [{ reason: 'FieldValueInvalid', message: detail, field: 'patch' }],
  });
}

export const badRequest = (message: string) => new StatusError(400, message, 'BadRequest');

/** kube-apiserver's 415 for a body in a format its decoder does not read, naming those it does. */
export const unknownBodyFormat = (accepted: readonly string[]) =>
  new StatusError(
    415,
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    'UnsupportedMediaType',
  );

export const unsupportedMediaType = () =>
  new StatusError(415, '415: Unsupported Media Type', 'UnsupportedMediaType', {});

export const methodNotAllowed = () =>
  new StatusError(405, 'the server does not allow this method on the requested resource', 'MethodNotAllowed', {});

export const unauthorized = () => new StatusError(401, 'Unauthorized', 'Unauthorized');

export const internalError = (message: string) => new StatusError(500, message);

/** The message of a field.ErrorList's aggregate: each distinct error once, in order. */
function joinCauses(causes: readonly Cause[]): string {
  const each = [...new Set(causes.map((cause) => `${cause.field}: ${cause.message}`))];
  return each.length === 1 ? (each[0] ?? '') : `[${each.join(', ')}]`;
}
