import type { IncomingMessage } from 'node:http';
import { StatusError } from './status.ts';
import { noteConsumed, releaseContinue } from './unread-body.ts';

/** kube-apiserver's limit on a request body (3 MiB). */
export const maxBodyBytes = 3 * 1024 * 1024;

/**
 * Reads the whole body, refusing more than `limit` bytes with 413 as the real server
 * does. Like kube-apiserver it reads one byte past the limit and leaves the rest on the
 * wire, for the answer to discard or to close the connection over (unread-body.ts).
 */
export function readBody(request: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
  releaseContinue(request);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      if (size + chunk.length <= limit) {
        chunks.push(chunk);
        size += chunk.length;
        return;
      }
      const taken = limit + 1 - size;
      request.off('data', onData).off('end', onEnd).off('error', reject);
      request.pause();
      if (taken < chunk.length) request.unshift(chunk.subarray(taken));
      noteConsumed(request, limit + 1);
      reject(new StatusError(413, `Request entity too large: limit is ${String(limit)}`, 'RequestEntityTooLarge'));
    };
    const onEnd = () => {
      resolve(Buffer.concat(chunks));
    };
    request.on('data', onData).on('end', onEnd).on('error', reject);
  });
}
