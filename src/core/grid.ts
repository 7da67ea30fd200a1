/**
 * The grid model: which rows and columns are visible (given collapsed groups), and the counts
 * of spec §3 for every visible cell, split by segment.
 *
 * Counting walks the studies that pass the filter once, and adds each study to the cells its
 * codes reach, de-duplicated per study. That makes a recount cost (passing studies × codes per
 * study) rather than (cells × studies), and it is exact by construction: a study is counted
 * once per cell however many of the cell's categories it carries (distinct counts, never sums).
 * A recount is incremental: it starts from the last counts (or the totals) when fewer studies
 * differ from those than pass the new filter.
 */
import { Bitset } from './bitset.js';
import { FilterEngine } from './filter.js';
import type { CategoryNode, DimensionIndex, MapIndex } from './map-index.js';
import { NOT_CODED_COLOR, segmentColor } from './scale.js';
import type { EgmFilters } from './types.js';

/** One header of an axis, in tree order. */
export interface AxisEntry {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly node: CategoryNode;
  /** 1 for a top-level category. */
  readonly depth: number;
  /** Has children. */
  readonly group: boolean;
  /** A group that is not collapsed (its children are shown instead of its own cells). */
  readonly expanded: boolean;
  /** Index among the cell-carrying entries (leaves and collapsed groups), or -1. */
  readonly line: number;
  /** How many cell-carrying entries this header covers (1 for a leaf or a collapsed group). */
  readonly span: number;
  /** Ids of the ancestors, outermost first. */
  readonly path: readonly string[];
}

export interface Axis {
  readonly dimension: DimensionIndex;
  /** Every visible header in tree order, expanded groups included. */
  readonly entries: readonly AxisEntry[];
  /** The entries that carry cells (leaves and collapsed groups), in order. */
  readonly lines: readonly AxisEntry[];
  /** The deepest visible level (1 for a flat dimension). */
  readonly depth: number;
  /** Category ordinal → line index, or -1 for an expanded group. */
  readonly lineOf: Int32Array;
  /** Entry by category id. */
  readonly byId: ReadonlyMap<string, AxisEntry>;
}

/** Builds an axis from a dimension's tree and the ids of the collapsed groups. */
export function buildAxis(dim: DimensionIndex, collapsed: ReadonlySet<string> = new Set()): Axis {
  const entries: AxisEntry[] = [];
  const lines: AxisEntry[] = [];
  const lineOf = new Int32Array(dim.byOrdinal.length).fill(-1);
  let depth = 1;

  const visit = (node: CategoryNode, path: string[]): AxisEntry => {
    const group = !!node.children?.length;
    const expanded = group && !collapsed.has(node.data.id);
    const entry = {
      id: node.data.id,
      label: node.data.label,
      description: node.data.description,
      node,
      depth: node.depth,
      group,
      expanded,
      line: expanded ? -1 : lines.length,
      span: 1,
      path,
    };
    depth = Math.max(depth, node.depth);
    entries.push(entry);
    if (expanded) {
      let span = 0;
      for (const child of node.children!) span += visit(child, [...path, node.data.id]).span;
      entry.span = span;
    } else {
      lines.push(entry);
      // The entry and everything below it count towards this line.
      node.each((d) => {
        lineOf[dim.ordinals.get(d.data.id)!] = entry.line;
      });
    }
    return entry;
  };
  for (const top of dim.root.children ?? []) visit(top, []);
  return { dimension: dim, entries, lines, depth, lineOf, byId: new Map(entries.map((e) => [e.id, e])) };
}

/** One part of a bubble: a top-level category of the segment dimension, or "Not coded". */
export interface SegmentInfo {
  /** The category id; "" for "Not coded". */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly color: string;
  readonly notCoded: boolean;
  /** Studies with this segment in the whole map (no filter), for the legend. */
  readonly total: number;
}

/** The counts of every visible cell under one filter. Cell (r, c) is at `r * columns + c`. */
export interface GridCounts {
  readonly rows: number;
  readonly columns: number;
  /** Distinct studies per cell under the filter. */
  readonly counts: Int32Array;
  /** Per cell, per segment (in `GridModel.segments` order): studies carrying that segment. */
  readonly segments: Int32Array;
  /**
   * Per cell, per segment: studies whose first segment (in `GridModel.segments` order) is that
   * one, so that these sum to the cell's count: one mosaic tile per study.
   */
  readonly firstSegments: Int32Array;
  /** Per cell: studies marked as reviews by `layout.reviews` (all zero without it). */
  readonly reviews: Int32Array;
  /** Studies passing the filter, in the whole map. */
  readonly shown: number;
  /** The largest cell count under this filter. */
  readonly max: number;
}

