/** A Kubernetes `meta/v1` Status, the body of every API error. */
export interface Status {
  readonly kind: 'Status';
  readonly apiVersion?: string;
  readonly metadata?: Record<string, unknown>;
  readonly status?: string;
  readonly message?: string;
  /** Machine-readable cause, such as `Conflict`; absent on some errors. */
  readonly reason?: string;
  readonly details?: StatusDetails;
  readonly code?: number;
}

/** `Status.details`: which object, and why. `kind` is usually the plural resource name. */
export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly uid?: string;
  readonly causes?: readonly StatusCause[];
  readonly retryAfterSeconds?: number;
}

export interface StatusCause {
  readonly reason?: string;
  readonly message?: string;
  readonly field?: string;
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status';
}

/** Parses a body that may be a Status as JSON text or as an object already. */
export function statusFromBody(body: unknown): Status | undefined {
  if (isStatus(body)) return body;
  if (typeof body === 'string' && body.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return isStatus(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  if (body instanceof Uint8Array) return statusFromBody(new TextDecoder().decode(body));
  return undefined;
}
