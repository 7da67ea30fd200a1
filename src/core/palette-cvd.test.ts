// The default segment palette (Okabe-Ito) stays distinguishable for readers with colour vision
// deficiencies: every pair of its eight colours, simulated for protanopia, deuteranopia and
// tritanopia at full severity (Machado, Oliveira & Fernandes 2009, in linear RGB), is at least
// ΔE*ab 15 apart in CIELAB (D65). 2.3 is a just-noticeable difference; 15 is plainly different
// side by side. The closest pairs today: deuteranopia orange/yellow 17.0, tritanopia green/sky
// blue 16.1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHex } from './color.js';
import { SEGMENT_PALETTE } from './scale.js';

type Matrix = readonly (readonly [number, number, number])[];
const SIMULATIONS: Record<string, Matrix> = {
  'normal vision': [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const linear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** CIELAB (D65) of a linear-RGB colour. */
function lab([r, g, b]: number[]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function simulate(hex: string, m: Matrix): [number, number, number] {
  const v = parseHex(hex)!.map(linear);
  return lab(m.map((row) => clamp(row[0] * v[0] + row[1] * v[1] + row[2] * v[2])));
}

describe('the default segment palette under colour vision deficiencies', () => {
  it('is Okabe-Ito, in its usual order', () => {
    assert.deepEqual(SEGMENT_PALETTE, ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000']);
  });

  for (const [name, matrix] of Object.entries(SIMULATIONS)) {
    it(`keeps every pair at least ΔE 15 apart (${name})`, () => {
      const labs = SEGMENT_PALETTE.map((c) => simulate(c, matrix));
      const close: string[] = [];
      for (let i = 0; i < labs.length; i++) {
        for (let j = i + 1; j < labs.length; j++) {
          const d = Math.hypot(labs[i][0] - labs[j][0], labs[i][1] - labs[j][1], labs[i][2] - labs[j][2]);
          if (d < 15) close.push(`${SEGMENT_PALETTE[i]}/${SEGMENT_PALETTE[j]} ΔE ${d.toFixed(1)}`);
        }
      }
      assert.deepEqual(close, []);
    });
  }

  it('tells a simulation apart from the original (the matrices do something)', () => {
    // Under deuteranopia the palette's orange and yellow move towards each other.
    const d = (m: Matrix) => {
      const [a, b] = ['#e69f00', '#f0e442'].map((c) => simulate(c, m));
      return Math.round(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) * 10) / 10;
    };
    assert.equal(d(SIMULATIONS['normal vision']), 35.1);
    assert.equal(d(SIMULATIONS.deuteranopia), 17);
  });
});