/** Header counts under one filter, indexed like `Axis.entries`. */
export interface HeaderCounts {
  /** Studies per row header (the category or a descendant). */
  readonly rows: Int32Array;
  readonly columns: Int32Array;
  /** Per expanded group header: studies coded to the group alone (0 for other entries). */
  readonly rowsDirectOnly: Int32Array;
  readonly columnsDirectOnly: Int32Array;
}

export interface GridOptions {
  rows: string;
  columns: string;
  /** A dimension id, or undefined / "" for plain bubbles. */
  segments?: string;
  /** Ids of collapsed groups (on either axis). */
  collapsed?: Iterable<string>;
}

/**
 * The counting model of one grid configuration (rows, columns, segments, collapsed groups).
 * Construct it again when the configuration changes; call `count` when the filter changes.
 */
export class GridModel {
  readonly rows: Axis;
  readonly columns: Axis;
  readonly segments: readonly SegmentInfo[];
  /** The no-filter counts: `data-total`. Zero there is a gap. */
  readonly totals: GridCounts;
  private readonly segmentOf?: Int32Array;
  private readonly segmentDim?: DimensionIndex;
  private readonly reviewSet?: Bitset;
  /** The map says which studies are reviews (`layout.reviews`): `GridCounts.reviews` means something. */
  readonly hasReviews: boolean;
  private readonly rowStamp: Int32Array;
  private readonly colStamp: Int32Array;
  private readonly segStamp: Int32Array;
  /** Scratch lists of one study's distinct rows, columns and segments. */
  private readonly rs: Int32Array;
  private readonly cs: Int32Array;
  private readonly ss: Int32Array;

  constructor(
    readonly index: MapIndex,
    readonly options: GridOptions,
    readonly filters: FilterEngine = new FilterEngine(index),
  ) {
    const rowDim = index.dimension(options.rows);
    const colDim = index.dimension(options.columns);
    if (!rowDim) throw new RangeError(`egm: no dimension "${options.rows}" for the rows`);
    if (!colDim) throw new RangeError(`egm: no dimension "${options.columns}" for the columns`);
    if (options.rows === options.columns) throw new RangeError('egm: rows and columns must be different dimensions');
    const collapsed = new Set(options.collapsed ?? []);
    this.rows = buildAxis(rowDim, collapsed);
    this.columns = buildAxis(colDim, collapsed);
    this.rowStamp = new Int32Array(this.rows.lines.length);
    this.colStamp = new Int32Array(this.columns.lines.length);
    this.rs = new Int32Array(this.rows.lines.length);
    this.cs = new Int32Array(this.columns.lines.length);

    const segDim = options.segments ? index.dimension(options.segments) : undefined;
    const tops = segDim?.root.children ?? [];
    this.segStamp = new Int32Array(tops.length + 1);
    this.ss = new Int32Array(tops.length + 1);
    if (segDim && segDim !== rowDim && segDim !== colDim) {
      this.segmentDim = segDim;
      // Each category counts towards its top-level ancestor's segment.
      const of = new Int32Array(segDim.byOrdinal.length);
      segDim.byOrdinal.forEach((node, o) => {
        const top = node.ancestors().find((a) => a.depth === 1)!;
        of[o] = tops.indexOf(top);
      });
      this.segmentOf = of;
    }
    const reviews = index.schema.layout.reviews;
    const reviewDim = reviews ? index.dimension(reviews.dimension) : undefined;
    if (reviews && reviewDim) {
      const set = new Bitset(index.size);
      for (const id of reviews.categories) {
        const o = reviewDim.ordinals.get(id);
        if (o !== undefined) set.orWith(reviewDim.members[o]);
      }
      this.reviewSet = set;
    }
    this.hasReviews = !!this.reviewSet;
    const segmentTotals = segDim && this.segmentDim ? tops.map((t) => segDim.members[segDim.ordinals.get(t.data.id)!].count()) : [];
    const notCodedTotal = this.segmentDim ? index.size - this.segmentDim.coded.count() : 0;
    this.segments = this.segmentDim
      ? [
          ...tops.map((t, i) => ({
            id: t.data.id,
            label: t.data.label,
            description: t.data.description,
            color: segmentColor(t.data.color, i),
            notCoded: false,
            total: segmentTotals[i],
          })),
          { id: '', label: 'Not coded', color: NOT_CODED_COLOR, notCoded: true, total: notCodedTotal },
        ]
      : [];
    this.totals = this.count(undefined);
    this.totalsFrom = this.last;
  }

