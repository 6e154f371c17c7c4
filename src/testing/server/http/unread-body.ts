import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How much of an unread request body Go's HTTP server reads and throws away after the
 * handler has answered, so that the connection can serve the next request
 * (net/http's maxPostHandlerReadBytes). A longer rest closes the connection instead.
 */
export const discardLimitBytes = 256 * 1024;

const consumedBytes = new WeakMap<IncomingMessage, number>();
const pendingContinues = new WeakMap<IncomingMessage, () => void>();

/**
 * A request that says `Expect: 100-continue` gets its `100 Continue` only when the
 * handler starts to read the body, as from Go's server: `send` writes it.
 */
export function holdContinue(request: IncomingMessage, send: () => void): void {
  if (expectsContinue(request)) pendingContinues.set(request, send);
}

/** Sends the held `100 Continue`, once, as the handler starts to read the body. */
export function releaseContinue(request: IncomingMessage): void {
  const send = pendingContinues.get(request);
  pendingContinues.delete(request);
  send?.();
}

const expectsContinue = (request: IncomingMessage) => request.headers.expect?.toLowerCase() === '100-continue';

/** Records that the handler read `bytes` of the body (and left the rest unread). */
export function noteConsumed(request: IncomingMessage, bytes: number): void {
  consumedBytes.set(request, bytes);
}

/**
 * Before answering, deals with the part of the body the handler left unread, as Go's
 * server does: a rest shorter than 256 KiB is read and discarded and the connection stays
 * open; a longer one (known from Content-Length, or met while discarding a chunked body)
 * is left on the wire and the answer says `Connection: close`, as does a body never
 * asked for with `100 Continue`. Resolves true when the connection can be kept.
 */
export async function settleUnreadBody(request: IncomingMessage): Promise<boolean> {
  if (request.readableEnded || !hasBody(request)) return true;
  // The client may still be waiting to send the body: Go closes rather than wait for it.
  if (request.destroyed || pendingContinues.has(request)) return false;
  const length = Number(request.headers['content-length']);
  const consumed = consumedBytes.get(request) ?? 0;
  if (Number.isSafeInteger(length) && length - consumed >= discardLimitBytes) return false;
  return discard(request, discardLimitBytes);
}

/** A body is framed by Content-Length (not 0) or Transfer-Encoding. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Reads and drops the rest of the body; true when it ends within `budget` bytes. */
function discard(request: IncomingMessage, budget: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = 0;
    const done = (kept: boolean) => {
      request.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onFail);
      if (!kept) request.pause();
      resolve(kept);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen >= budget) done(false);
    };
    const onEnd = () => {
      done(true);
    };
    const onFail = () => {
      done(false);
    };
    request.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onFail);
    request.resume();
  });
}

/**
 * The Connection header as Go's server writes it, where Node's differs: none on a kept
 * HTTP/1.1 connection or a closed HTTP/1.0 one (Node writes `keep-alive` with a
 * `Keep-Alive` header, or `close`), and `keep-alive` alone when an HTTP/1.0 client asks
 * to keep it. A request saying `Connection: close` gets `Connection: close` from both.
 */
export function keepAliveHeadersAsGo(request: IncomingMessage, response: ServerResponse): void {
  const asked = request.headers.connection?.toLowerCase() ?? '';
  if (request.httpVersion === '1.0' && asked.includes('keep-alive')) response.setHeader('Connection', 'keep-alive');
  else if (!asked.includes('close')) response.removeHeader('connection');
}
