import { request, type RequestOptions } from 'node:https';

/** One HTTP exchange with bytes in and out, for bodies that are not text (protobuf). */
export interface BinaryResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
}

/** Sends `method path` to `baseUrl` with `tls`, the headers given and an optional byte body. */
export function sendBytes(
  baseUrl: string,
  tls: RequestOptions,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Uint8Array,
): Promise<BinaryResponse> {
  const allHeaders = { ...headers, ...(body && { 'content-length': String(body.length) }) };
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(path, baseUrl), { ...tls, method, headers: allHeaders, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          body: new Uint8Array(Buffer.concat(chunks)),
        });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
