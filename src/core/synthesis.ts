/**
 * Synthesis gaps (3ie's term): cells with enough primary studies to review, and no review.
 *
 * `layout.reviews` names the categories that mark a study as a review; every other study is
 * primary. Under a filter, a cell's primary studies are its distinct studies minus its
 * distinct reviews (`GridCounts.counts - GridCounts.reviews`). A cell is a synthesis gap when
 * it holds no review and at least `min` primary studies. Without `layout.reviews` no cell is.
 */
import type { GridCounts, GridModel } from './grid.js';

/** The default least number of primary studies that makes a cell without a review a synthesis gap. */
export const SYNTHESIS_GAP_MIN = 5;

/** One synthesis-gap cell. */
export interface SynthesisGap {
  rowId: string;
  rowLabel: string;
  columnId: string;
  columnLabel: string;
  /** Distinct primary (non-review) studies in the cell under the filter: all of its studies. */
  primary: number;
}

/**
 * A usable threshold from user input (an attribute, a CLI option): a whole number of at least
 * 1, rounded up; anything else gives `SYNTHESIS_GAP_MIN`. (A threshold of 0 would make every
 * empty cell a synthesis gap, which is what an absolute gap already says.)
 */
export function synthesisGapMin(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.ceil(n) : SYNTHESIS_GAP_MIN;
}

/**
 * The number of primary studies when cell `at` is a synthesis gap under `counts`, else 0.
 * Only meaningful for a model with `hasReviews`.
 */
export function synthesisGapAt(counts: GridCounts, at: number, min: number): number {
  return counts.reviews[at] === 0 && counts.counts[at] >= Math.max(1, min) ? counts.counts[at] : 0;
}

/**
 * Every synthesis-gap cell of `model` under `counts` (its `count(filters)` or `totals`), in
 * row-major order (rows, then columns, in tree order). [] when the map has no `layout.reviews`.
 */
export function synthesisGaps(model: GridModel, counts: GridCounts, min = SYNTHESIS_GAP_MIN): SynthesisGap[] {
  if (!model.hasReviews) return [];
  const gaps: SynthesisGap[] = [];
  const C = counts.columns;
  for (const r of model.rows.lines) {
    for (const c of model.columns.lines) {
      const primary = synthesisGapAt(counts, r.line * C + c.line, min);
      if (primary) gaps.push({ rowId: r.id, rowLabel: r.label, columnId: c.id, columnLabel: c.label, primary });
    }
  }
  return gaps;
}
