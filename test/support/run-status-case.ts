import type { RequestOptions } from 'node:https';
import { type RawResponse, send } from './raw-http.ts';
import type { Identity, StatusCase } from './status-cases.ts';

/** Where and as whom a case's requests go. */
export interface Target {
  readonly url: string;
  readonly caPem: string;
  /** TLS options as the admin (client certificate or token header). */
  readonly admin: RequestOptions;
}

function tlsFor(target: Target, identity: Identity = 'admin'): RequestOptions {
  if (identity === 'admin') return target.admin;
  if (identity === 'anonymous') return { ca: target.caPem };
  return { ca: target.caPem, headers: { authorization: 'Bearer not-a-valid-token' } };
}

/** Runs every step of `statusCase`; returns all responses, the last one being the row's. */
export async function runStatusCase(target: Target, statusCase: StatusCase): Promise<RawResponse[]> {
  const responses: RawResponse[] = [];
  const streams: Promise<void>[] = [];
  for (const [index, step] of statusCase.steps.entries()) {
    const { identity, background, until, ...request } = step(responses);
    const tls = tlsFor(target, identity);
    const headers = { ...(tls.headers as Record<string, string> | undefined), ...request.headers };
    const sending = (onHeaders?: () => void) =>
      send(target.url, { ...tls, headers: undefined }, { ...request, headers }, onHeaders);
    if (background) {
      const { ended } = await started(sending);
      streams.push(ended.then((response) => void (responses[index] = response)));
    } else if (until) {
      responses[index] = await sendUntil(sending, until, `${request.method} ${request.path}`);
    } else responses[index] = await sending();
  }
  await Promise.all(streams);
  return responses;
}

/** Starts a request and resolves once its headers are in, with the promise of its answer. */
async function started(
  sending: (onHeaders: () => void) => Promise<RawResponse>,
): Promise<{ ended: Promise<RawResponse> }> {
  let headersIn = () => {};
  const headers = new Promise<void>((resolve) => (headersIn = resolve));
  const ended = sending(headersIn);
  await Promise.race([headers, ended]);
  return { ended };
}

/** Sends again, 100 ms apart, until `done` holds of the answer; fails after 10 s, naming the request. */
async function sendUntil(
  sending: () => Promise<RawResponse>,
  done: (response: RawResponse) => boolean,
  what: string,
): Promise<RawResponse> {
  let response = await sending();
  for (let attempt = 0; attempt < 100 && !done(response); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    response = await sending();
  }
  if (!done(response))
    throw new Error(`${what}: still not as awaited after 10 s; last answer ${String(response.status)}`);
  return response;
}
