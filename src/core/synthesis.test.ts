import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GridModel } from './grid.js';
import { createIndex } from './map-index.js';
import { parseMap } from './parse.js';
import { synthesisGapAt, synthesisGapMin, synthesisGaps, SYNTHESIS_GAP_MIN } from './synthesis.js';
import type { EgmFilters, EgmMap, EgmStudy } from './types.js';

/**
 * Rows a, b, c and a group d (d1, d2); columns x, y. Worked out by hand:
 *
 *   a × x  3 primary                     a × y  5 primary + 1 review (r1)
 *   b × x  5 primary (p9, p10 in the UK)  b × y  2 primary
 *   c × x  1 review (r2) only             c × y  nothing (an absolute gap)
 *   d1 × x 2 primary (p16, p17)           d2 × x 2 primary (p17, p18): d × x holds 3 distinct
 */
function reviewMap(): EgmMap {
  const study = (id: string, row: string[], column: string, design: 'sr' | 'rct' = 'rct', region = 'us'): EgmStudy => ({
    id,
    title: id,
    codes: { row, column: [column], design: [design], region: [region] },
  });
  const studies: EgmStudy[] = [
    ...['p1', 'p2', 'p3'].map((id) => study(id, ['a'], 'x')),
    ...['p4', 'p5', 'p6', 'p7', 'p8'].map((id) => study(id, ['a'], 'y')),
    study('r1', ['a'], 'y', 'sr'),
    ...['p9', 'p10'].map((id) => study(id, ['b'], 'x', 'rct', 'uk')),
    ...['p11', 'p12', 'p13'].map((id) => study(id, ['b'], 'x')),
    ...['p14', 'p15'].map((id) => study(id, ['b'], 'y')),
    study('r2', ['c'], 'x', 'sr'),
    study('p16', ['d1'], 'x'),
    study('p17', ['d1', 'd2'], 'x'),
    study('p18', ['d2'], 'x'),
  ];
  return {
    format: 'egm/1',
    title: 'Reviews',
    dimensions: [
      { id: 'row', label: 'Row', categories: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }, { id: 'd', label: 'D', children: [{ id: 'd1', label: 'D1' }, { id: 'd2', label: 'D2' }] }] },
      { id: 'column', label: 'Column', categories: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] },
      { id: 'design', label: 'Design', categories: [{ id: 'sr', label: 'Systematic review' }, { id: 'rct', label: 'RCT' }] },
      { id: 'region', label: 'Region', categories: [{ id: 'us', label: 'US' }, { id: 'uk', label: 'UK' }] },
    ],
    layout: { rows: 'row', columns: 'column', filters: ['design', 'region'], reviews: { dimension: 'design', categories: ['sr'] } },
    studies,
  };
}

const model = (map = reviewMap(), collapsed: string[] = []) => new GridModel(createIndex(parseMap(map)), { rows: 'row', columns: 'column', collapsed });
/** The gaps as [row, column, primary studies]. */
const gaps = (m: GridModel, filters?: EgmFilters, min?: number) => synthesisGaps(m, m.count(filters), min).map((g) => [g.rowId, g.columnId, g.primary]);

