import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { Backoff } from '../../core/backoff.ts';
import { onError } from '../../core/retry.ts';
import type { ManagedProcess } from './managed-process.ts';

/** Answers a GET with status and body; never throws for HTTP errors. */
export function get(
  url: string,
  tls: RequestOptions = {},
  timeoutMs = 2_000,
): Promise<{ status: number; body: string }> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { ...tls, method: 'GET', timeout: timeoutMs, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${String(timeoutMs)} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Polls every 100 ms; the deadline, not a count, ends it (client-go's idiom: huge Steps). */
const readyPoll = new Backoff({ duration: 100, steps: Number.MAX_SAFE_INTEGER });

/** An answer other than 200, or none: worth asking again until the deadline. */
class NotReady extends Error {}

/**
 * Polls `url` every 100 ms until it answers 200, racing the processes' exits and a
 * timeout, so that a crash at start-up is reported as a crash (with its log) and not as
 * a timeout.
 */
export async function waitUntilReady(options: {
  url: string;
  tls?: RequestOptions;
  processes: readonly ManagedProcess[];
  timeoutMs: number;
  what: string;
}): Promise<void> {
  const { url, tls, processes, timeoutMs, what } = options;
  const poll = async () => {
    throwIfExited(processes);
    let answer: { status: number; body: string };
    try {
      answer = await get(url, tls, 1_000);
    } catch (error) {
      throw new NotReady(error instanceof Error ? error.message : String(error));
    }
    if (answer.status !== 200) throw new NotReady(`HTTP ${String(answer.status)}: ${answer.body.slice(0, 300)}`);
  };
  try {
    await onError(readyPoll, (error) => error instanceof NotReady, poll, { timeout: timeoutMs });
  } catch (error) {
    if (!(error instanceof NotReady)) throw error;
    const logs = processes.map((p) => `--- ${p.name} (${p.logPath}):\n${p.logTail(20)}`).join('\n');
    throw new Error(`${what} was not ready within ${String(timeoutMs)} ms (${url}: ${error.message})\n${logs}`, {
      cause: error,
    });
  }
}

function throwIfExited(processes: readonly ManagedProcess[]): void {
  for (const process of processes) {
    if (!process.running) {
      const cause = process.spawnError ? `could not start: ${process.spawnError.message}` : 'exited during start-up';
      throw new Error(`${process.name} ${cause}. Last lines of ${process.logPath}:\n${process.logTail()}`);
    }
  }
}
