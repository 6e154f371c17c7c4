import { request, type RequestOptions } from 'node:https';

/** One HTTP exchange, as sent and as answered, with nothing interpreted. */
export interface RawRequest {
  /** Any method Node's HTTP parser knows (OPTIONS, PROPFIND, …), not only the API's. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'PROPFIND';
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes (protobuf) as they are. */
  readonly body?: unknown;
}

export interface RawResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly retryAfter: string | undefined;
  /** The `Warning` headers, in the order sent. */
  readonly warnings: readonly string[];
  readonly text: string;
  /** The body's bytes, for binary answers (protobuf). */
  readonly bytes: Buffer;
  /** The parsed body when it is JSON. */
  readonly json: unknown;
}

/**
 * Sends `req` to `baseUrl` with `tls` (CA and credentials), no client logic in between.
 * `onHeaders` is called once the status line and headers are in (a watch is then registered).
 */
export function send(
  baseUrl: string,
  tls: RequestOptions,
  req: RawRequest,
  onHeaders?: () => void,
): Promise<RawResponse> {
  const body =
    req.body === undefined || typeof req.body === 'string' || req.body instanceof Uint8Array
      ? req.body
      : JSON.stringify(req.body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    // An explicit length: kube-apiserver ignores a chunked DELETE body (its DeleteOptions).
    ...(body !== undefined && {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    }),
    ...req.headers,
  };
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL(req.path, baseUrl),
      { ...tls, method: req.method, headers, agent: false },
      (res) => {
        onHeaders?.();
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            retryAfter: res.headers['retry-after'],
            warnings: res.headersDistinct.warning ?? [],
            text,
            bytes,
            json,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
