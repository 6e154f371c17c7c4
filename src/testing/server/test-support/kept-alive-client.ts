// A client with one kept-alive connection, as client-go and @kubernetes/client-node keep
// theirs: a connection left unusable by an answer shows up as the next request hanging
// (failed by a deadline) or reset.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { TestServer } from '../start-test-server.ts';

export interface KeptAliveAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The connection the answer came over, to tell a reused one from a new one. */
  readonly socket: Socket;
}

export interface KeptAliveRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Send the body chunked, in 64 KiB writes, without Content-Length. */
  readonly chunked?: boolean;
  /** Say `Expect: 100-continue` and send the body only once the server says `100 Continue`. */
  readonly expectContinue?: boolean;
}

export interface KeptAliveClient {
  send(request: KeptAliveRequest): Promise<KeptAliveAnswer>;
  close(): void;
}

/** How long one request may take before it counts as hung. */
export const keptAliveDeadlineMs = 10_000;

/** A client of `server` over a single kept-alive socket, with the server's token. */
export function keptAliveClient(server: TestServer): KeptAliveClient {
  const tls = server.url.startsWith('https:');
  const options = { keepAlive: true, maxSockets: 1 };
  const agent = tls ? new HttpsAgent({ ...options, ca: server.caPem }) : new HttpAgent(options);
  const request = tls ? httpsRequest : httpRequest;
  return {
    close: () => {
      agent.destroy();
    },
    send: (sent) =>
      new Promise((resolve, reject) => {
        const headers: Record<string, string> = {
          authorization: `Bearer ${server.token}`,
          ...(sent.body !== undefined &&
            (sent.chunked
              ? { 'transfer-encoding': 'chunked' }
              : { 'content-length': String(Buffer.byteLength(sent.body)) })),
          ...(sent.expectContinue && { expect: '100-continue' }),
          ...sent.headers,
        };
        const outgoing = request(
          new URL(sent.path, server.url),
          { method: sent.method, headers, agent },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              clearTimeout(deadline);
              const text = Buffer.concat(chunks).toString('utf8');
              resolve({ status: response.statusCode ?? 0, headers: response.headers, text, socket: response.socket });
            });
          },
        );
        const deadline = setTimeout(() => {
          outgoing.destroy();
          reject(new Error(`no answer within ${String(keptAliveDeadlineMs)} ms: ${sent.method} ${sent.path}`));
        }, keptAliveDeadlineMs);
        outgoing.on('error', (error) => {
          clearTimeout(deadline);
          reject(error);
        });
        if (sent.expectContinue) {
          outgoing.flushHeaders();
          outgoing.on('continue', () => {
            writeBody(outgoing, sent);
          });
        } else writeBody(outgoing, sent);
      }),
  };
}

function writeBody(outgoing: ReturnType<typeof httpRequest>, sent: KeptAliveRequest): void {
  if (sent.body === undefined || !sent.chunked) {
    outgoing.end(sent.body);
    return;
  }
  const bytes = Buffer.from(sent.body);
  for (let start = 0; start < bytes.length; start += 64 * 1024)
    outgoing.write(bytes.subarray(start, start + 64 * 1024));
  outgoing.end();
}
