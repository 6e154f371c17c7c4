// The client-go peer (bench/client-go-peer): the real k8s.io/client-go v0.36.3 incrementing
// a Deployment's label from concurrent goroutines, as the benchmark's reference client.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const buildScript = fileURLToPath(new URL('./client-go-peer/build.sh', import.meta.url));

export type ClientGoPeerStrategy = 'default-retry' | 'custom-backoff' | 'naive' | 'cycle';

/** The one JSON line the peer prints. */
export interface ClientGoPeerResult {
  readonly client: 'client-go';
  readonly clientGoVersion: string;
  readonly goVersion: string;
  readonly strategy: ClientGoPeerStrategy;
  readonly rateLimit: 'default' | 'off';
  /**
   * `json` (the default: rest.Config ContentType application/json) or `protobuf` (client-go's
   * own default for built-in types).
   */
  readonly contentType: 'json' | 'protobuf';
  /** Goroutines (1 for the cycle strategy, whose increments run one after another). */
  readonly workers: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Get+Update pairs tried, retries included. */
  readonly attempts: number;
  /** 409 Conflict responses. */
  readonly conflicts: number;
  /** Every Get and Update sent (the warm-up GETs excluded). */
  readonly requests: number;
  /** Release to success, one per successful worker (per successful cycle for `cycle`). */
  readonly latenciesMs: readonly number[];
  /** Release to the last worker done (first cycle start to last cycle end for `cycle`). */
  readonly wallMs: number;
  /** Each cycle's Get+Update time; only for the `cycle` strategy. */
  readonly cyclesMs?: readonly number[];
  /** The first few non-conflict error messages. */
  readonly errors: readonly string[];
}

export interface RunClientGoPeerOptions {
  /** Kill the peer after this long. @default 300_000 */
  readonly timeoutMs?: number;
}

interface Finished {
  readonly code: number | string | null | undefined;
  readonly signal: string | null | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

function run(file: string, args: readonly string[], timeoutMs: number, onStderr?: (chunk: string) => void) {
  return new Promise<Finished>((resolve) => {
    const child = execFile(
      file,
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : error.code, signal: error?.signal, stdout, stderr });
      },
    );
    if (onStderr !== undefined) child.stderr?.on('data', onStderr);
  });
}

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .at(-1) ?? ''
  );
}

function failure(what: string, finished: Finished): Error {
  const status = finished.signal == null ? `exit code ${String(finished.code)}` : `signal ${finished.signal}`;
  const stderr = finished.stderr.trim();
  return new Error(`${what} failed (${status})${stderr === '' ? '' : `:\n${stderr}`}`);
}

/**
 * Builds the peer if needed (bench/client-go-peer/build.sh, into the cache outside the
 * repository) and returns the binary's path. A cold build takes a minute or more; the
 * script's progress lines are passed on to this process's stderr.
 */
export async function clientGoPeer(): Promise<string> {
  const finished = await run('bash', [buildScript], 30 * 60_000, (chunk) => {
    process.stderr.write(chunk);
  });
  if (finished.code !== 0) throw failure(buildScript, finished);
  const binary = lastLine(finished.stdout);
  if (binary === '') throw new Error(`${buildScript} printed no binary path`);
  return binary;
}

/**
 * Runs the peer with `args` (its flags: --kubeconfig, --name, --workers, --strategy, ...)
 * and returns its JSON line. Rejects, with the peer's stderr, when it exits non-zero
 * (bad flags, unreadable kubeconfig) or prints no valid result.
 */
export async function runClientGoPeer(
  binary: string,
  args: readonly string[],
  options: RunClientGoPeerOptions = {},
): Promise<ClientGoPeerResult> {
  const finished = await run(binary, args, options.timeoutMs ?? 300_000);
  if (finished.code !== 0) throw failure(`client-go peer ${binary}`, finished);
  const line = lastLine(finished.stdout);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`client-go peer printed no JSON result; stdout: ${JSON.stringify(line)}`);
  }
  if (!isResult(parsed)) throw new Error(`client-go peer printed an unexpected result: ${line}`);
  return parsed;
}

const numbers = ['workers', 'succeeded', 'failed', 'attempts', 'conflicts', 'requests', 'wallMs'] as const;

function isNumberArray(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

function isResult(value: unknown): value is ClientGoPeerResult {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.client === 'client-go' &&
    typeof record.clientGoVersion === 'string' &&
    typeof record.goVersion === 'string' &&
    typeof record.strategy === 'string' &&
    typeof record.rateLimit === 'string' &&
    typeof record.contentType === 'string' &&
    numbers.every((key) => typeof record[key] === 'number') &&
    isNumberArray(record.latenciesMs) &&
    (record.cyclesMs === undefined || isNumberArray(record.cyclesMs)) &&
    Array.isArray(record.errors) &&
    record.errors.every((item) => typeof item === 'string')
  );
}
