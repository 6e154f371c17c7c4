import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseLabelSelector, SelectorError } from './label-selector.ts';

const keys = fc.stringMatching(/^[a-z0-9]([-a-z0-9_.]{0,8}[a-z0-9])?$/);
const values = fc.stringMatching(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?)?$/);
const labelSets = fc.dictionary(fc.oneof(keys, fc.constantFrom('a', 'b')), fc.oneof(values, fc.constantFrom('', 'x')));

describe('label selector properties', () => {
  it('either parses or throws SelectorError, whatever the text', () => {
    const alphabet = fc.constantFrom(...'ab=!(),<> \t\0in-_./0'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (text) => {
        try {
          parseLabelSelector(text);
        } catch (error) {
          assert.ok(error instanceof SelectorError, String(error));
        }
      }),
    );
  });

  it('= and in (v) select what != and notin (v) leave out', () => {
    fc.assert(
      fc.property(keys, values, labelSets, (key, value, labels) => {
        const equal = parseLabelSelector(`${key}=${value}`)(labels);
        assert.equal(equal, Object.hasOwn(labels, key) && labels[key] === value);
        assert.equal(parseLabelSelector(`${key}==${value}`)(labels), equal);
        assert.equal(parseLabelSelector(`${key} in (${value})`)(labels), equal);
        assert.equal(parseLabelSelector(`${key}!=${value}`)(labels), !equal);
        assert.equal(parseLabelSelector(`${key} notin (${value})`)(labels), !equal);
      }),
    );
  });

  it('!key selects what key leaves out', () => {
    fc.assert(
      fc.property(keys, labelSets, (key, labels) => {
        assert.equal(parseLabelSelector(key)(labels), Object.hasOwn(labels, key));
        assert.equal(parseLabelSelector(`!${key}`)(labels), !Object.hasOwn(labels, key));
      }),
    );
  });

  it('a comma is a conjunction', () => {
    const requirements = fc.oneof(
      fc.tuple(keys, values).map(([k, v]) => `${k}=${v}`),
      fc.tuple(keys, values).map(([k, v]) => `${k} notin (${v})`),
      keys.map((k) => `!${k}`),
    );
    fc.assert(
      fc.property(requirements, requirements, labelSets, (left, right, labels) => {
        const both = parseLabelSelector(`${left},${right}`)(labels);
        assert.equal(both, parseLabelSelector(left)(labels) && parseLabelSelector(right)(labels));
      }),
    );
  });
});
