// Raw HTTP for the fuzz suites: every request answered within a deadline, and every
// answer checked for the shape kube-apiserver gives (a Status for each JSON failure).
import assert from 'node:assert/strict';
import { type Agent, type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { decodeObject, decodeWatchFrames, protobufMediaType } from '../protobuf/index.ts';
import type { TestServer } from '../start-test-server.ts';

/** One request as the fuzzer builds it; the path carries the query string. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text, or bytes (protobuf). */
  readonly body?: string | Buffer | undefined;
  /** Send the body chunked, without Content-Length. */
  readonly chunked?: boolean;
}

export type FuzzAnswer =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly contentType: string;
      readonly text: string;
      readonly bytes: Buffer;
      /** A stream (watch) cut short by the client: `text` holds what came first. */
      readonly streaming: boolean;
    }
  | { readonly kind: 'dropped'; readonly error: string };

/** How long one request may take before the property fails. */
export const requestDeadlineMs = 5_000;
/** How long a streaming answer (a watch) is read before the client hangs up. */
const streamReadMs = 50;

/**
 * Sends `fuzz` with the server's token; rejects only when the deadline passes. Over
 * `agent` when given (a kept-alive one shows a connection an answer left unusable as the
 * next request hanging), else over a connection of its own.
 */
export function send(server: TestServer, fuzz: FuzzRequest, agent: Agent | false = false): Promise<FuzzAnswer> {
  const url = new URL(server.url);
  const headers: Record<string, string> = {
    authorization: `Bearer ${server.token}`,
    ...(fuzz.body !== undefined &&
      // Explicit, since Node's client would send a DELETE body unframed.
      (fuzz.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(Buffer.byteLength(fuzz.body)) })),
    ...fuzz.headers,
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (answer: FuzzAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(answer);
    };
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, method: fuzz.method, path: fuzz.path, headers, agent },
      (response) => {
        readAnswer(response, fuzz.method, finish);
      },
    );
    const deadline = setTimeout(() => {
      settled = true;
      outgoing.destroy();
      reject(new Error(`no answer within ${String(requestDeadlineMs)} ms: ${describe(fuzz)}`));
    }, requestDeadlineMs);
    outgoing.on('error', (error) => {
      finish({ kind: 'dropped', error: error.message });
    });
    writeBody(outgoing, fuzz);
  });
}

/**
 * Reads `response` to its end, or for {@link streamReadMs} when it streams (a GET without
 * Content-Length, a watch), and hands what came to `finish`: the first answer counts.
 */
function readAnswer(response: IncomingMessage, method: string, finish: (answer: FuzzAnswer) => void): void {
  const chunks: Buffer[] = [];
  const streaming = response.headers['content-length'] === undefined && method === 'GET';
  const answer = (cut: boolean): FuzzAnswer => ({
    kind: 'answered',
    status: response.statusCode ?? 0,
    contentType: response.headers['content-type'] ?? '',
    text: Buffer.concat(chunks).toString('utf8'),
    bytes: Buffer.concat(chunks),
    streaming: cut,
  });
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => {
    finish(answer(false));
  });
  response.on('error', (error) => {
    // After a cut stream, the answer already counted and this one is ignored.
    finish({ kind: 'dropped', error: error.message });
  });
  if (streaming) {
    setTimeout(() => {
      finish(answer(true));
      response.destroy();
    }, streamReadMs);
  }
}

/** Sends the body, in several writes when chunked, so it really goes out in chunks. */
function writeBody(outgoing: ClientRequest, fuzz: FuzzRequest): void {
  if (fuzz.body !== undefined && fuzz.chunked) {
    const bytes = Buffer.from(fuzz.body);
    for (let start = 0; start < bytes.length; start += 64 * 1024)
      outgoing.write(bytes.subarray(start, start + 64 * 1024));
    outgoing.end();
  } else {
    outgoing.end(fuzz.body);
  }
}

/** The request in one line, for failure messages (bodies cut short). */
export function describe(fuzz: FuzzRequest): string {
  const shown = (body: string | Buffer) =>
    typeof body === 'string' ? JSON.stringify(body.slice(0, 200)) : body.subarray(0, 200).toString('hex');
  const body = fuzz.body === undefined ? '' : ` body(${String(fuzz.body.length)})=${shown(fuzz.body)}`;
  return `${fuzz.method} ${fuzz.path.slice(0, 300)} ${JSON.stringify(fuzz.headers ?? {})}${body}`;
}

/**
 * 500s kube-apiserver itself gives for bad input (each seen from v1.36.3), which the
 * embedded server mirrors; any other 500 is a bug. All are plain Go errors, hence a Status
 * without a reason.
 */
