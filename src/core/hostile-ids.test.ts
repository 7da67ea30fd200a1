// Ids are any text: a dimension named `constructor`, `toString` or `__proto__` is valid (and an
// importer's slug can be `constructor`). Renaming a dimension of the small map to such a name,
// everywhere it is named, must change nothing a reader gets: the same counts, filters,
// downloads and diff. Every dimension × every name, exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffMaps } from './diff.js';
import { mapPicture, pictureToSvg } from './export/picture.js';
import { studiesToCsv, studiesToRis } from './export/table.js';
import { FilterEngine } from './filter.js';
import { GridModel } from './grid.js';
import { createIndex } from './map-index.js';
import { parseMap, splitMap } from './parse.js';
import { smallMap, smallMapRenamed as renamed } from './testing/fixture.js';
import { assertNoPollution, HOSTILE_KEYS, prototypeSnapshot } from './testing/fuzz.js';
import type { EgmMap } from './types.js';

/** Everything a reader gets from a map, with no dimension id in it. */
function whatAReaderGets(map: EgmMap, filterDim: string) {
  const checked = parseMap(map);
  const { schema, studies } = splitMap(checked);
  const index = createIndex(checked);
  const { rows, columns, segments } = checked.layout;
  const model = new GridModel(index, { rows, columns, segments });
  const firstCategory = checked.dimensions.find((d) => d.id === filterDim)!.categories[0].id;
  const filtered = model.count({ categories: { [filterDim]: [firstCategory] } });
  return {
    counts: [...model.totals.counts],
    filteredCounts: [...filtered.counts],
    filteredIds: new FilterEngine(index).matchingIds({ categories: { [filterDim]: [firstCategory] } }),
    csv: studiesToCsv(schema, studies),
    ris: studiesToRis(schema, studies),
    svg: pictureToSvg(mapPicture(model, filtered)),
    diff: diffMaps(checked, { ...checked, studies: studies.slice(1) }),
  };
}

describe('dimensions named after Object.prototype members', () => {
  for (const dim of smallMap().dimensions.map((d) => d.id)) {
    it(`reads "${dim}" under every such name as under its own`, () => {
      const before = prototypeSnapshot();
      const expected = whatAReaderGets(smallMap(), dim);
      assert.ok(expected.filteredIds.length > 0, `a filter on ${dim} lets some studies through`);
      for (const name of HOSTILE_KEYS) {
        assert.deepEqual(whatAReaderGets(renamed(dim, name), name), expected, `"${dim}" renamed "${name}"`);
      }
      assertNoPollution(before);
    });
  }
});
