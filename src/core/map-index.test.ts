import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticMap } from '../../scripts/demo-data.js';
import type { Bitset } from './bitset.js';
import { createIndex } from './map-index.js';
import { parseMap } from './parse.js';
import { smallMap } from './testing/fixture.js';
import type { EgmStudy } from './types.js';

const positions = (set: Bitset) => {
  const out: number[] = [];
  set.forEach((i) => out.push(i));
  return out;
};

describe('createIndex', () => {
  it('indexes every dimension as a scan of the studies one dimension at a time would', () => {
    const map = parseMap(syntheticMap({ studies: 1500, seed: 7 }));
    const index = createIndex(map);
    assert.deepEqual([...index.dimensions.keys()], map.dimensions.map((d) => d.id));
    let codes = 0;
    for (const d of map.dimensions) {
      const dim = index.dimension(d.id)!;
      const of = (s: EgmStudy) => s.codes[d.id] ?? [];
      map.studies.forEach((s, i) => {
        assert.deepEqual(Array.from(dim.codes[i], (o) => dim.byOrdinal[o].data.id), of(s), `${d.id}, study ${i}`);
        codes += of(s).length;
      });
      assert.deepEqual(positions(dim.coded), map.studies.flatMap((s, i) => (of(s).length > 0 ? [i] : [])), d.id);
      for (const node of dim.byOrdinal) {
        const o = dim.ordinals.get(node.data.id)!;
        const below = new Set(node.descendants().slice(1).map((n) => n.data.id));
        const carries = (s: EgmStudy) => of(s).includes(node.data.id);
        const carriesBelow = (s: EgmStudy) => of(s).some((id) => below.has(id));
        const where = (test: (s: EgmStudy) => boolean) => map.studies.flatMap((s, i) => (test(s) ? [i] : []));
        assert.deepEqual(positions(dim.members[o]), where((s) => carries(s) || carriesBelow(s)), node.data.id);
        assert.deepEqual(positions(dim.directOnly[o]), node.children ? where((s) => carries(s) && !carriesBelow(s)) : [], node.data.id);
      }
    }
    assert.ok(codes > 1500 * 4, 'every study carries codes in several dimensions');
  });

  it('reads only a study’s own codes in known dimensions and categories from an unchecked map', () => {
    const map = parseMap(smallMap());
    const inherited = Object.create({ support: ['education'] }) as Record<string, string[]>;
    inherited.outcome = ['mental-health', 'nope'];
    inherited.unknown = ['education'];
    const studies: EgmStudy[] = [{ id: 'a', title: 'A', codes: inherited }, { id: 'b', title: 'B', codes: { support: ['emotional'] } }];
    const index = createIndex({ ...map, studies });
    const support = index.dimension('support')!;
    const outcome = index.dimension('outcome')!;
    assert.deepEqual(Array.from(support.codes[0]), []);
    assert.deepEqual(Array.from(support.codes[1], (o) => support.byOrdinal[o].data.id), ['emotional']);
    assert.deepEqual(Array.from(outcome.codes[0], (o) => outcome.byOrdinal[o].data.id), ['mental-health']);
    assert.deepEqual(positions(support.coded), [1]);
    assert.deepEqual(positions(outcome.coded), [0]);
  });
});
