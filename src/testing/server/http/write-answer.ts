import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { goJson } from '../go/go-json.ts';
import { settleUnreadBody } from './unread-body.ts';

/**
 * Writes a whole answer once the unread rest of the request body is dealt with as Go's
 * server does: discarded, or left with `Connection: close` so that the kept-alive
 * connection is never poisoned by body bytes read as the next request.
 */
export async function writeAnswer(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string | Uint8Array,
): Promise<void> {
  const keepAlive = await settleUnreadBody(request);
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, {
    ...headers,
    'Content-Length': Buffer.byteLength(body),
    ...(!keepAlive && { Connection: 'close' }),
  });
  response.end(body);
}

/** A JSON answer, written as Go's json.Encoder writes it (kube-apiserver's bytes). */
export function writeJson(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  value: unknown,
): Promise<void> {
  return writeAnswer(request, response, status, { 'Content-Type': 'application/json' }, goJson(value));
}
