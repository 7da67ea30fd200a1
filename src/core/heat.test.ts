import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio } from './color.js';
import { HEAT_PALETTE, HEAT_TEXT, heatScale, heatText } from './heat.js';

const ranges = (max: number) => heatScale(max).steps.map((s) => [s.from, s.to, s.shade]);

describe('heatScale', () => {
  it('splits 1…max into 7 equal steps over the whole palette', () => {
    assert.deepEqual(ranges(20), [
      [1, 2, 0],
      [3, 5, 1],
      [6, 8, 2],
      [9, 11, 3],
      [12, 14, 4],
      [15, 17, 5],
      [18, 20, 6],
    ]);
  });

  it('uses one step per count below 7, spread over the palette', () => {
    assert.deepEqual(ranges(2), [[1, 1, 0], [2, 2, 6]]);
    assert.deepEqual(ranges(4), [[1, 1, 0], [2, 2, 2], [3, 3, 4], [4, 4, 6]]);
    assert.deepEqual(ranges(1), [[1, 1, 3]]);
    assert.deepEqual(ranges(0), [[1, 1, 3]], 'an all-gap map');
  });

  it('puts every count in the step whose range holds it; 0 in none, above max in the last', () => {
    for (const max of [1, 2, 3, 6, 7, 8, 20, 22, 95, 2400]) {
      const { steps, step } = heatScale(max);
      for (let n = 1; n <= max; n++) {
        const i = step(n);
        assert.ok(steps[i].from <= n && n <= steps[i].to, `max ${max}, count ${n} in step ${i}`);
      }
      assert.equal(step(0), -1);
      assert.equal(step(max + 10), steps.length - 1);
      assert.equal(steps[0].from, 1);
      assert.equal(steps.at(-1)!.to, max);
    }
  });
});

describe('heatText', () => {
  it('picks dark text on light shades and light text on dark ones, always at least 4.5:1', () => {
    assert.deepEqual(HEAT_PALETTE.map(heatText), ['dark', 'dark', 'dark', 'dark', 'light', 'light', 'light']);
    for (const shade of HEAT_PALETTE) assert.ok(contrastRatio(shade, HEAT_TEXT[heatText(shade)]) >= 4.5, shade);
  });

  it('computes WCAG contrast ratios', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
    assert.equal(Math.round(contrastRatio('#767676', '#ffffff') * 100) / 100, 4.54);
  });
});
