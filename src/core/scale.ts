/**
 * The one description of bubble size and segment colour that the grid and the legend share,
 * so they can never disagree.
 *
 * The square-root scale is written out rather than taken from d3-scale: `scaleSqrt` pulls in
 * d3-interpolate, d3-color and d3-format (about 8 KB gzipped) for one `Math.sqrt`, and the
 * embed bundle has a 45 KB budget.
 */

/**
 * Okabe & Ito's palette, safe for the common colour-vision deficiencies; used for segment
 * categories without a `color`. Ordered so that neighbours differ in lightness as well as hue.
 */
export const SEGMENT_PALETTE: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

/** Neutral grey for the "Not coded" segment. */
export const NOT_CODED_COLOR = '#8c8c8c';

/** A category's own colour, or the palette's colour for its position. */
export function segmentColor(color: string | undefined, index: number): string {
  return color ?? SEGMENT_PALETTE[index % SEGMENT_PALETTE.length];
}

export interface BubbleScaleOptions {
  /** Radius of the largest bubble, in px. */
  maxRadius: number;
  /** The smallest radius of a non-empty cell, so one study stays clearly visible. */
  minRadius: number;
}

/**
 * Bubble radius for a count: area proportional to the count (square-root scale over
 * 0…`maxCount`), never below `minRadius` for a count of one or more, 0 for 0.
 * The domain is the largest *unfiltered* cell, so bubbles shrink as filters remove studies
 * rather than re-scaling under the reader's eyes.
 */
export function bubbleScale(maxCount: number, { maxRadius, minRadius }: BubbleScaleOptions): (count: number) => number {
  const max = Math.max(1, maxCount);
  return (count) => (count <= 0 ? 0 : Math.max(minRadius, maxRadius * Math.sqrt(Math.min(count, max) / max)));
}

/**
 * Two or three round counts to show in the size key: 1, a middle value and the maximum.
 */
export function sizeKeyCounts(maxCount: number): number[] {
  if (maxCount <= 1) return [1];
  if (maxCount <= 3) return [1, maxCount];
  const mid = niceRound(maxCount / 3);
  return [...new Set([1, mid, maxCount])].sort((a, b) => a - b);
}

function niceRound(x: number): number {
  if (x < 10) return Math.max(2, Math.round(x));
  const p = 10 ** Math.floor(Math.log10(x));
  return Math.round(x / p) * p;
}
