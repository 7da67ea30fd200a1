import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GridModel, buildAxis } from './grid.js';
import { createIndex } from './map-index.js';
import { parseMap } from './parse.js';
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

  it('counts reviews per cell from layout.reviews', () => {
    const m = model();
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
