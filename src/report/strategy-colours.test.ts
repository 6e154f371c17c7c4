import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strategies } from '../lab/strategies.ts';
import { seriesClass, seriesStyle, strategyColours } from './strategy-colours.ts';

describe('strategy colours', () => {
  it('has a colour for every strategy of the lab, and none for a strategy it lacks', () => {
    assert.deepEqual(Object.keys(strategyColours).sort(), strategies.map((s) => s.name).sort());
  });

  it('gives each strategy a colour of its own in each theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const colours = Object.values(strategyColours).map((c) => c[theme].toLowerCase());
      assert.equal(new Set(colours).size, colours.length, `${theme}: ${colours.join(' ')}`);
    }
  });

  it('keys marks by name, whatever else ran; names it does not know share the muted colour', () => {
    assert.equal(seriesClass('apply'), 'series-apply');
    assert.equal(seriesClass('from-a-later-version'), 'series-other');
    assert.equal(seriesClass('constructor'), 'series-other', 'not an Object.prototype name');
    const { light, dark, rules } = seriesStyle();
    assert.match(light, /--strategy-apply: #c75a00;/);
    assert.match(dark, /--strategy-apply: #ffa04d;/);
    assert.match(rules, /^\.series-apply rect, \.series-apply circle \{ fill: var\(--strategy-apply\); \}$/m);
  });
});
