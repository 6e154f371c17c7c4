import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durationFromJson, durationToJson } from './duration-json.ts';
import { timeFromJson, timeToJson } from './time-json.ts';

// Expected values are what apimachinery v0.36.3's Time, MicroTime and Duration give in Go.
describe('meta/v1 Time and MicroTime', () => {
  it('the zero time is an empty message and null in JSON, also when written as 0001-01-01', () => {
    assert.equal(timeToJson(undefined, false), null);
    assert.equal(timeToJson(undefined, true), null);
    assert.equal(timeFromJson(null, false, 'f'), undefined);
    assert.equal(timeFromJson('0001-01-01T00:00:00Z', false, 'f'), undefined);
  });

  it('a present message is not the zero time even with no seconds: the epoch', () => {
    assert.equal(timeToJson({ seconds: 0, nanos: 0 }, false), '1970-01-01T00:00:00Z');
    assert.equal(timeToJson({ seconds: 0, nanos: 5 }, false), '1970-01-01T00:00:00Z');
  });

  it('Time drops nanos both ways; JSON offsets become UTC', () => {
    assert.equal(timeToJson({ seconds: 1700000000, nanos: 5 }, false), '2023-11-14T22:13:20Z');
    assert.deepEqual(timeFromJson('2024-01-02T03:04:05.9+02:00', false, 'f'), { seconds: 1704157445, nanos: 0 });
    assert.deepEqual(timeFromJson('1969-12-31T23:59:59Z', false, 'f'), { seconds: -1, nanos: 0 });
  });

  it('MicroTime keeps microseconds, truncating nanos', () => {
    assert.equal(timeToJson({ seconds: 1700000000, nanos: 2005 }, true), '2023-11-14T22:13:20.000002Z');
    assert.deepEqual(timeFromJson('2023-11-14T22:13:20.123456789Z', true, 'f'), {
      seconds: 1700000000,
      nanos: 123456000,
    });
    assert.equal(timeToJson({ seconds: 1700000000, nanos: 123456000 }, true), '2023-11-14T22:13:20.123456Z');
  });

  it('refuses what is not RFC 3339, naming the field', () => {
    assert.throws(() => timeFromJson('yesterday', false, 'metadata.creationTimestamp'), {
      message: 'metadata.creationTimestamp: "yesterday" is not an RFC 3339 time such as "2006-01-02T15:04:05Z"',
    });
    assert.throws(() => timeFromJson(12, true, 'spec.renewTime'), /spec.renewTime: 12 is not/);
  });
});

describe('meta/v1 Duration', () => {
  it("writes Go's Duration.String()", () => {
    const go: [number, string][] = [
      [0, '0s'],
      [1, '1ns'],
      [999, '999ns'],
      [1500, '1.5µs'],
      [1500000, '1.5ms'],
      [1500000000, '1.5s'],
      [90e9, '1m30s'],
      [3600e9, '1h0m0s'],
      [3723.5e9, '1h2m3.5s'],
      [-90e9, '-1m30s'],
      [360000e9, '100h0m0s'],
    ];
    for (const [nanos, text] of go) assert.equal(durationToJson(nanos), text, String(nanos));
  });

  it("reads what Go's time.ParseDuration reads", () => {
    const go: [string, number][] = [
      ['1h2m3.5s', 3723.5e9],
      ['1.5us', 1500],
      ['-90s', -90e9],
      ['0', 0],
      ['+3ms', 3e6],
      ['2h45m', 9900e9],
    ];
    for (const [text, nanos] of go) assert.equal(durationFromJson(text, 'f'), nanos, text);
    assert.throws(() => durationFromJson('1 hour', 'spec.ttl'), {
      message: 'spec.ttl: "1 hour" is not a duration such as "1h2m3s"',
    });
  });
});
