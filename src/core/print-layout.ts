/**
 * How a printed map splits across pages (DOM-free; used by `<egm-grid>`'s printed copy): wide
 * maps print in chunks of leaf columns, each with its own column header rows.
 */
import type { Axis, AxisEntry } from './grid.js';
import { PRINT_COLUMNS } from './print-columns.js';

export { PRINT_COLUMNS };

/**
 * Half-open ranges [from, to) of `lines` leaf columns, `per` at a time (a `per` below 1, or not
 * a number, means PRINT_COLUMNS).
 */
export function columnChunks(lines: number, per: number): [number, number][] {
  const size = per >= 1 ? Math.floor(per) : PRINT_COLUMNS;
  const chunks: [number, number][] = [];
  for (let from = 0; from < lines; from += size) chunks.push([from, Math.min(lines, from + size)]);
  return chunks;
}

/** A column header in one chunk: the entry, the columns it spans there, and its rows. */
export interface ChunkHeader {
  entry: AxisEntry;
  colspan: number;
  rowspan: number;
}

/**
 * The column header rows of the leaf columns [from, to): for each header level, the entries
 * that cover part of the range, with their spans cut to it (a group split between two chunks
 * is named in both).
 */
export function chunkHeaders(axis: Axis, from: number, to: number): ChunkHeader[][] {
  const levels: ChunkHeader[][] = Array.from({ length: axis.depth }, () => []);
  // Entries are in tree order and leaves are numbered in that order, so a group's first leaf
  // is the number of leaves met before it.
  let seen = 0;
  for (const entry of axis.entries) {
    const start = seen;
    if (!entry.expanded) seen++;
    const end = start + entry.span;
    const colspan = Math.min(end, to) - Math.max(start, from);
    if (colspan <= 0) continue;
    levels[entry.depth - 1].push({ entry, colspan, rowspan: entry.expanded ? 1 : axis.depth - entry.depth + 1 });
  }
  return levels;
}

