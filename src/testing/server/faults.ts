import { type Random, seededRandom } from '../../core/random.ts';
import type { HookAction, HookedRequest, RequestHook } from './request-hook.ts';

/**
 * The failures real clusters have, as the embedded server can inject them:
 * - `latency`: the request waits (exponential, mean `latencyMs`, at most 10× that) and is then served;
 * - `error500`, `error503`: a Status answer instead of the request (nothing is written);
 * - `throttle429`: API Priority and Fairness' rejection, plain text with `Retry-After`;
 * - `resetBeforeCommit`: the connection is destroyed before the request is served;
 * - `resetAfterCommit`: the request is served (a write commits) and the connection is destroyed instead of the answer;
 * - `timeoutAfterCommit`: served, then the answer is held back `holdMs` before the connection is destroyed (clients time out);
 * - `slowBody`: the answer trickles out in pieces.
 */
export type FaultKind =
  | 'latency'
  | 'error500'
  | 'error503'
  | 'throttle429'
  | 'resetBeforeCommit'
  | 'resetAfterCommit'
  | 'timeoutAfterCommit'
  | 'slowBody';

export const faultKinds: readonly FaultKind[] = [
  'latency',
  'error500',
  'error503',
  'throttle429',
  'resetBeforeCommit',
  'resetAfterCommit',
  'timeoutAfterCommit',
  'slowBody',
];

export interface FaultOptions {
  /** The share of requests given a fault, from 0 to 1; each fault is one of `kinds`, uniformly. */
  readonly rate: number;
  /** The same seed and the same order of requests give the same faults. @default 1 */
  readonly seed?: number;
  /** @default every kind */
  readonly kinds?: readonly FaultKind[];
  /** Mean added latency, ms. @default 25 */
  readonly latencyMs?: number;
  /** What a 429 asks for. @default 1 */
  readonly retryAfterSeconds?: number;
  /** How long a `timeoutAfterCommit` answer is held before the connection drops, ms. @default 3000 */
  readonly holdMs?: number;
}

/** Injects faults into the embedded server's requests; counts what it injected. */
export interface FaultInjector {
  readonly hook: RequestHook;
  /** Faults injected so far, by kind. */
  counts(): Record<FaultKind, number>;
  /** While false, no fault is injected (set-up and checks run clean); true at start. */
  active: boolean;
}

/**
 * A seeded fault injector for {@link TestServerOptions.faults}. Watches are left alone:
 * a broken watch is a client's reconnect problem, not a write's outcome.
 */
export function faultInjector(options: FaultOptions): FaultInjector {
  const settings = checked(options);
  const random: Random = seededRandom(settings.seed);
  const counts = Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const injector: FaultInjector = {
    active: true,
    counts: () => ({ ...counts }),
    hook: (request) => {
      if (!injector.active || request.verb === 'watch' || random() >= settings.rate) return undefined;
      const kind = settings.kinds[Math.floor(random() * settings.kinds.length)] ?? 'latency';
      counts[kind]++;
      return actionFor(kind, request, settings, random);
    },
  };
  return injector;
}

type Settings = Required<FaultOptions>;

function actionFor(kind: FaultKind, request: HookedRequest, settings: Settings, random: Random): HookAction {
  switch (kind) {
    case 'latency':
      // Exponential, like queueing delay, cut at 10× the mean so no request waits unboundedly.
      return { delayMs: Math.min(10 * settings.latencyMs, -Math.log(1 - random()) * settings.latencyMs) };
    case 'error500':
      return { respond: statusAnswer(500, 'InternalError', 'Internal error occurred: injected fault') };
    case 'error503':
      return {
        respond: statusAnswer(503, 'ServiceUnavailable', 'the server is currently unable to handle the request'),
      };
    case 'throttle429':
      return {
        respond: {
          status: 429,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(settings.retryAfterSeconds) },
          body: 'Too many requests, please try again later.\n',
        },
      };
    case 'resetBeforeCommit':
      return { resetConnection: 'before' };
    case 'resetAfterCommit':
      return { resetConnection: 'after' };
    case 'timeoutAfterCommit':
      return { resetConnection: 'after', holdMs: settings.holdMs };
    case 'slowBody':
      return { slowBody: { pieces: 4, intervalMs: request.verb === 'get' ? 20 : 10 } };
  }
}

function statusAnswer(code: number, reason: string, message: string): NonNullable<HookAction['respond']> {
  const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  return { status: code, body: JSON.stringify(body) };
}

function checked(options: FaultOptions): Settings {
  const { rate, seed = 1, kinds = faultKinds, latencyMs = 25, retryAfterSeconds = 1, holdMs = 3_000 } = options;
  if (!(rate >= 0 && rate <= 1))
    throw new RangeError(`fault rate must be from 0 to 1 (0.1 is 10%); got ${String(rate)}`);
  if (!Number.isInteger(seed)) throw new RangeError(`fault seed must be an integer; got ${String(seed)}`);
  const unknown = kinds.filter((kind) => !faultKinds.includes(kind));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new RangeError(`fault kinds must be some of ${faultKinds.join(', ')}; got ${kinds.join(', ') || 'none'}`);
  }
  for (const [name, value] of Object.entries({ latencyMs, retryAfterSeconds, holdMs })) {
    if (!(Number.isFinite(value) && value >= 0))
      throw new RangeError(`${name} must be a number ≥ 0; got ${String(value)}`);
  }
  return { rate, seed, kinds, latencyMs, retryAfterSeconds, holdMs };
}
