/**
 * Summary figures of a map (what `egm stats` prints): studies, cells, gaps, the largest cells
 * per-segment totals and (with `layout.reviews`) the synthesis gaps, counted at leaf level with
 * the rules of spec §3.
 */
import { GridModel } from './grid.js';
import { createIndex } from './map-index.js';
import { synthesisGaps, SYNTHESIS_GAP_MIN, type SynthesisGap } from './synthesis.js';
import type { EgmMap } from './types.js';

export interface CellStat {
  rowId: string;
  rowLabel: string;
  columnId: string;
  columnLabel: string;
  count: number;
}

export interface MapStats {
  title: string;
  studies: number;
  rows: { dimension: string; count: number };
  columns: { dimension: string; count: number };
  cells: number;
  /** Cells with no study at all. */
  gaps: number;
  /** Studies that appear in no cell (no row code or no column code). */
  outsideGrid: number;
  largest: CellStat[];
  segments: { id: string; label: string; total: number }[];
  /**
   * Only for a map with `layout.reviews`: the cells with at least `min` primary studies and no
   * review (see `synthesisGaps`), in row-major order.
   */
  synthesisGaps?: { min: number; cells: SynthesisGap[] };
}

export interface StatsOptions {
  rows?: string;
  columns?: string;
  segments?: string;
  /** How many of the largest cells to list; 5 by default. */
  top?: number;
  /** The least number of primary studies of a synthesis gap; 5 by default. */
  synthesisGapMin?: number;
}

/** Figures for a map that `parseMap` accepted. */
export function mapStats(map: EgmMap, options: StatsOptions = {}): MapStats {
  const index = createIndex(map);
  const rows = options.rows ?? map.layout.rows;
  const columns = options.columns ?? map.layout.columns;
  const model = new GridModel(index, { rows, columns, segments: options.segments ?? map.layout.segments });
  const { counts } = model.totals;
  const min = options.synthesisGapMin ?? SYNTHESIS_GAP_MIN;
  const C = model.columns.lines.length;
  const cells: CellStat[] = [];
  model.rows.lines.forEach((r, i) =>
    model.columns.lines.forEach((c, j) => {
      cells.push({ rowId: r.id, rowLabel: r.label, columnId: c.id, columnLabel: c.label, count: counts[i * C + j] });
    }),
  );
  const rowDim = model.rows.dimension;
  const colDim = model.columns.dimension;
  const inGrid = rowDim.coded.clone().andWith(colDim.coded).count();
  return {
    title: map.title,
    studies: index.size,
    rows: { dimension: rowDim.dimension.label, count: model.rows.lines.length },
    columns: { dimension: colDim.dimension.label, count: C },
    cells: cells.length,
    gaps: cells.filter((c) => c.count === 0).length,
    outsideGrid: index.size - inGrid,
    largest: [...cells].sort((a, b) => b.count - a.count).slice(0, options.top ?? 5).filter((c) => c.count > 0),
    segments: model.segments.map((s) => ({ id: s.id, label: s.label, total: s.total })),
    ...(model.hasReviews && { synthesisGaps: { min, cells: synthesisGaps(model, model.totals, min) } }),
  };
}
