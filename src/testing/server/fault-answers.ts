// Faults that act on the answer once the request is served (after a write commits): the
// hook's `resetConnection: 'after'` and `slowBody`, as faults.ts injects them.
import type { ServerResponse } from 'node:http';

/**
 * The request is served (a write commits) but its answer never leaves: the connection
 * drops instead, after `holdMs` of silence.
 */
export function dropAnswer(response: ServerResponse, holdMs: number): void {
  response.writeHead = () => response;
  response.end = () => {
    if (holdMs > 0) setTimeout(() => response.destroy(), holdMs).unref();
    else response.destroy();
    return response;
  };
}

/** The answer leaves in pieces with pauses between them, as from a slow or far server. */
export function trickleAnswer(
  response: ServerResponse,
  { pieces, intervalMs }: { pieces: number; intervalMs: number },
): void {
  const end = response.end.bind(response);
  response.end = ((body?: string) => {
    const text = Buffer.from(body ?? '');
    const size = Math.ceil(text.length / Math.max(1, pieces));
    const send = (offset: number) => {
      if (response.destroyed) return;
      if (offset + size >= text.length) {
        end(text.subarray(offset));
        return;
      }
      response.write(text.subarray(offset, offset + size));
      setTimeout(() => {
        send(offset + size);
      }, intervalMs).unref();
    };
    send(0);
    return response;
  }) as ServerResponse['end'];
}
