/**
 * The heat map's scale and shades, shared by `<egm-grid view="heatmap">` and its legend so the
 * two can never disagree. Pure: no DOM.
 */
import { contrastRatio } from './color.js';

/**
 * The heat map's shades, light to dark: ColorBrewer's YlGnBu in 7 steps (sequential, readable
 * with the common colour-vision deficiencies), its fifth darkened a little so that white text
 * reaches 4.5:1 on it. Each shade carries whichever of `HEAT_TEXT` reads better (`heatText`),
 * and that one always reaches 4.5:1 (a unit test checks).
 */
export const HEAT_PALETTE: readonly string[] = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#187bb0', '#225ea8', '#0c2c84'];
/** The two text colours a shade may carry. */
export const HEAT_TEXT = { dark: '#1f2328', light: '#ffffff' } as const;

/** One step of the heat scale: counts `from`…`to` (inclusive) take `HEAT_PALETTE[shade]`. */
export interface HeatStep {
  from: number;
  to: number;
  shade: number;
}

export interface HeatScale {
  /** The steps, lightest first; their ranges cover 1…max without overlap. */
  steps: HeatStep[];
  /** The index in `steps` of a count; -1 for 0. Counts above the max take the last step. */
  step: (count: number) => number;
}

/**
 * The heat map's scale: up to `HEAT_PALETTE.length` equal steps over 1…`maxCount` (the largest
 * *unfiltered* cell, as for bubbles: shades fade as filters remove studies rather than re-scaling),
 * one step per count when the maximum is smaller. The grid shades cells and the legend draws its
 * key from the same steps.
 */
export function heatScale(maxCount: number): HeatScale {
  const max = Math.max(1, Math.floor(maxCount));
  const P = HEAT_PALETTE.length;
  const S = Math.min(P, max);
  const steps: HeatStep[] = [];
  for (let i = 0; i < S; i++) {
    steps.push({ from: Math.floor((i * max) / S) + 1, to: Math.floor(((i + 1) * max) / S), shade: S === 1 ? P >> 1 : Math.round((i * (P - 1)) / (S - 1)) });
  }
  // Step i holds the counts n with i·max/S < n ≤ (i+1)·max/S.
  return { steps, step: (n) => (n <= 0 ? -1 : Math.ceil((Math.min(n, max) * S) / max) - 1) };
}

/** Which of `HEAT_TEXT` reads better on `shade`. */
export function heatText(shade: string): keyof typeof HEAT_TEXT {
  return contrastRatio(shade, HEAT_TEXT.dark) >= contrastRatio(shade, HEAT_TEXT.light) ? 'dark' : 'light';
}