const kubeApiServerOwn500s = [
  /^resourceVersion should not be set on objects to be created$/,
  // A write whose resourceVersion precondition is not a number
  /^strconv\.ParseUint: parsing .*: (invalid syntax|value out of range)$/s,
  // A get or a watch from a resourceVersion that is not a number
  /^resourceVersion: Invalid value: .*: strconv\.ParseUint: parsing .*: (invalid syntax|value out of range)$/s,
  // Strategic merge patch (apimachinery's strategicpatch package)
  /^list element types are not identical: /,
  /^map: .* does not contain declared merge key: /s,
  /^unknown patch type: .* in map: /s,
  /^expected a .*, but received a /,
  /^merging lists cannot yet be specified in the patch$/,
  /^value for key \d+ is not a map$/,
  /^cannot merge lists without merge key for /,
  /^no elements in any of the given slices$/,
  /^unexpected patch strategy: /,
  // Server-side apply
  /^failed to create typed patch object \(/,
];

/** Plain-text answers kube-apiserver gives too: its HTTP server's own, and unknown paths. */
const plainTextAnswers = new Map<number, RegExp>([
  [400, /^400 Bad Request$/],
  [404, /^404 page not found\n$/],
]);

const isJson = (contentType: string) => /^application\/json\b/.test(contentType);
const isYaml = (contentType: string) => /^application\/yaml\b/.test(contentType);

/**
 * Checks one answer: a valid status code; 2xx JSON answers are objects (watch streams, one
 * object a line); every other JSON answer is a well-formed failure Status whose code is
 * the HTTP status. A dropped connection is allowed only where `mayDrop` says so.
 */
export function checkAnswer(fuzz: FuzzRequest, answer: FuzzAnswer, mayDrop = false): void {
  const context = describe(fuzz);
  if (answer.kind === 'dropped') {
    assert.ok(mayDrop, `connection dropped (${answer.error}): ${context}`);
    return;
  }
  const { status, contentType, text } = answer;
  assert.ok(Number.isInteger(status) && status >= 200 && status <= 599, `status ${String(status)}: ${context}`);
  if (fuzz.method === 'HEAD' || status === 304 || (status === 301 && text === '')) return;
  if (isYaml(contentType)) {
    checkYaml(status, text, context);
    return;
  }
  if (contentType.startsWith(protobufMediaType)) {
    checkProtobuf(status, answer, context);
    return;
  }
  if (status < 300) {
    if (!isJson(contentType)) {
      assert.equal(text, 'ok', `2xx ${contentType} ${text.slice(0, 200)}: ${context}`);
      return;
    }
    const documents = answer.streaming ? text.split('\n').slice(0, -1) : [text];
    for (const document of documents) assert.ok(isObject(parse(document, context)), `not an object: ${context}`);
    if (answer.streaming) for (const line of documents) checkWatchEvent(parse(line, context), context);
    return;
  }
  if (!isJson(contentType)) {
    const allowed = plainTextAnswers.get(status);
    assert.ok(
      (allowed?.test(text) ?? false) || (status === 404 && text === ''),
      `${String(status)} ${contentType} ${JSON.stringify(text.slice(0, 200))}: ${context}`,
    );
    return;
  }
  checkStatus(status, parse(text, context), context);
}

/** A YAML answer (asked with `Accept: application/yaml`): an object, or a Status on failure. */
function checkYaml(status: number, text: string, context: string): void {
  let body: unknown;
  try {
    body = parseYaml(text);
  } catch {
    assert.fail(`not YAML: ${JSON.stringify(text.slice(0, 200))}: ${context}`);
  }
  if (status < 300) assert.ok(isObject(body), `not an object: ${context}`);
  else checkStatus(status, body, context);
}

/**
 * A protobuf answer (asked with `Accept: application/vnd.kubernetes.protobuf`): objects or
 * complete watch frames, or a Status on failure.
 */
function checkProtobuf(status: number, answer: { bytes: Buffer; streaming: boolean }, context: string): void {
  let bodies: unknown[];
  try {
    bodies = answer.streaming
      ? decodeWatchFrames(answer.bytes).map(({ object }) => object)
      : [decodeObject(answer.bytes)];
  } catch (error) {
    assert.fail(`not protobuf (${String(error)}): ${context}`);
  }
  for (const body of bodies) {
    if (status < 300) assert.ok(isObject(body), `not an object: ${context}`);
    else checkStatus(status, body, context);
  }
}

function checkStatus(status: number, body: unknown, context: string): void {
  assert.ok(isObject(body), `not a Status: ${context}`);
  const shown = JSON.stringify(body).slice(0, 500);
  assert.equal(body.kind, 'Status', `${shown}: ${context}`);
  assert.equal(body.apiVersion, 'v1', `${shown}: ${context}`);
  assert.equal(body.status, 'Failure', `${shown}: ${context}`);
  assert.equal(body.code, status, `${shown}: ${context}`);
  assert.equal(typeof body.message, 'string', `${shown}: ${context}`);
  const message = body.message as string;
  const mirrored500 = status === 500 && kubeApiServerOwn500s.some((own) => own.test(message));
  assert.ok(status !== 500 || mirrored500, `500 from bad input: ${shown}: ${context}`);
  if (!mirrored500) assert.equal(typeof body.reason, 'string', `${shown}: ${context}`);
}

function checkWatchEvent(event: unknown, context: string): void {
  assert.ok(isObject(event) && typeof event.type === 'string' && isObject(event.object), `watch event: ${context}`);
}

function parse(text: string, context: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    assert.fail(`not JSON: ${JSON.stringify(text.slice(0, 200))}: ${context}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The server still serves (over `agent` when given): /healthz answers ok. */
export async function assertHealthy(server: TestServer, agent: Agent | false = false): Promise<void> {
  const answer = await send(server, { method: 'GET', path: '/healthz' }, agent);
  assert.ok(answer.kind === 'answered' && answer.status === 200 && answer.text === 'ok', 'healthz');
}
