// The errors here are kube-apiserver v1.36.3's, recorded by the conformance case
// "invalid specs: Jobs and CronJobs whose pods restart Always or by an unknown policy; CronJob schedules".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cronScheduleError } from './cron-schedule.ts';

describe('CronJob schedules', () => {
  it('reads five fields of numbers, names, ranges, steps and lists, and the descriptors', () => {
    for (const schedule of ['*/5 * * * *', '* * * JAN-MAR MON-FRI', '@hourly', '0 0 1,15 * sun'])
      assert.equal(cronScheduleError(schedule), undefined, schedule);
  });

  it('counts the fields', () => {
    assert.equal(cronScheduleError('bogus'), 'expected exactly 5 fields, found 1: [bogus]');
    assert.equal(cronScheduleError('* * * * * *'), 'expected exactly 5 fields, found 6: [* * * * * *]');
  });

  it('refuses values out of bounds, reversed ranges, steps of 0 and too many separators', () => {
    const errors = {
      '61 * * * *': 'end of range (61) above maximum (59): 61',
      '* * 0 * *': 'beginning of range (0) below minimum (1): 0',
      '5-1 * * * *': 'beginning of range (5) beyond end of range (1): 5-1',
      '*/0 * * * *': 'step of range should be a positive number: */0',
      '1-2-3 * * * *': 'too many hyphens: 1-2-3',
      '1/2/3 * * * *': 'too many slashes: 1/2/3',
    };
    for (const [schedule, error] of Object.entries(errors)) assert.equal(cronScheduleError(schedule), error);
  });

  it('refuses what is not a number or a name, and unknown descriptors, as Go words it', () => {
    assert.equal(
      cronScheduleError('* * * foo *'),
      'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax',
    );
    assert.equal(
      cronScheduleError('-1 * * * *'),
      'failed to parse int from : strconv.Atoi: parsing "": invalid syntax',
    );
    assert.equal(cronScheduleError('@fortnightly'), 'unrecognized descriptor: @fortnightly');
  });
});
