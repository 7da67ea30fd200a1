import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalLanguage, formatMessage, formatNumber, matchLanguage, mergeMessages, pluralCategory, type Plural } from './i18n.js';

const STUDIES: Plural = { one: '{n} study', other: '{n} studies' };

describe('formatMessage', () => {
  it('fills placeholders, formatting numbers for the language and leaving strings as given', () => {
    assert.equal(formatMessage('en', '{row}, {column}: {n}', { row: 'Education', column: 'Wellbeing', n: 12345 }), 'Education, Wellbeing: 12,345');
    assert.equal(formatMessage('fr', '{n} sur {total}', { n: 1234, total: 20000 }), '1\u202f234 sur 20\u202f000');
    assert.equal(formatMessage('de', '{n}', { n: 1234.5 }), '1.234,5');
    // Years go in as strings: no thousands separator.
    assert.equal(formatMessage('en', 'Published {year}', { year: '2019' }), 'Published 2019');
  });

  it('keeps an unknown placeholder visible and text without placeholders as it is', () => {
    assert.equal(formatMessage('en', 'Showing {n} of {total}', { n: 3 }), 'Showing 3 of {total}');
    assert.equal(formatMessage('en', 'No studies'), 'No studies');
    assert.equal(formatMessage('en', 'Use {braces} literally'), 'Use {braces} literally');
  });

  it('chooses the plural form by {n} with the language’s rules', () => {
    assert.deepEqual([0, 1, 2, 1000].map((n) => formatMessage('en', STUDIES, { n })), ['0 studies', '1 study', '2 studies', '1,000 studies']);
    // French: 0 and 1 are "one".
    const fr: Plural = { one: '{n} étude', other: '{n} études' };
    assert.deepEqual([0, 1, 2].map((n) => formatMessage('fr', fr, { n })), ['0 étude', '1 étude', '2 études']);
    // Welsh has six categories; a table giving only some falls back to `other`.
    const cy: Plural = { zero: 'dim astudiaethau', one: 'un astudiaeth', two: 'dwy astudiaeth', other: '{n} astudiaeth' };
    assert.deepEqual([0, 1, 2, 3, 6, 7].map((n) => formatMessage('cy', cy, { n })), [
      'dim astudiaethau', 'un astudiaeth', 'dwy astudiaeth', '3 astudiaeth', '6 astudiaeth', '7 astudiaeth',
    ]);
    assert.deepEqual([0, 1, 2, 3, 6, 7].map((n) => pluralCategory('cy', n)), ['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it('treats a missing {n} in a plural as 0', () => {
    assert.equal(formatMessage('en', STUDIES), '{n} studies');
    assert.equal(formatMessage('en', { one: 'one', other: 'other' }), 'other');
  });
});

describe('formatNumber and canonicalLanguage', () => {
  it('formats per language and falls back to English for empty or invalid tags', () => {
    assert.equal(formatNumber('en', 1234567), '1,234,567');
    assert.equal(formatNumber('en-IN', 1234567), '12,34,567');
    assert.equal(canonicalLanguage('EN-gb'), 'en-GB');
    assert.equal(canonicalLanguage(''), 'en');
    assert.equal(canonicalLanguage(undefined), 'en');
    assert.equal(canonicalLanguage('not a tag!'), 'en');
    assert.equal(formatNumber('not a tag!', 1234), '1,234');
  });

  it('formats small whole numbers (kept per language) exactly as Intl does', () => {
    for (const lang of ['en', 'fr', 'ar-EG', 'hi-IN-u-nu-deva']) {
      const intl = new Intl.NumberFormat(lang);
      for (const n of [0, 7, 999, 1023, 1024, 1025, 2.5, -3]) {
        assert.equal(formatNumber(lang, n), intl.format(n), `${lang} ${n}`);
        assert.equal(formatNumber(lang, n), intl.format(n), `${lang} ${n}, again`);
      }
    }
    assert.equal(formatNumber('ar-EG', 12), '١٢');
    assert.equal(formatNumber('hi-IN-u-nu-deva', 5), '५');
    assert.equal(formatNumber('en', -0), '-0');
    assert.equal(formatNumber('en', 0), '0');
  });
});

describe('mergeMessages', () => {
  const base = { grid: { gap: 'a gap', studies: STUDIES, nested: { deep: 'deep' } }, title: 'Map' };

  it('lays partial tables over the base, level by level, without changing the base', () => {
    const merged = mergeMessages(base, { grid: { gap: 'une lacune' } }, { grid: { nested: { deep: 'profond' } }, title: 'Carte' });
    assert.deepEqual(merged, { grid: { gap: 'une lacune', studies: STUDIES, nested: { deep: 'profond' } }, title: 'Carte' });
    assert.equal(base.grid.gap, 'a gap');
    assert.equal(mergeMessages(base), base);
  });

  it('replaces a plural whole, and lets a plain string stand for a plural and the other way round', () => {
    const merged = mergeMessages(base, { grid: { studies: { other: '{n} études' } } });
    assert.deepEqual(merged.grid.studies, { other: '{n} études' });
    assert.equal(mergeMessages(base, { grid: { studies: 'studies' as unknown as Plural } }).grid.studies, 'studies');
    assert.deepEqual(mergeMessages(base, { title: { one: 'Map', other: 'Maps' } as unknown as string }).title, { one: 'Map', other: 'Maps' });
  });

  it('ignores unknown keys, wrong shapes and non-objects', () => {
    const odd = { grid: { gap: 42, unknown: 'x', nested: 'flat' }, title: { deep: 'x' }, extra: 'y', __proto__: { title: 'polluted' } };
    assert.deepEqual(mergeMessages(base, odd as never), base);
    assert.deepEqual(mergeMessages(base, null as never, 'text' as never, [] as never), base);
  });
});

describe('matchLanguage', () => {
  it('takes an exact tag, then the language alone, then a sibling region', () => {
    assert.equal(matchLanguage('fr-CA', ['en', 'fr']), 'fr');
    assert.equal(matchLanguage('fr-ca', ['fr-CA', 'fr']), 'fr-CA');
    assert.equal(matchLanguage('pt-PT', ['en', 'pt-BR']), 'pt-BR');
    assert.equal(matchLanguage('de', ['en', 'fr']), undefined);
    assert.equal(matchLanguage('', ['en', 'fr']), 'en');
  });
});
