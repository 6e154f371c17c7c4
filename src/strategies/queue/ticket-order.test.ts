import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTickets, inTicketOrder } from './ticket-order.ts';

describe('compareTickets', () => {
  it('orders resourceVersions as integers of any length, as KEP-5504 defines them', () => {
    assert.equal(compareTickets('9', '10'), -1);
    assert.equal(compareTickets('100', '99'), 1);
    assert.equal(compareTickets('12345678901234567890', '12345678901234567890'), 0);
    assert.equal(compareTickets('12345678901234567891', '12345678901234567890'), 1);
    assert.deepEqual(inTicketOrder(['30', '4', '1000', '200']), ['4', '30', '200', '1000']);
  });

  it('refuses what is not a comparable resourceVersion, naming it and what to do', () => {
    for (const bad of ['', '0', '012', 'abc', '1.5', '-3']) {
      assert.throws(
        () => compareTickets(bad, '1'),
        (error: Error) => {
          assert.match(error.message, /comparable/);
          assert.match(error.message, new RegExp(JSON.stringify(bad).replace(/[.]/g, '\\.')));
          assert.match(error.message, /use another strategy/);
          return true;
        },
      );
    }
  });
});
