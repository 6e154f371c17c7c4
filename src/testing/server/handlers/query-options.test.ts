import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatusError } from '../http/status.ts';
import { checkListIntegers, checkResourceVersion, watchRequested } from './query-options.ts';

const query = (text: string) => new URLSearchParams(text);
const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    if (error instanceof StatusError) return { code: error.code, message: error.message, reason: error.body.reason };
    throw error;
  }
  return undefined;
};

// Answers recorded from kube-apiserver v1.36.3.
describe('read query parameters', () => {
  it('watch: anything but absent, 0 or false', () => {
    assert.deepEqual(
      ['', 'watch=', 'watch=abc', 'watch=1', 'watch=0', 'watch=FALSE', 'watch=0&watch=1'].map((q) =>
        watchRequested(query(q)),
      ),
      [false, true, true, true, false, false, false],
    );
  });

  it('timeoutSeconds, then limit: int64s, by strconv.ParseInt', () => {
    assert.equal(
      refusal(() => {
        checkListIntegers(query('limit=-1&timeoutSeconds=30'));
      }),
      undefined,
    );
    assert.deepEqual(
      refusal(() => {
        checkListIntegers(query('timeoutSeconds=x&limit=y'));
      }),
      {
        code: 400,
        message: 'strconv.ParseInt: parsing "x": invalid syntax',
        reason: 'BadRequest',
      },
    );
    assert.equal(
      refusal(() => {
        checkListIntegers(query('limit=99999999999999999999'));
      })?.message,
      'strconv.ParseInt: parsing "99999999999999999999": value out of range',
    );
    assert.equal(
      refusal(() => {
        checkListIntegers(query('limit='));
      })?.message,
      'strconv.ParseInt: parsing "": invalid syntax',
    );
  });

  it('resourceVersion: a uint64; else 400 for a list, a bare 500 for a get or a watch', () => {
    assert.equal(
      refusal(() => {
        checkResourceVersion(query('resourceVersion=0'), 'list');
      }),
      undefined,
    );
    assert.deepEqual(
      refusal(() => {
        checkResourceVersion(query('resourceVersion=-1'), 'list');
      }),
      {
        code: 400,
        message:
          'invalid resource version: resourceVersion: Invalid value: "-1": strconv.ParseUint: parsing "-1": invalid syntax',
        reason: 'BadRequest',
      },
    );
    assert.deepEqual(
      refusal(() => {
        checkResourceVersion(query('resourceVersion=abc'), 'get');
      }),
      {
        code: 500,
        message: 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
        reason: undefined,
      },
    );
  });
});
