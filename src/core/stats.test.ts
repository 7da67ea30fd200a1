import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffMaps } from './diff.js';
import { parseMap } from './parse.js';
import { mapStats } from './stats.js';
import { smallMap, smallMapWithDimension } from './testing/fixture.js';

describe('mapStats', () => {
  it('counts studies, cells, gaps, studies outside the grid, the largest cells and segment totals', () => {
    const s = mapStats(parseMap(smallMap()), { top: 3 });
    assert.equal(s.studies, 7);
    assert.deepEqual(s.rows, { dimension: 'Type of support', count: 4 });
    assert.deepEqual(s.columns, { dimension: 'Outcome', count: 4 });
    assert.equal(s.cells, 16);
    assert.equal(s.gaps, 9); // see grid.test.ts: 7 of the 16 leaf cells hold studies
    assert.equal(s.outsideGrid, 1); // s6 has no outcome (s4, coded to a group only, is in the grid's dimensions)
    assert.deepEqual(
      s.largest.map((c) => [c.rowId, c.columnId, c.count]),
      [
        ['education', 'mental-health', 2],
        ['in-person', 'mental-health', 2],
        ['education', 'physical', 1],
      ],
    );
    assert.deepEqual(s.segments.map((x) => [x.id, x.total]), [['high', 3], ['medium', 1], ['low', 2], ['', 2]]);
    assert.deepEqual(s.synthesisGaps, { min: 5, cells: [] });
  });

  it('lists synthesis gaps with layout.reviews, and leaves them out without', () => {
    // No review in education × physical (s1), remote × physical (s5), remote × mental (s3);
    // education × mental and in-person × mental hold a review (s2, s7).
    const s = mapStats(parseMap(smallMap()), { synthesisGapMin: 1 });
    assert.deepEqual(s.synthesisGaps, {
      min: 1,
      cells: [
        { rowId: 'education', rowLabel: 'Education', columnId: 'physical', columnLabel: 'Physical health', primary: 1 },
        { rowId: 'remote', rowLabel: 'Remote', columnId: 'physical', columnLabel: 'Physical health', primary: 1 },
        { rowId: 'remote', rowLabel: 'Remote', columnId: 'mental-health', columnLabel: 'Mental health', primary: 1 },
      ],
    });
    const map = smallMap();
    delete map.layout.reviews;
    assert.equal('synthesisGaps' in mapStats(parseMap(map), { synthesisGapMin: 1 }), false);
  });
});

describe('diffMaps', () => {
  it('lists added, removed, recoded and edited studies', () => {
    const a = parseMap(smallMap());
    const next = smallMap();
    next.studies = next.studies.filter((s) => s.id !== 's6');
    next.studies[0].codes.outcome = ['physical'];
    next.studies[1].title = 'A new title';
    next.studies.push({ id: 's8', title: 'New', codes: {} });
    const d = diffMaps(a, parseMap(next));
    assert.deepEqual(d, {
      added: ['s8'],
      removed: ['s6'],
      recoded: [{ id: 's1', changes: [{ dimension: 'outcome', added: [], removed: ['mental-health'] }] }],
      edited: [{ id: 's2', fields: ['title'] }],
    });
  });

  it('compares codes in a dimension named after an Object.prototype member', () => {
    const d = diffMaps(parseMap(smallMapWithDimension('constructor')), parseMap(smallMapWithDimension('constructor')));
    assert.deepEqual(d, { added: [], removed: [], recoded: [], edited: [] });
    const older = smallMapWithDimension('constructor');
    older.studies[0].codes = { ...smallMap().studies[0].codes };
    assert.deepEqual(diffMaps(parseMap(older), parseMap(smallMapWithDimension('constructor'))).recoded, [
      { id: 's1', changes: [{ dimension: 'constructor', added: ['e1'], removed: [] }] },
    ]);
  });
});
