import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, type RequestInfo } from '../core/errors/kube-api-error.ts';
import { systemClock } from '../core/clock.ts';
import type { Random } from '../core/random.ts';
import { readRetryBackoff, retryDelayMs, reusedSocket, type TransportRetry } from './transport-retry.ts';

export interface TransportOptions {
  /** Connections kept open to the server at most. @default 64 */
  readonly maxSockets?: number;
  /** @default 'kubeconflict' */
  readonly userAgent?: string;
  /**
   * A request that gets no byte from the server for this long is abandoned and fails as a
   * `Timeout` (a write's outcome is then unknown). Watches are exempt. @default 30000
   */
  readonly requestTimeoutMs?: number;
  /** How many times one request is sent again after failures the transport may retry. @default 10 */
  readonly maxRetries?: number;
  /** Told of each failure absorbed by sending the request again (429, 5xx, broken reads). */
  readonly onRetry?: (retry: TransportRetry) => void;
  /** Jitter for read retries. @default Math.random */
  readonly random?: Random;
}

export interface KubeRequest {
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query below the server URL: `/apis/apps/v1/namespaces/default/deployments/demo`. */
  readonly path: string;
  /** Sent as JSON unless it is a string already. */
  readonly body?: unknown;
  /** @default 'application/json' when there is a body */
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  /** This request's idle timeout, ms, instead of the transport's `requestTimeoutMs`. */
  readonly timeoutMs?: number;
  /** What the request is, for error messages. */
  readonly info?: RequestInfo;
}

interface Credentials {
  readonly headers: Record<string, string>;
  readonly auth: string | undefined;
  readonly agent: HttpAgent;
  /** Watches hold their connection for as long as they last: never from the bounded pool. */
  readonly streamAgent: HttpAgent;
}

const credentialsLifetimeMs = 1_000;
/**
 * Requests to one Kubernetes API server over a pool of keep-alive connections, with the
 * server, TLS material and credentials of a client-node `KubeConfig` (certificates,
 * tokens, token files, exec plugins: whatever client-node's `applyToHTTPSOptions` does,
 * asked again every second so refreshed tokens are used). client-node 1.x and 2.x open
 * a new TLS connection for every call; reusing connections is what brings a GET+PUT close
 * to client-go's time. Failures are thrown as {@link KubeApiError}; network errors keep
 * Node's error as `cause`. TLS verification follows the kubeconfig and is on by default.
 */
export class KubeTransport {
  readonly #kubeConfig: KubeConfig;
  readonly #base: URL;
  readonly #maxSockets: number;
  readonly #userAgent: string;
  readonly #requestTimeoutMs: number;
  readonly #maxRetries: number;
  readonly #onRetry: ((retry: TransportRetry) => void) | undefined;
  readonly #random: Random;
  #agent: { readonly key: string; readonly agent: HttpAgent; readonly streamAgent: HttpAgent } | undefined;
  #credentialsCache: { readonly at: number; readonly credentials: Promise<Credentials> } | undefined;
  #connectionsOpened = 0;
  #warnedInsecure = false;

  constructor(kubeConfig: KubeConfig, options: TransportOptions = {}) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster: set current-context, or pass --context');
    this.#kubeConfig = kubeConfig;
    this.#base = new URL(cluster.server);
    this.#maxSockets = options.maxSockets ?? 64;
    this.#userAgent = options.userAgent ?? 'kubeconflict';
    this.#requestTimeoutMs = positiveOption('requestTimeoutMs', options.requestTimeoutMs, 30_000);
    this.#maxRetries = options.maxRetries ?? 10;
    if (!Number.isInteger(this.#maxRetries) || this.#maxRetries < 0) {
      throw new RangeError(`maxRetries must be a whole number ≥ 0; got ${String(options.maxRetries)}`);
    }
    this.#onRetry = options.onRetry;
    this.#random = options.random ?? Math.random;
  }

  /** The API server's URL, as the kubeconfig names it. */
  get server(): string {
    return this.#base.href;
  }

  /** Connections opened so far: a well-behaved run opens few and reuses them. */
  get connectionsOpened(): number {
    return this.#connectionsOpened;
  }

