import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CertificateAuthority } from '../tls/certificate-authority.ts';
import { serveClientError } from './http/unknown-method.ts';

/** kube-apiserver's limit on request headers (Go's MaxHeaderBytes); Node's default is 16 KiB. */
const maxHeaderBytes = 1024 * 1024;

/** A Node HTTP(S) server for the embedded API server, and the PEM of its CA when it serves TLS. */
export interface ApiHttpServer {
  readonly server: Server;
  readonly caPem: string | undefined;
}

/**
 * An HTTPS server with a CA of its own (or plain HTTP without `useTls`) that hands every
 * request, `Expect: 100-continue` and malformed ones included, to `handler`; not yet listening.
 */
export async function createApiHttpServer(
  useTls: boolean,
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<ApiHttpServer> {
  let caPem: string | undefined;
  let server: Server;
  if (useTls) {
    const ca = await CertificateAuthority.create('kubeconflict embedded server CA');
    const serving = await ca.issue({
      kind: 'server',
      commonName: 'kubeconflict',
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1'],
    });
    caPem = ca.certificatePem;
    server = createHttpsServer(
      { cert: serving.certificatePem, key: serving.privateKeyPem, maxHeaderSize: maxHeaderBytes },
      handler,
    );
  } else {
    server = createHttpServer({ maxHeaderSize: maxHeaderBytes }, handler);
  }
  // `Expect: 100-continue` is answered by the handler, when it reads the body, not at once.
  server.on('checkContinue', handler);
  server.on('clientError', (error, socket) => {
    serveClientError(error, socket, handler);
  });
  // kube-apiserver keeps idle connections 90 s; Node's 5 s default would close kept
  // connections under clients that pause (forked lab workers waiting for their release).
  server.keepAliveTimeout = 90_000;
  return { server, caPem };
}

/** Listens on `host`:`port`; resolves with the address bound, `host:port` (`[::1]:port` for IPv6). */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  server.listen(port, host);
  await once(server, 'listening');
  const { port: boundPort } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return `${hostInUrl}:${String(boundPort)}`;
}

/** Closes `server` and every connection it holds, watches included. */
export async function closeServer(server: Server): Promise<void> {
  const closed = once(server, 'close');
  server.close();
  server.closeAllConnections();
  await closed;
}
