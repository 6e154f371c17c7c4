import type { IncomingMessage } from 'node:http';
import { StatusError } from './status.ts';

/** kube-apiserver's limit on a request body (3 MiB). */
export const maxBodyBytes = 3 * 1024 * 1024;

/** Reads the whole body, refusing more than `limit` bytes with 413 as the real server does. */
export async function readBody(request: IncomingMessage, limit = maxBodyBytes): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      request.resume();
      throw new StatusError(413, 'Request entity too large: limit is 3145728', 'RequestEntityTooLarge');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