describe('synthesisGaps', () => {
  it('lists cells with at least 5 primary studies and no review, by default', () => {
    assert.equal(SYNTHESIS_GAP_MIN, 5);
    // a × y has 5 primary studies but a review; a × x has 3.
    assert.deepEqual(gaps(model()), [['b', 'x', 5]]);
  });

  it('follows the threshold: under it a cell is not a gap; a review-only cell and an empty cell never are', () => {
    const m = model();
    assert.deepEqual(gaps(m, undefined, 3), [['a', 'x', 3], ['b', 'x', 5]]);
    assert.deepEqual(gaps(m, undefined, 2), [['a', 'x', 3], ['b', 'x', 5], ['b', 'y', 2], ['d1', 'x', 2], ['d2', 'x', 2]]);
    assert.deepEqual(gaps(m, undefined, 6), []);
    // With a threshold of 1, c × x (a review only) and c × y (empty) are still not listed.
    assert.deepEqual(gaps(m, undefined, 1).filter(([r]) => r === 'c'), []);
  });

  it('counts a collapsed group’s distinct primary studies, not the sum of its children’s', () => {
    const m = model(reviewMap(), ['d']);
    assert.deepEqual(gaps(m, undefined, 3), [['a', 'x', 3], ['b', 'x', 5], ['d', 'x', 3]]);
    assert.deepEqual(gaps(m, undefined, 4), [['b', 'x', 5]]); // 2 + 2 would have been 4
  });

  it('counts under the current filters', () => {
    const m = model();
    // UK only: b × x keeps p9 and p10.
    assert.deepEqual(gaps(m, { categories: { region: ['uk'] } }), []);
    assert.deepEqual(gaps(m, { categories: { region: ['uk'] } }, 2), [['b', 'x', 2]]);
    // US only: b × x keeps 3 of its 5.
    assert.deepEqual(gaps(m, { categories: { region: ['us'] } }, 3), [['a', 'x', 3], ['b', 'x', 3]]);
    // Filtering the reviews out leaves a × y without one: under that filter it is a synthesis gap.
    assert.deepEqual(gaps(m, { categories: { design: ['rct'] } }), [['a', 'y', 5], ['b', 'x', 5]]);
    assert.deepEqual(gaps(m, { categories: {}, query: 'no such study' }, 1), []);
  });

  it('gives the primary count per cell, and labels', () => {
    const m = model();
    const counts = m.count(undefined);
    const C = counts.columns;
    const at = (r: string, c: string) => m.rows.byId.get(r)!.line * C + m.columns.byId.get(c)!.line;
    assert.equal(synthesisGapAt(counts, at('b', 'x'), 5), 5);
    assert.equal(synthesisGapAt(counts, at('a', 'y'), 5), 0); // a review
    assert.equal(synthesisGapAt(counts, at('a', 'x'), 5), 0); // 3 < 5
    assert.equal(synthesisGapAt(counts, at('c', 'y'), 0), 0); // empty, even with a threshold of 0
    assert.deepEqual(synthesisGaps(m, counts)[0], { rowId: 'b', rowLabel: 'B', columnId: 'x', columnLabel: 'X', primary: 5 });
  });

  it('finds nothing without layout.reviews', () => {
    const map = reviewMap();
    delete map.layout.reviews;
    const m = model(map);
    assert.equal(m.hasReviews, false);
    assert.deepEqual(gaps(m, undefined, 1), []);
  });
});

describe('synthesisGapMin', () => {
  it('takes a whole number of at least 1 (rounded up), else the default 5', () => {
    assert.deepEqual(
      [3, '3', ' 7 ', 2.5, 1, 0, -2, '', 'five', undefined, null, Number.NaN, Infinity].map(synthesisGapMin),
      [3, 3, 7, 3, 1, 5, 5, 5, 5, 5, 5, 5, 5],
    );
  });
});

describe('the three filter modes on the same map (spec §3)', () => {
  // Systematic review or RCT, and the UK: every study has one design and one region.
  const categories = { design: ['sr', 'rct'], region: ['uk'] };

  it('standard: OR within a dimension, AND across: p9 and p10', () => {
    const m = model();
    assert.equal(m.count({ categories }).shown, 2);
    assert.deepEqual(gaps(m, { categories }, 2), [['b', 'x', 2]]);
  });

  it('all: every selected category at once: no study is both a review and an RCT', () => {
    const m = model();
    assert.equal(m.count({ categories, mode: 'all' }).shown, 0);
    assert.deepEqual(gaps(m, { categories, mode: 'all' }, 1), []);
  });

  it('any: any selected category: all 20 studies, and the unfiltered gaps', () => {
    const m = model();
    assert.equal(m.count({ categories, mode: 'any' }).shown, 20);
    assert.deepEqual(gaps(m, { categories, mode: 'any' }, 2), [['a', 'x', 3], ['b', 'x', 5], ['b', 'y', 2], ['d1', 'x', 2], ['d2', 'x', 2]]);
    assert.deepEqual(gaps(m, { categories, mode: 'any' }, 2), gaps(m, undefined, 2));
  });
});
