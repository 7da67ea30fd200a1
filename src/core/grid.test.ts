import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GridModel, buildAxis } from './grid.js';
import { createIndex } from './map-index.js';
import { parseMap } from './parse.js';
import { syntheticMap } from '../../scripts/demo-data.js';
import { smallMap } from './testing/fixture.js';
import type { EgmFilters } from './types.js';

const index = () => createIndex(parseMap(smallMap()));
const model = (collapsed: string[] = []) =>
  new GridModel(index(), { rows: 'support', columns: 'outcome', segments: 'quality', collapsed });

/** The counts as a matrix of rows, for readable expectations. */
function matrix(m: GridModel, counts = m.totals.counts): number[][] {
  const C = m.columns.lines.length;
  return m.rows.lines.map((_, r) => Array.from(counts.subarray(r * C, (r + 1) * C)));
}

describe('buildAxis', () => {
  it('lists headers in tree order with lines for leaves and spans for expanded groups', () => {
    const axis = buildAxis(index().dimension('support')!);
    assert.deepEqual(
      axis.entries.map((e) => [e.id, e.depth, e.line, e.span, e.expanded]),
      [
        ['education', 1, 0, 1, false],
        ['emotional', 1, 1, 1, false],
        ['delivery', 1, -1, 2, true],
        ['in-person', 2, 2, 1, false],
        ['remote', 2, 3, 1, false],
      ],
    );
    assert.equal(axis.depth, 2);
    assert.deepEqual(axis.byId.get('remote')!.path, ['delivery']);
  });

  it('turns a collapsed group into one line that its descendants count towards', () => {
    const axis = buildAxis(index().dimension('support')!, new Set(['delivery']));
    assert.deepEqual(axis.lines.map((e) => e.id), ['education', 'emotional', 'delivery']);
    assert.deepEqual(axis.entries.map((e) => e.id), ['education', 'emotional', 'delivery']);
    assert.deepEqual(Array.from(axis.lineOf), [0, 1, 2, 2, 2]);
    assert.equal(axis.depth, 1);
  });
});

