// Every Status body recorded from the real kube-apiserver (test/fixtures/status-bodies.json,
// the Status table of docs/REAL-APISERVER.md), thrown in the shape of each client users
// have, must classify the same way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ApiException as ApiException2 } from '@kubernetes/client-node';
import { ApiException as ApiException1 } from 'client-node-1';
import {
  classify,
  isAlreadyExists,
  isApplyConflict,
  isConflict,
  isStaleWriteConflict,
  type KubeErrorKind,
} from './classify.ts';

interface Row {
  request: string;
  code: number;
  kind: KubeErrorKind;
  body?: { reason?: string };
  plainText?: string;
  retryAfter?: string;
}
// Every error the real kube-apiserver gave (scripts/record-status-bodies.ts), and the one
// that cannot be recorded on demand: API Priority and Fairness' plain-text 429.
const recorded = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/status-bodies.json', import.meta.url), 'utf8'),
) as { rows: (Omit<Row, 'kind'> & { kind: KubeErrorKind | null })[] };
const rows: Row[] = [
  ...recorded.rows.flatMap((row) => (row.kind === null ? [] : [{ ...row, kind: row.kind }])),
  {
    request: 'API Priority and Fairness rejection',
    code: 429,
    kind: 'TooManyRequests',
    plainText: 'Too many requests, please try again later.\n',
    retryAfter: '1',
  },
];

const headersOf = (row: Row): Record<string, string> => ({
  'content-type': row.plainText === undefined ? 'application/json' : 'text/plain; charset=utf-8',
  ...(row.retryAfter !== undefined && { 'retry-after': row.retryAfter }),
});
const textOf = (row: Row) => row.plainText ?? JSON.stringify(row.body);

/** How each client throws the answer `row` recorded. */
const shapes: Record<string, (row: Row) => unknown> = {
  'client-node 2.x ApiException (body as text)': (row) =>
    new ApiException2(row.code, 'Unknown API Status Code!', textOf(row), headersOf(row)),
  'client-node 1.x ApiException (body as text)': (row) =>
    new ApiException1(row.code, 'Unknown API Status Code!', textOf(row), headersOf(row)),
  'client-node ApiException (body parsed)': (row) =>
    new ApiException2(row.code, 'Conflict', row.body ?? row.plainText, headersOf(row)),
  'client-node 0.x HttpError {statusCode, body, response}': (row) =>
    Object.assign(new Error('HTTP request failed'), {
      statusCode: row.code,
      body: row.body ?? row.plainText,
      response: { statusCode: row.code, headers: headersOf(row) },
    }),
  'axios-style {response: {status, data, headers}}': (row) =>
    Object.assign(new Error(`Request failed with status code ${String(row.code)}`), {
      response: { status: row.code, data: row.body ?? row.plainText, headers: headersOf(row) },
    }),
  'raw Status object': (row) => row.body ?? { kind: 'Status', code: row.code },
  'Error with the ApiException as cause': (row) =>
    new Error('could not update demo-deployment', {
      cause: new ApiException2(row.code, 'x', textOf(row), headersOf(row)),
    }),
  'fetch Response': (row) => new Response(textOf(row), { status: row.code, headers: headersOf(row) }),
};

describe('classify on recorded server answers', () => {
  for (const row of rows) {
    describe(`${row.request} (${String(row.code)})`, () => {
      for (const [shape, make] of Object.entries(shapes)) {
        // A fetch Response's body cannot be read synchronously: classify sees the code only.
        const expected = shape === 'fetch Response' ? kindFromCodeAlone(row) : row.kind;
        it(`${shape} → ${expected}`, () => {
          assert.equal(classify(make(row)), expected);
        });
      }
    });
  }
});

/** What a code with no Status body means (client-go's rule for unknown reasons). */
function kindFromCodeAlone(row: Row): KubeErrorKind {
  return (
    (
      {
        400: 'BadRequest',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'NotFound',
        409: 'StaleWriteConflict',
        415: 'BadRequest',
        422: 'Invalid',
        429: 'TooManyRequests',
        500: 'ServerError',
      } as Record<number, KubeErrorKind>
    )[row.code] ?? 'Unknown'
  );
}

describe('predicates', () => {
  const find = (request: string) => {
    const row = rows.find((r) => r.request === request);
    assert.ok(row, request);
    return new ApiException2(row.code, 'x', textOf(row), {});
  };
  const stale = find('PUT with a stale resourceVersion');
  const apply = find('server-side apply of a field owned by another manager');
  const exists = find('POST of a name that exists');

  it("isConflict has client-go's meaning: stale writes and apply conflicts, not AlreadyExists", () => {
    assert.deepEqual([isConflict(stale), isConflict(apply), isConflict(exists)], [true, true, false]);
  });
  it('isStaleWriteConflict and isApplyConflict tell the two 409 Conflicts apart', () => {
    assert.deepEqual([isStaleWriteConflict(stale), isStaleWriteConflict(apply)], [true, false]);
    assert.deepEqual([isApplyConflict(stale), isApplyConflict(apply)], [false, true]);
  });
  it('isAlreadyExists', () => {
    assert.deepEqual([isAlreadyExists(exists), isAlreadyExists(stale)], [true, false]);
  });
});

describe('classify on values that are not API errors', () => {
  const cases: [string, unknown, KubeErrorKind][] = [
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      'Network',
    ],
    [
      'connection reset inside a fetch TypeError',
      new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }),
      'Network',
    ],
    [
      'undici headers timeout',
      Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
      'Timeout',
    ],
    ['AbortSignal.timeout() reason', new DOMException('The operation timed out', 'TimeoutError'), 'Timeout'],
    ['an abort is not a timeout', new DOMException('aborted', 'AbortError'), 'Unknown'],
    ['a plain Error', new Error('boom'), 'Unknown'],
    ['a string', 'conflict', 'Unknown'],
    ['undefined', undefined, 'Unknown'],
    ['null', null, 'Unknown'],
    ['a number', 409, 'Unknown'],
    ['a successful response', new Response('{}', { status: 200 }), 'Unknown'],
    ['a 409 with an HTML body', { statusCode: 409, body: '<html>conflict</html>' }, 'StaleWriteConflict'],
    ['a body of broken JSON', { code: 409, body: '{"kind":"Status",', headers: {} }, 'StaleWriteConflict'],
  ];
  for (const [name, value, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      assert.equal(classify(value), expected);
    });
  }

  it('a cause chain that loops back on itself ends', () => {
    const a: { cause?: unknown } = {};
    const b = { cause: a };
    a.cause = b;
    assert.equal(classify(a), 'Unknown');
  });

  it('getters that throw do not escape', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    assert.equal(classify(hostile), 'Unknown');
  });
});