  /** Counts every visible cell under `filters` (spec §3). */
  count(filters: EgmFilters | undefined): GridCounts {
    const mask = this.filters.mask(filters);
    const last = this.last;
    if (last?.mask === mask) return last.counts;
    if (this.totalsFrom?.mask === mask) return (this.last = this.totalsFrom).counts;
    // Incremental: start from whichever known counts differ from the answer by the fewest
    // studies (none, the last filter's, or the unfiltered totals) and add or remove only those.
    // A filter that narrows or widens a little costs a little; a new filter never costs more
    // than counting its studies from scratch.
    const shown = mask.count();
    let base: { mask: Bitset; counts: GridCounts } | undefined;
    let cost = shown;
    if (last) {
      const d = last.mask.xorCount(mask);
      if (d < cost) [base, cost] = [last, d];
    }
    const all = this.totalsFrom;
    if (all && this.index.size - shown < cost) base = all;
    const counts = this.delta(base, mask, shown);
    this.last = { mask, counts };
    return counts;
  }

  private last?: { mask: Bitset; counts: GridCounts };
  /** The unfiltered counts with their mask, once `totals` exist. */
  private totalsFrom?: { mask: Bitset; counts: GridCounts };

  /** The counts for `mask`, from `base` (or from zero) by adding and removing the studies that differ. */
  private delta(base: { mask: Bitset; counts: GridCounts } | undefined, mask: Bitset, shown: number): GridCounts {
    const R = this.rows.lines.length;
    const C = this.columns.lines.length;
    const K = this.segments.length;
    const counts = base ? base.counts.counts.slice() : new Int32Array(R * C);
    const segments = base ? base.counts.segments.slice() : new Int32Array(R * C * K);
    const firsts = base ? base.counts.firstSegments.slice() : new Int32Array(R * C * K);
    const reviews = base ? base.counts.reviews.slice() : new Int32Array(R * C);
    this.rowStamp.fill(0);
    this.colStamp.fill(0);
    this.segStamp.fill(0);
    const to = mask.words;
    const from = base?.mask.words;
    for (let w = 0; w < to.length; w++) {
      const now = to[w];
      const before = from ? from[w] : 0;
      let added = now & ~before;
      let removed = before & ~now;
      while (added) {
        const t = added & -added;
        this.apply((w << 5) + 31 - Math.clz32(t), 1, counts, segments, firsts, reviews);
        added ^= t;
      }
      while (removed) {
        const t = removed & -removed;
        this.apply((w << 5) + 31 - Math.clz32(t), -1, counts, segments, firsts, reviews);
        removed ^= t;
      }
    }
    let max = 0;
    for (let i = 0; i < counts.length; i++) if (counts[i] > max) max = counts[i];
    return { rows: R, columns: C, counts, segments, firstSegments: firsts, reviews, shown, max };
  }

  /** Adds (sign 1) or removes (sign -1) study `i` in every cell its codes reach, once per cell. */
  private apply(i: number, sign: number, counts: Int32Array, segments: Int32Array, firsts: Int32Array, reviews: Int32Array): void {
    const stamp = i + 1;
    const C = this.columns.lines.length;
    const K = this.segments.length;
    const rowDim = this.rows.dimension;
    const colDim = this.columns.dimension;
    const rowLine = this.rows.lineOf;
    const colLine = this.columns.lineOf;
    const rowStamp = this.rowStamp;
    const colStamp = this.colStamp;
    const rs = this.rs;
    const cs = this.cs;
    const ss = this.ss;
    let nr = 0;
    for (let k = rowDim.codeStart[i], end = rowDim.codeStart[i + 1]; k < end; k++) {
      const r = rowLine[rowDim.codeList[k]];
      if (r >= 0 && rowStamp[r] !== stamp) {
        rowStamp[r] = stamp;
        rs[nr++] = r;
      }
    }
    if (nr === 0) return;
    let nc = 0;
    for (let k = colDim.codeStart[i], end = colDim.codeStart[i + 1]; k < end; k++) {
      const c = colLine[colDim.codeList[k]];
      if (c >= 0 && colStamp[c] !== stamp) {
        colStamp[c] = stamp;
        cs[nc++] = c;
      }
    }
    if (nc === 0) return;
    let ns = 0;
    let first = 0;
    const segDim = this.segmentDim;
    const segOf = this.segmentOf;
    if (segDim && segOf) {
      const segStamp = this.segStamp;
      for (let k = segDim.codeStart[i], end = segDim.codeStart[i + 1]; k < end; k++) {
        const s = segOf[segDim.codeList[k]];
        if (segStamp[s] !== stamp) {
          segStamp[s] = stamp;
          ss[ns++] = s;
        }
      }
      if (ns === 0) ss[ns++] = K - 1; // "Not coded": never dropped
      first = ss[0];
      for (let d = 1; d < ns; d++) if (ss[d] < first) first = ss[d];
    }
    const review = this.reviewSet?.has(i) ? sign : 0;
    for (let a = 0; a < nr; a++) {
      const row = rs[a] * C;
      for (let b = 0; b < nc; b++) {
        const cell = row + cs[b];
        counts[cell] += sign;
        reviews[cell] += review;
        for (let d = 0; d < ns; d++) segments[cell * K + ss[d]] += sign;
        if (ns) firsts[cell * K + first] += sign;
      }
    }
  }