describe('GridModel counts (spec §3)', () => {
  it('counts distinct studies per leaf cell; a study coded only to a group is in no leaf cell', () => {
    const m = model();
    assert.deepEqual(matrix(m), [
      [1, 2, 0, 0], // education: s1 | s1 s2
      [0, 1, 0, 0], // emotional: s2 (s6 has no outcome)
      [0, 2, 1, 0], // in-person: s3 s7 | s7
      [1, 1, 0, 0], // remote: s5 | s3   (s4 is coded to "delivery" only)
    ]);
    assert.equal(m.totals.shown, 7);
    assert.equal(m.totals.max, 2);
  });

  it('counts a collapsed group as the distinct studies of the group and its descendants, not the sum', () => {
    const m = model(['delivery']);
    assert.deepEqual(matrix(m)[2], [2, 2, 1, 0]); // physical s4 s5 | mental s3 s7 (children sum to 3) | wellbeing s7
    assert.deepEqual(m.cellStudies('delivery', 'mental-health', undefined), ['s3', 's7']);
    assert.deepEqual(m.cellStudies('delivery', 'physical', undefined), ['s4', 's5']);
  });

  it('splits cells by segment, with "Not coded" kept and several codes counted in each', () => {
    const m = model();
    assert.deepEqual(m.segments.map((s) => [s.id, s.label, s.color, s.total]), [
      ['high', 'High', '#1b7837', 3],
      ['medium', 'Medium', '#e08214', 1],
      ['low', 'Low', '#b2182b', 2],
      ['', 'Not coded', '#8c8c8c', 2],
    ]);
    assert.deepEqual(m.cellSegments(m.totals, 0, 1), [1, 1, 0, 0]); // education × mental: s1 high, s2 medium
    assert.deepEqual(m.cellSegments(m.totals, 2, 1), [1, 0, 1, 1]); // in-person × mental: s3 high+low, s7 not coded
    assert.deepEqual(m.cellSegments(m.totals, 2, 2), [0, 0, 0, 1]); // in-person × wellbeing: s7
    const collapsed = model(['delivery']);
    assert.deepEqual(collapsed.cellSegments(collapsed.totals, 2, 0), [0, 0, 1, 1]); // s4 (empty quality list) not coded, s5 low
  });

  it('gives each study one first segment per cell (segment order), so they sum to the count', () => {
    const m = model();
    const first = (r: number, c: number) => Array.from(m.totals.firstSegments.subarray((r * 4 + c) * 4, (r * 4 + c + 1) * 4));
    assert.deepEqual(first(2, 1), [1, 0, 0, 1]); // in-person × mental: s3 high+low → high; s7 not coded
    assert.deepEqual(first(0, 1), [1, 1, 0, 0]); // education × mental: s1 high, s2 medium
    assert.deepEqual(first(3, 0), [0, 0, 1, 0]); // remote × physical: s5 low
    for (let i = 0; i < 16; i++) assert.equal(first(Math.floor(i / 4), i % 4).reduce((x, y) => x + y, 0), m.totals.counts[i]);
    assert.equal(new GridModel(index(), { rows: 'support', columns: 'outcome' }).totals.firstSegments.length, 0);
  });

  it('counts reviews per cell from layout.reviews', () => {
    const m = model();
    assert.equal(m.hasReviews, true);
    assert.deepEqual(matrix(m, m.totals.reviews), [
      [0, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('recounts under a filter while totals keep the unfiltered counts (gap vs filtered out)', () => {
    const m = model();
    const adults: EgmFilters = { categories: { population: ['adults'] } };
    const counts = m.count(adults);
    assert.deepEqual(matrix(m, counts.counts), [
      [1, 1, 0, 0],
      [0, 0, 0, 0],
      [0, 2, 1, 0],
      [0, 1, 0, 0],
    ]);
    assert.equal(counts.shown, 4);
    // emotional × mental: filtered to zero but not a gap; education × cost: a gap.
    assert.equal(counts.counts[1 * 4 + 1], 0);
    assert.equal(m.totals.counts[1 * 4 + 1], 1);
    assert.equal(m.totals.counts[0 * 4 + 3], 0);
    assert.deepEqual(m.cellStudies('education', 'mental-health', adults), ['s1']);
  });

  it('reports a gap and unknown ids as an empty list', () => {
    const m = model();
    assert.deepEqual(m.cellStudies('education', 'cost', undefined), []);
    assert.deepEqual(m.cellStudies('nope', 'cost', undefined), []);
  });

  it('answers header questions: members, counts and studies coded to an expanded group itself', () => {
    const m = model();
    assert.deepEqual(m.headerStudies('row', 'delivery', undefined), ['s3', 's4', 's5', 's7']);
    assert.deepEqual(m.headerStudies('column', 'mental-health', undefined), ['s1', 's2', 's3', 's7']);
    assert.equal(m.headerCount('row', 'emotional', undefined), 2);
    assert.deepEqual(m.directOnlyStudies('row', 'delivery', undefined), ['s4']); // s5 also carries "remote"
    assert.equal(m.directOnlyCount('row', 'delivery', { categories: { design: ['sr'] } }), 0);
  });

  it('gives every header count at once, as headerCount and directOnlyCount do one by one', () => {
    const m = model();
    const filters: (EgmFilters | undefined)[] = [undefined, { categories: { population: ['adults'] } }, { categories: { design: ['sr'] } }];
    for (const f of filters) {
      const h = m.headerCounts(f);
      m.rows.entries.forEach((e, i) => {
        assert.equal(h.rows[i], m.headerCount('row', e.id, f), e.id);
        assert.equal(h.rowsDirectOnly[i], e.expanded ? m.directOnlyCount('row', e.id, f) : 0, e.id);
      });
      m.columns.entries.forEach((e, i) => assert.equal(h.columns[i], m.headerCount('column', e.id, f), e.id));
      assert.equal(m.headerCounts(f), h, 'remembered for the same filter');
    }
    assert.equal(m.headerCounts(undefined).rowsDirectOnly[m.rows.entries.findIndex((e) => e.id === 'delivery')], 1); // s4
  });

  it('works without segments, transposed, and refuses a bad configuration with a RangeError', () => {
    const i = index();
    const plain = new GridModel(i, { rows: 'outcome', columns: 'support' });
    assert.equal(plain.segments.length, 0);
    assert.equal(plain.totals.segments.length, 0);
    assert.deepEqual(Array.from(plain.totals.counts.subarray(4, 8)), [2, 1, 2, 1]); // mental × education, emotional, in-person, remote
    assert.throws(() => new GridModel(i, { rows: 'support', columns: 'support' }), RangeError);
    assert.throws(() => new GridModel(i, { rows: 'nope', columns: 'support' }), /no dimension "nope"/);
  });

  it('treats a segment dimension with groups by top-level category', () => {
    const i = index();
    const m = new GridModel(i, { rows: 'support', columns: 'outcome', segments: 'population' });
    assert.deepEqual(m.segments.map((s) => [s.id, s.total]), [['adults', 4], ['children', 2], ['', 2]]);
    // in-person × mental: s3 working-age → adults; s7 older + children → both.
    assert.deepEqual(m.cellSegments(m.totals, 2, 1), [2, 1, 0]);
  });
});

describe('GridModel incremental recount', () => {
  const map = parseMap(syntheticMap({ studies: 600, seed: 7 }));
  const layout = { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments };

  /** Counts, segments and reviews cell by cell from the cells' study lists: no shared code with `count`. */
  function reference(m: GridModel, filters: EgmFilters | undefined) {
    const seg = m.index.dimension(layout.segments!)!;
    const tops = seg.root.children!.map((t) => t.data.id);
    const topOf = (id: string) => seg.nodes.get(id)!.ancestors().find((a) => a.depth === 1)!.data.id;
    const reviews = new Set(map.layout.reviews!.categories);
    const K = m.segments.length;
    const counts: number[] = [];
    const segments: number[] = [];
    const firsts: number[] = [];
    const reviewCounts: number[] = [];
    for (const r of m.rows.lines) {
      for (const c of m.columns.lines) {
        const ids = m.cellStudies(r.id, c.id, filters);
        counts.push(ids.length);
        const per = new Array<number>(K).fill(0);
        const firstOf = new Array<number>(K).fill(0);
        let rev = 0;
        for (const id of ids) {
          const codes = m.index.studies[m.index.positions.get(id)!].codes[layout.segments!] ?? [];
          const hit = new Set(codes.map(topOf));
          if (hit.size === 0) per[K - 1]++;
          for (const t of hit) per[tops.indexOf(t)]++;
          firstOf[hit.size === 0 ? K - 1 : Math.min(...[...hit].map((t) => tops.indexOf(t)))]++;
          if (codes.some((x) => reviews.has(x))) rev++;
        }
        segments.push(...per);
        firsts.push(...firstOf);
        reviewCounts.push(rev);
      }
    }
    return { counts, segments, firsts, reviews: reviewCounts };
  }

  it('matches a cell-by-cell recount through narrowing, widening, near-total and repeated filters', () => {
    const m = new GridModel(createIndex(map), { ...layout, collapsed: ['ig2'] });
    const sequence: (EgmFilters | undefined)[] = [
      { categories: { population: ['population-1'] } }, // from zero
      { categories: { population: ['population-1', 'population-2'] } }, // from the last counts
      { categories: { population: ['population-2'] } },
      { categories: {}, years: { from: 1991 } }, // nearly everything: from the totals
      { categories: { region: ['region-3'] }, query: 'health' },
      { categories: { region: ['region-3'] }, query: 'health' }, // the same again
      undefined,
      { categories: { population: ['nope'] } }, // nothing passes
    ];
    for (const f of sequence) {
      const got = m.count(f);
      const want = reference(m, f);
      assert.deepEqual(Array.from(got.counts), want.counts, JSON.stringify(f));
      assert.deepEqual(Array.from(got.segments), want.segments, JSON.stringify(f));
      assert.deepEqual(Array.from(got.reviews), want.reviews, JSON.stringify(f));
      assert.deepEqual(Array.from(got.firstSegments), want.firsts, JSON.stringify(f));
      assert.equal(got.shown, m.filters.mask(f).count());
      assert.equal(got.max, Math.max(0, ...want.counts));
    }
  });

  it('keeps the unfiltered totals untouched by later counts', () => {
    const m = new GridModel(createIndex(map), layout);
    const before = Array.from(m.totals.counts);
    m.count({ categories: { population: ['population-1'] } });
    m.count({ categories: {}, years: { from: 1991 } });
    assert.deepEqual(Array.from(m.totals.counts), before);
    assert.equal(m.count(undefined), m.totals);
  });
});
