import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FilterEngine, isEmptyFilter, normalizeFilters, queryTerms } from './filter.js';
import { createIndex, foldText } from './map-index.js';
import { parseMap } from './parse.js';
import { smallMap } from './testing/fixture.js';
import type { EgmFilters } from './types.js';

const engine = () => new FilterEngine(createIndex(parseMap(smallMap())));
const ids = (f: EgmFilters | undefined) => engine().matchingIds(f);

describe('FilterEngine.matchingIds (spec §3)', () => {
  it('lets everything through with no filter', () => {
    assert.deepEqual(ids({ categories: {} }), ['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
    assert.deepEqual(ids(undefined), ['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
  });

  it('includes descendants of a selected group', () => {
    assert.deepEqual(ids({ categories: { population: ['adults'] } }), ['s1', 's3', 's4', 's7']);
  });

  it('ORs within a dimension and ANDs across dimensions', () => {
    assert.deepEqual(ids({ categories: { population: ['working-age', 'children'] } }), ['s2', 's3', 's7']);
    assert.deepEqual(ids({ categories: { population: ['older'], design: ['sr'] } }), ['s7']);
    assert.deepEqual(ids({ categories: { population: ['adults'], design: ['rct'] } }), ['s1', 's3', 's4']);
  });

  it('mode "all" needs every selected category; mode "any" takes any', () => {
    assert.deepEqual(ids({ categories: { population: ['older', 'children'] }, mode: 'all' }), ['s7']);
    assert.deepEqual(ids({ categories: { population: ['children'], design: ['rct'] }, mode: 'any' }), ['s1', 's2', 's3', 's4', 's7']);
    assert.deepEqual(ids({ categories: {}, mode: 'any' }).length, 7);
  });

  it('matches every word of the query in title, authors or abstract, ignoring case and accents', () => {
    assert.deepEqual(ids({ categories: {}, query: 'nunez' }), ['s1']); // author Núñez
    assert.deepEqual(ids({ categories: {}, query: 'MULLER' }), ['s3']);
    assert.deepEqual(ids({ categories: {}, query: 'o briain' }), ['s7']);
    assert.deepEqual(ids({ categories: {}, query: 'peer  support' }), ['s3', 's4']);
    assert.deepEqual(ids({ categories: {}, query: 'wellbeing loneliness' }), ['s7']); // abstract
    assert.deepEqual(ids({ categories: {}, query: 'peer trial' }), ['s1']); // title + abstract
    assert.deepEqual(ids({ categories: {}, query: 'peer xylophone' }), []);
    assert.deepEqual(ids({ categories: {}, query: '"peer support,"' }), ['s4']);
  });

  it('keeps years within the range, bounds included; a study without a year fails an active range', () => {
    assert.deepEqual(ids({ categories: {}, years: { from: 2015, to: 2019 } }), ['s1', 's2', 's7']);
    assert.deepEqual(ids({ categories: {}, years: { from: 2019 } }), ['s1', 's3']);
    assert.deepEqual(ids({ categories: {}, years: { to: 2010 } }), ['s5', 's6']);
    assert.deepEqual(ids({ categories: {}, years: {} }).length, 7); // {} = no year filter
  });

  it('applies query and years on top of categories in every mode', () => {
    assert.deepEqual(ids({ categories: { population: ['children'], design: ['rct'] }, mode: 'any', years: { from: 2016 } }), ['s1', 's3', 's7']);
    assert.deepEqual(ids({ categories: { design: ['rct'] }, query: 'peer' }), ['s1', 's3', 's4']);
  });

  it('matches nothing for unknown categories, never throws on junk', () => {
    assert.deepEqual(ids({ categories: { population: ['martians'] } }), []);
    assert.deepEqual(ids({ categories: { nope: ['x'] } }), []);
    assert.deepEqual(ids({ categories: 'junk' } as unknown as EgmFilters).length, 7);
  });
});

describe('FilterEngine.facets', () => {
  it('counts what each option would give under the other dimensions’ filters', () => {
    const f = engine().facets({ categories: { design: ['sr'], population: ['older'] } }, 'population');
    assert.deepEqual(Object.fromEntries(f), { adults: 1, older: 1, 'working-age': 0, children: 2 });
  });

  it('uses every other selection in mode "all" and only query/years in mode "any"', () => {
    const e = engine();
    assert.deepEqual(Object.fromEntries(e.facets({ categories: { design: ['rct'] }, mode: 'all' }, 'population')), { adults: 3, older: 1, 'working-age': 1, children: 0 });
    assert.deepEqual(Object.fromEntries(e.facets({ categories: { design: ['rct'] }, mode: 'any', years: { from: 2018 } }, 'population')), { adults: 3, older: 2, 'working-age': 1, children: 1 });
    assert.equal(e.facets(undefined, 'nope').size, 0);
  });

  it('in mode "all", keeps the dimension\'s own selection too: an option counts what checking it gives', () => {
    const e = engine();
    const f = { categories: { population: ['older'] }, mode: 'all' as const };
    const facets = e.facets(f, 'population');
    assert.deepEqual(Object.fromEntries(facets), { adults: 2, older: 2, 'working-age': 0, children: 1 });
    // Each number is what the option, checked, would show.
    for (const id of ['adults', 'working-age', 'children']) {
      assert.equal(facets.get(id), e.mask({ ...f, categories: { population: ['older', id] } }).count(), id);
    }
  });
});

describe('normalizeFilters', () => {
  it('drops junk, empty selections, blank queries and open ranges', () => {
    assert.deepEqual(
      normalizeFilters({ categories: { b: ['x', 'x', 3, ''], a: [], c: 'y' }, mode: 'standard', query: '  ', years: { from: Number.NaN } }),
      { categories: { b: ['x'] } },
    );
    assert.deepEqual(normalizeFilters({ categories: {}, mode: 'all', query: ' q ', years: { to: 2000 } }), { categories: {}, mode: 'all', query: 'q', years: { to: 2000 } });
    assert.deepEqual(normalizeFilters(null), { categories: {} });
    assert.deepEqual(normalizeFilters({ categories: {}, mode: 'bogus' }), { categories: {} });
  });

  it('does not pollute prototypes with a __proto__ dimension', () => {
    const f = normalizeFilters(JSON.parse('{"categories":{"__proto__":["polluted"]}}'));
    assert.deepEqual(Object.keys(f.categories), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(f.categories), Object.prototype);
  });

  it('isEmptyFilter and queryTerms', () => {
    assert.equal(isEmptyFilter({ categories: { a: [] }, query: ' ' }), true);
    assert.equal(isEmptyFilter({ categories: {}, years: { from: 1 } }), false);
    assert.deepEqual(queryTerms('Peer  "Self Management" Núñez'), ['peer', 'self management', 'nunez']);
    assert.equal(foldText('Søndergaard ÆBLE Straße'), 'sondergaard aeble strasse');
  });
});