  /**
   * Sends one request; resolves with the parsed JSON answer (undefined when empty).
   * Failures the server marks as safe to repeat (Retry-After), and failed reads, are
   * retried here (client-go's rules: docs/RELIABILITY.md).
   */
  async request<T>(request: KubeRequest): Promise<T> {
    const text = await this.#withRetries(request, async () => {
      const response = await this.#send(request);
      if (!succeeded(response)) throw await apiError(response, request.info);
      return readText(response);
    });
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`the answer to ${request.method} ${request.path} is not JSON`, { cause: error });
    }
  }

  /** Sends one request and hands over the response as it streams (watches); the caller reads it. */
  async stream(request: KubeRequest): Promise<IncomingMessage> {
    return this.#withRetries(request, async () => {
      const response = await this.#send(request, true);
      if (!succeeded(response)) throw await apiError(response, request.info);
      return response;
    });
  }

  async #withRetries<T>(request: KubeRequest, attempt: () => Promise<T>): Promise<T> {
    const nextReadDelayMs = readRetryBackoff.delayFunc(this.#random);
    for (let attempts = 1; ; attempts++) {
      try {
        return await attempt();
      } catch (error) {
        if (request.signal?.aborted || attempts > this.#maxRetries) throw error;
        const retry = retryDelayMs(request.method, error, nextReadDelayMs);
        if (retry === undefined) throw error;
        this.#onRetry?.({ method: request.method, path: request.path, attempt: attempts, ...retry });
        await systemClock.sleep(retry.delayMs, request.signal);
      }
    }
  }

  /** Closes the kept connections. Requests made later open new ones. */
  close(): void {
    this.#agent?.agent.destroy();
    this.#agent?.streamAgent.destroy();
    this.#agent = undefined;
  }

  async #send(request: KubeRequest, stream = false): Promise<IncomingMessage> {
    request.signal?.throwIfAborted();
    const credentials = await this.#currentCredentials();
    const { headers, auth } = credentials;
    const agent = stream ? credentials.streamAgent : credentials.agent;
    const body =
      request.body === undefined
        ? undefined
        : typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body);
    const { signal } = request;
    const timeoutMs = stream ? undefined : (request.timeoutMs ?? this.#requestTimeoutMs);
    const url = new URL(this.#base.pathname.replace(/\/$/, '') + request.path, this.#base);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: request.method,
          agent,
          ...(auth !== undefined && { auth }),
          ...(signal && { signal }),
          // Set before the connection is made too: a server that never completes the TCP
          // handshake (a full backlog, a dropped SYN) would otherwise hang the request.
          ...(timeoutMs !== undefined && { timeout: timeoutMs }),
          headers: {
            ...headers,
            accept: 'application/json',
            'user-agent': this.#userAgent,
            ...(body !== undefined && {
              'content-type': request.contentType ?? 'application/json',
              'content-length': String(Buffer.byteLength(body)),
            }),
          },
        },
        resolve,
      );
      if (timeoutMs !== undefined) {
        // Idle time, not total: a slow but moving answer is not cut off, a silent server is.
        outgoing.setTimeout(timeoutMs, () => {
          outgoing.destroy(Object.assign(new Error(`no answer for ${String(timeoutMs)} ms`), { code: 'ETIMEDOUT' }));
        });
      }
      outgoing.on('error', (error) => {
        if (signal?.aborted) reject(signal.reason as Error);
        else
          reject(
            Object.assign(new Error(`${request.method} ${request.path}: ${error.message}`, { cause: error }), {
              [reusedSocket]: outgoing.reusedSocket,
            }),
          );
      });
      outgoing.end(body);
    });
  }

  /**
   * Credentials at most a second old: client-node is asked again each second (it caches
   * exec-plugin tokens until they expire, and re-reads token files), not on every request.
   */
  #currentCredentials(): Promise<Credentials> {
    const now = performance.now();
    if (this.#credentialsCache === undefined || now - this.#credentialsCache.at > credentialsLifetimeMs) {
      const credentials = this.#credentials();
      this.#credentialsCache = { at: now, credentials };
      // A failure is not kept: the next request asks again.
      credentials.catch(() => {
        this.#credentialsCache = undefined;
      });
    }
    return this.#credentialsCache.credentials;
  }

  /** Asks client-node for credentials; keeps one agent per set of TLS material. */
  async #credentials(): Promise<Credentials> {
    const applied: RequestOptions = {};
    await this.#kubeConfig.applyToHTTPSOptions(applied);
    const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = applied;
    const tls = { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername };
    if (rejectUnauthorized === false && !this.#warnedInsecure) {
      this.#warnedInsecure = true;
      // Only the kubeconfig's explicit insecure-skip-tls-verify turns verification off; say so.
      process.emitWarning(
        `TLS verification is off for ${this.#base.origin} (insecure-skip-tls-verify in the kubeconfig): the server's identity is not checked`,
        { code: 'KUBECONFLICT_INSECURE_TLS' },
      );
    }
    const key_ = JSON.stringify(tls, (_, value: unknown) =>
      Buffer.isBuffer(value) ? value.toString('base64') : (value as object),
    );
    if (this.#agent?.key !== key_) {
      const makeAgent = (maxSockets: number) => {
        const options = { keepAlive: true, maxSockets, scheduling: 'lifo' as const };
        const agent =
          this.#base.protocol === 'https:'
            ? new HttpsAgent({ ...options, ...definedOnly(tls) })
            : new HttpAgent(options);
        const create = agent.createConnection.bind(agent);
        agent.createConnection = (...args: Parameters<typeof create>) => {
          this.#connectionsOpened++;
          return create(...args);
        };
        return agent;
      };
      this.#agent = { key: key_, agent: makeAgent(this.#maxSockets), streamAgent: makeAgent(Infinity) };
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(applied.headers ?? {})) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { headers, auth: applied.auth ?? undefined, agent: this.#agent.agent, streamAgent: this.#agent.streamAgent };
  }
}

function positiveOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a number of ms > 0; got ${String(value)}`);
  return value;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function succeeded(response: IncomingMessage): boolean {
  const code = response.statusCode ?? 0;
  return code >= 200 && code < 300;
}

/** The server's refusal, read from the response's Status body and headers. */
function apiError(response: IncomingMessage, info: RequestInfo | undefined): Promise<KubeApiError> {
  const answer = { status: response.statusCode ?? 0, headers: response.headers, text: () => readText(response) };
  return KubeApiError.fromResponse(answer, info);
}

function readText(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => {
      resolve(text);
    });
    response.on('error', reject);
    response.on('aborted', () => {
      // Coded as a reset so that it classifies as a Network failure.
      reject(
        Object.assign(new Error('the server closed the connection before the answer was complete'), {
          code: 'ECONNRESET',
        }),
      );
    });
  });
}