  /** Segment counts of one cell, in `segments` order. */
  cellSegments(counts: GridCounts, row: number, column: number): number[] {
    const K = this.segments.length;
    const at = (row * counts.columns + column) * K;
    return Array.from(counts.segments.subarray(at, at + K));
  }

  /**
   * The distinct studies in cell (rowId, columnId) under `filters`, in study-list order:
   * those carrying the row category or a descendant and the column category or a descendant.
   * A gap, or an unknown id, gives [].
   */
  cellStudies(rowId: string, columnId: string, filters: EgmFilters | undefined): string[] {
    const r = this.members(this.rows.dimension, rowId);
    const c = this.members(this.columns.dimension, columnId);
    if (!r || !c) return [];
    return this.index.ids(r.clone().andWith(c).andWith(this.filters.mask(filters)));
  }

  /** The studies in a row or column header (the category or a descendant) under `filters`. */
  headerStudies(axis: 'row' | 'column', categoryId: string, filters: EgmFilters | undefined): string[] {
    const m = this.members(axis === 'row' ? this.rows.dimension : this.columns.dimension, categoryId);
    return m ? this.index.ids(m.clone().andWith(this.filters.mask(filters))) : [];
  }

  /**
   * Every header's count under `filters` at once (what `headerCount` and `directOnlyCount` give
   * one at a time), remembered for the last filter.
   */
  headerCounts(filters: EgmFilters | undefined): HeaderCounts {
    const mask = this.filters.mask(filters);
    if (this.lastHeaders?.mask === mask) return this.lastHeaders.counts;
    const axisCounts = (axis: Axis) => {
      const dim = axis.dimension;
      const all = new Int32Array(axis.entries.length);
      const direct = new Int32Array(axis.entries.length);
      axis.entries.forEach((e, i) => {
        const o = dim.ordinals.get(e.id)!;
        all[i] = dim.members[o].andCount(mask);
        if (e.expanded) direct[i] = dim.directOnly[o].andCount(mask);
      });
      return [all, direct] as const;
    };
    const [rows, rowsDirectOnly] = axisCounts(this.rows);
    const [columns, columnsDirectOnly] = axisCounts(this.columns);
    const counts = { rows, columns, rowsDirectOnly, columnsDirectOnly };
    this.lastHeaders = { mask, counts };
    return counts;
  }

  private lastHeaders?: { mask: Bitset; counts: HeaderCounts };

  /** How many studies a header covers under `filters`. */
  headerCount(axis: 'row' | 'column', categoryId: string, filters: EgmFilters | undefined): number {
    const m = this.members(axis === 'row' ? this.rows.dimension : this.columns.dimension, categoryId);
    return m ? m.andCount(this.filters.mask(filters)) : 0;
  }

  /**
   * Studies coded to a group itself but to none of its descendants, under `filters`: while the
   * group is expanded they are in none of the cells, so its header lists them (spec §3).
   */
  directOnlyStudies(axis: 'row' | 'column', groupId: string, filters: EgmFilters | undefined): string[] {
    const dim = axis === 'row' ? this.rows.dimension : this.columns.dimension;
    const o = dim.ordinals.get(groupId);
    return o === undefined ? [] : this.index.ids(dim.directOnly[o].clone().andWith(this.filters.mask(filters)));
  }

  directOnlyCount(axis: 'row' | 'column', groupId: string, filters: EgmFilters | undefined): number {
    const dim = axis === 'row' ? this.rows.dimension : this.columns.dimension;
    const o = dim.ordinals.get(groupId);
    return o === undefined ? 0 : dim.directOnly[o].andCount(this.filters.mask(filters));
  }

  private members(dim: DimensionIndex, id: string): Bitset | undefined {
    const o = dim.ordinals.get(id);
    return o === undefined ? undefined : dim.members[o];
  }
}
