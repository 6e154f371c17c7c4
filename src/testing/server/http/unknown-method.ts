import { IncomingMessage, type RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Node's HTTP parser refuses a method it does not know (`FOO`) before any handler runs,
 * where Go's server hands it to kube-apiserver, which answers it as any request (403 for
 * the anonymous user, 405 on a resource, 404 elsewhere). So such a request is rebuilt
 * from its head and served by `handler`; the parser cannot go on after it, so the answer
 * says `Connection: close`. Any other client error gets Node's own answer.
 */
export function serveClientError(error: Error, socket: Duplex, handler: RequestListener): void {
  const raw = (error as { code?: string; rawPacket?: Buffer }).rawPacket;
  const head = (error as { code?: string }).code === 'HPE_INVALID_METHOD' ? requestHead(raw) : undefined;
  if (head === undefined || !socket.writable) {
    nodeDefaultAnswer(error, socket);
    return;
  }
  const connection = socket as Socket;
  const request = new IncomingMessage(connection);
  request.method = head.method;
  request.url = head.target;
  request.httpVersionMajor = 1;
  request.httpVersionMinor = 1;
  request.httpVersion = '1.1';
  request.headers = { ...head.headers, connection: 'close' };
  request.complete = true;
  request.push(null);
  const response = new ServerResponse(request);
  response.shouldKeepAlive = false;
  response.assignSocket(connection);
  response.on('finish', () => {
    response.detachSocket(connection);
    socket.end();
  });
  handler(request, response);
}

interface RequestHead {
  readonly method: string;
  readonly target: string;
  readonly headers: Record<string, string>;
}

/** The request line and headers of a whole head in `raw`, or undefined. */
function requestHead(raw: Buffer | undefined): RequestHead | undefined {
  const text = raw?.toString('latin1') ?? '';
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [requestLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const [method, target, version] = requestLine.split(' ');
  if (method === undefined || target === undefined || version !== 'HTTP/1.1' || !/^[!#-'*+.^-`|~\w]+$/.test(method)) {
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { method, target, headers };
}

/** What Node's server answers a client error with when nobody listens for it. */
function nodeDefaultAnswer(error: Error, socket: Duplex): void {
  const code = (error as { code?: string }).code;
  const status =
    code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
        ? '413 Payload Too Large'
        : code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
  if (socket.writable) socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  socket.destroy(error);
}
