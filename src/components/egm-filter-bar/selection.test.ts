import { expect } from '@open-wc/testing';
import { createIndex } from '../../core/map-index.js';
import { parseMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import { optionState, rovingTarget, toggleCategory } from './selection.js';

// A three-level tree: world > europe > (uk, france), world > asia; plus a top-level "other".
function regionIndex() {
  const map = smallMap();
  map.dimensions.push({
    id: 'region',
    label: 'Region',
    categories: [
      {
        id: 'world',
        label: 'World',
        children: [
          { id: 'europe', label: 'Europe', children: [{ id: 'uk', label: 'UK' }, { id: 'france', label: 'France' }] },
          { id: 'asia', label: 'Asia' },
        ],
      },
      { id: 'other', label: 'Other' },
    ],
  });
  return createIndex(parseMap(map)).dimension('region')!;
}

describe('filter bar selection (pure)', () => {
  it('shows selected, implied and mixed states', () => {
    const dim = regionIndex();
    expect(optionState(dim, ['europe'], 'europe')).to.equal('checked');
    expect(optionState(dim, ['europe'], 'uk')).to.equal('implied');
    expect(optionState(dim, ['europe'], 'world')).to.equal('mixed');
    expect(optionState(dim, ['europe'], 'asia')).to.equal('unchecked');
    expect(optionState(dim, ['nope'], 'nope')).to.equal('checked');
  });

  it('checking a group replaces its selected descendants; ids come out in tree order', () => {
    const dim = regionIndex();
    expect(toggleCategory(dim, ['other', 'uk', 'asia'], 'europe', true)).to.deep.equal(['europe', 'asia', 'other']);
    expect(toggleCategory(dim, ['other', 'uk', 'asia'], 'world', true)).to.deep.equal(['world', 'other']);
    expect(toggleCategory(dim, ['world'], 'uk', true)).to.deep.equal(['world']); // already implied
  });

  it('unchecking an implied category replaces each selected ancestor by the rest of its subtree', () => {
    const dim = regionIndex();
    expect(toggleCategory(dim, ['world'], 'uk', false)).to.deep.equal(['france', 'asia']);
    expect(toggleCategory(dim, ['world', 'other'], 'europe', false)).to.deep.equal(['asia', 'other']);
    expect(toggleCategory(dim, ['world', 'europe'], 'uk', false)).to.deep.equal(['france', 'asia']);
    expect(toggleCategory(dim, ['uk', 'france'], 'uk', false)).to.deep.equal(['france']);
  });

  it('keeps ids the dimension does not know, after the known ones', () => {
    const dim = regionIndex();
    expect(toggleCategory(dim, ['mars'], 'asia', true)).to.deep.equal(['asia', 'mars']);
    expect(toggleCategory(dim, ['mars', 'asia'], 'mars', false)).to.deep.equal(['asia']);
  });

  it('moves roving focus with wrap-around, Home/End, and mirrored arrows in right-to-left', () => {
    expect(rovingTarget('ArrowRight', 0, 3)).to.equal(1);
    expect(rovingTarget('ArrowRight', 2, 3)).to.equal(0);
    expect(rovingTarget('ArrowLeft', 0, 3)).to.equal(2);
    expect(rovingTarget('Home', 2, 3)).to.equal(0);
    expect(rovingTarget('End', 0, 3)).to.equal(2);
    expect(rovingTarget('ArrowLeft', 0, 3, true)).to.equal(1);
    expect(rovingTarget('ArrowDown', 0, 3)).to.equal(undefined);
    expect(rovingTarget('ArrowRight', 0, 0)).to.equal(undefined);
  });
});
