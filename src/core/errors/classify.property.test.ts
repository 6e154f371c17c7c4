// Whatever a client throws, classifying it never throws: the classifier is called from
// catch blocks, where a second exception would hide the first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classify, isConflict, isStaleWriteConflict } from './classify.ts';
import { KubeApiError } from './kube-api-error.ts';

/** Values shaped like what clients throw, with every field free to be anything. */
const statusLike = fc.record(
  {
    kind: fc.oneof(fc.constant('Status'), fc.anything()),
    code: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.anything()),
    reason: fc.oneof(fc.constantFrom('Conflict', 'NotFound', 'AlreadyExists', 'Invalid', ''), fc.anything()),
    message: fc.anything(),
    details: fc.oneof(fc.record({ causes: fc.array(fc.anything()), retryAfterSeconds: fc.anything() }), fc.anything()),
  },
  { requiredKeys: [] },
);
const thrown = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.anything(),
    statusLike,
    fc.record(
      {
        code: fc.anything(),
        body: fc.oneof(fc.json(), fc.string(), statusLike, fc.anything()),
        headers: fc.anything(),
      },
      { requiredKeys: [] },
    ),
    fc.record({ statusCode: fc.anything(), response: fc.anything(), body: fc.anything() }, { requiredKeys: [] }),
    fc.record({
      response: fc.record({ status: fc.anything(), data: fc.anything(), headers: fc.anything() }, { requiredKeys: [] }),
    }),
    fc.record({ status: fc.anything(), cause: tie('value') }, { requiredKeys: [] }),
    tie('value').map((cause) => new Error('wrapped', { cause })),
  ),
}));

describe('the classifier on arbitrary thrown values', () => {
  it('never throws, and answers one of its kinds', () => {
    fc.assert(
      fc.property(thrown.value, (value) => {
        const kind = classify(value);
        assert.equal(typeof kind, 'string');
        isConflict(value);
        isStaleWriteConflict(value);
        const apiError = KubeApiError.from(value);
        if (apiError) assert.equal(typeof apiError.message, 'string');
      }),
      { numRuns: 2_000 },
    );
  });

  it('survives hostile objects: throwing getters, proxies, cycles', () => {
    const hostile: unknown[] = [];
    const throwing = Object.defineProperty({}, 'code', {
      get() {
        throw new Error('getter');
      },
    });
    hostile.push(
      throwing,
      Object.defineProperty({}, 'status', {
        get: () => {
          throw new Error('status getter');
        },
      }),
    );
    hostile.push(
      new Proxy(
        {},
        {
          get() {
            throw new Error('proxy');
          },
          has() {
            throw new Error('proxy has');
          },
        },
      ),
    );
    const cycle: { cause?: unknown; code: number; body: string } = { code: 409, body: '{' };
    cycle.cause = cycle;
    hostile.push(cycle, Object.create(null), Symbol('s'), 10n, () => undefined);
    for (const value of hostile) {
      assert.equal(typeof classify(value), 'string');
      KubeApiError.from(value);
    }
  });
});
