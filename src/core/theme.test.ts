import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio } from './color.js';
import { DARK, LIGHT, PALETTE_TOKENS, type Palette } from './theme.js';

/** [foreground, background, minimum ratio, what it is]. */
const PAIRS: [keyof Palette, keyof Palette, number, string][] = [
  ['text', 'background', 4.5, 'body text'],
  ['text', 'surface', 4.5, 'text on panels and headers'],
  ['textMuted', 'background', 4.5, 'secondary text'],
  ['textMuted', 'surface', 4.5, 'secondary text on panels'],
  ['accent', 'background', 4.5, 'links'],
  ['accent', 'surface', 4.5, 'links on panels'],
  ['focus', 'background', 3, 'focus ring (2.4.11/2.4.13)'],
  ['focus', 'surface', 3, 'focus ring on panels'],
  ['selected', 'background', 3, 'selected cell outline'],
  ['controlBorder', 'background', 3, 'form control borders (1.4.11)'],
  ['controlBorder', 'surface', 3, 'form control borders on panels'],
  ['bubble', 'background', 3, 'bubbles (1.4.11)'],
  ['bubble', 'gap', 3, 'bubbles against gap cells'],
  ['synthesisGap', 'background', 3, 'synthesis-gap marker'],
  ['errorText', 'errorBackground', 4.5, 'error text'],
  ['error', 'errorBackground', 3, 'error border'],
  ['warning', 'background', 4.5, 'warning text'],
  ['warning', 'surface', 4.5, 'warning text on panels'],
];

describe('built-in palettes', () => {
  for (const [name, palette] of [['light', LIGHT], ['dark', DARK]] as const) {
    it(`${name}: every text pair reaches 4.5:1 and every graphic 3:1`, () => {
      const failures = PAIRS.filter(([fg, bg, min]) => contrastRatio(palette[fg], palette[bg]) < min).map(
        ([fg, bg, min, what]) => `${what}: ${fg} ${palette[fg]} on ${bg} ${palette[bg]} is ${contrastRatio(palette[fg], palette[bg]).toFixed(2)}:1 < ${min}:1`,
      );
      assert.deepEqual(failures, []);
    });
  }

  it('gives both palettes the same entries, each a #rrggbb colour, each with its token', () => {
    assert.deepEqual(Object.keys(DARK).sort(), Object.keys(LIGHT).sort());
    assert.deepEqual(Object.keys(PALETTE_TOKENS).sort(), Object.keys(LIGHT).sort());
    for (const value of [...Object.values(LIGHT), ...Object.values(DARK)]) assert.match(value, /^#[0-9a-f]{6}$/);
  });

  it('computes WCAG ratios (black on white 21:1, the light text 15.8:1)', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
    assert.equal(Math.round(contrastRatio(LIGHT.text, LIGHT.background) * 10) / 10, 15.8);
  });
});
