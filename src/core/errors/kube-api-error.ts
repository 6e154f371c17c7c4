import { classifyFailure, type KubeErrorKind } from './classify.ts';
import { type ApiFailure, findApiFailure, retryAfterHeader } from './extract.ts';
import { type Status, type StatusDetails, statusFromBody } from './status.ts';

/** The request an error answered, when the caller knows it; used in messages. */
export interface RequestInfo {
  /** HTTP method or Kubernetes verb: `GET`, `PUT`, `update`, ... */
  readonly verb: string;
  /** Plural resource, qualified by group when there is one: `deployments.apps`. */
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
}

/**
 * A Kubernetes API error with what a person needs to act on it: the classification,
 * HTTP code, reason, the server's message and details, Retry-After, and the request.
 * The original thrown value is kept as `cause`.
 *
 * @example
 * try { await update(); } catch (e) {
 *   const apiError = KubeApiError.from(e, { verb: 'PUT', resource: 'deployments.apps', namespace, name });
 *   if (apiError?.kind === 'Forbidden') console.error(apiError.message);
 * }
 */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  readonly kind: KubeErrorKind;
  /** HTTP status code (0 when unknown). */
  readonly code: number;
  /** Status reason such as `Conflict`; empty when the server gave none. */
  readonly reason: string;
  /** The server's own message, unchanged. */
  readonly serverMessage: string;
  readonly details: StatusDetails | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** The whole Status body, when the server sent one. */
  readonly status: Status | undefined;
  readonly request: RequestInfo | undefined;

  constructor(failure: ApiFailure, options: { request?: RequestInfo; cause?: unknown } = {}) {
    const kind = classifyFailure(failure);
    const reason = failure.status?.reason ?? '';
    const serverMessage = failure.status?.message ?? '';
    super(describe(failure.code, reason, kind, serverMessage, options.request), { cause: options.cause });
    this.kind = kind;
    this.code = failure.code;
    this.reason = reason;
    this.serverMessage = serverMessage;
    this.details = failure.status?.details;
    this.retryAfterSeconds = failure.retryAfterSeconds;
    this.status = failure.status;
    this.request = options.request;
  }

  /**
   * The API error inside any thrown value (client-node `ApiException`, plain objects,
   * raw Status, `Error.cause` chains), or `undefined` when there is none. Never throws.
   */
  static from(error: unknown, request?: RequestInfo): KubeApiError | undefined {
    if (error instanceof KubeApiError && request === undefined) return error;
    try {
      const failure = findApiFailure(error);
      return failure && new KubeApiError(failure, { request: request ?? requestOf(error), cause: error });
    } catch {
      return undefined;
    }
  }

  /** Reads a fetch `Response` (or anything with `status`, `headers` and `text()`) that failed. */
  static async fromResponse(
    response: { status: number; headers: unknown; text(): Promise<string> },
    request?: RequestInfo,
  ): Promise<KubeApiError> {
    const body = await response.text().catch(() => '');
    const status = statusFromBody(body);
    const fromDetails = status?.details?.retryAfterSeconds;
    const retryAfterSeconds =
      retryAfterHeader(response.headers) ?? (fromDetails && fromDetails > 0 ? fromDetails : undefined);
    const failure = { code: response.status, status, retryAfterSeconds };
    return new KubeApiError(failure, { ...(request && { request }), cause: response });
  }
}

function requestOf(error: unknown): RequestInfo | undefined {
  return error instanceof KubeApiError ? error.request : undefined;
}

function describe(code: number, reason: string, kind: KubeErrorKind, message: string, request?: RequestInfo): string {
  const head = code === 0 ? reason || kind : `${String(code)} ${reason || kind}`;
  const target = request ? ` on ${request.verb} ${request.resource}${objectOf(request)}` : '';
  return `${head}${target}: ${message || '(the server sent no Status message)'}`;
}

function objectOf({ namespace, name }: RequestInfo): string {
  if (name === undefined) return namespace === undefined ? '' : ` in namespace ${namespace}`;
  return namespace === undefined ? ` ${name}` : ` ${namespace}/${name}`;
}
