/**
 * A small hand-built map whose every count is worked out by hand in the tests. It exercises
 * each counting rule of spec §3: a group that is not the sum of its children, a study coded
 * only to a group, studies without a segment code, a study with two segment codes, nested
 * filter categories, accents, and studies without a year.
 */
import type { EgmMap } from '../types.js';

export function smallMap(): EgmMap {
  return {
    format: 'egm/1',
    id: 'small',
    title: 'Small test map',
    dimensions: [
      {
        id: 'support',
        label: 'Type of support',
        categories: [
          { id: 'education', label: 'Education' },
          { id: 'emotional', label: 'Emotional support' },
          {
            id: 'delivery',
            label: 'Delivery',
            children: [
              { id: 'in-person', label: 'In person' },
              { id: 'remote', label: 'Remote' },
            ],
          },
        ],
      },
      {
        id: 'outcome',
        label: 'Outcome',
        categories: [
          { id: 'physical', label: 'Physical health' },
          { id: 'mental-health', label: 'Mental health' },
          { id: 'wellbeing', label: 'Wellbeing' },
          { id: 'cost', label: 'Cost-effectiveness' },
        ],
      },
      {
        id: 'quality',
        label: 'Study quality',
        categories: [
          { id: 'high', label: 'High', color: '#1b7837' },
          { id: 'medium', label: 'Medium', color: '#e08214' },
          { id: 'low', label: 'Low', color: '#b2182b' },
        ],
      },
      {
        id: 'population',
        label: 'Population',
        categories: [
          { id: 'adults', label: 'Adults', children: [{ id: 'older', label: 'Older adults' }, { id: 'working-age', label: 'Working age' }] },
          { id: 'children', label: 'Children' },
        ],
      },
      {
        id: 'design',
        label: 'Study type',
        categories: [
          { id: 'sr', label: 'Systematic review' },
          { id: 'rct', label: 'RCT' },
        ],
      },
    ],
    layout: {
      rows: 'support',
      columns: 'outcome',
      segments: 'quality',
      filters: ['population', 'design'],
      reviews: { dimension: 'design', categories: ['sr'] },
    },
    studies: [
      {
        id: 's1', title: 'Peer education for adults with diabetes', authors: ['Núñez A', 'Smith J'], year: 2019,
        abstract: 'A randomised trial of group education.',
        codes: { support: ['education'], outcome: ['physical', 'mental-health'], quality: ['high'], population: ['older'], design: ['rct'] },
      },
      {
        id: 's2', title: 'Emotional support and education for young carers', authors: ['Okafor B'], year: 2015,
        codes: { support: ['education', 'emotional'], outcome: ['mental-health'], quality: ['medium'], population: ['children'], design: ['sr'] },
      },
      {
        id: 's3', title: 'Blended peer support', authors: ['Müller C'], year: 2021,
        codes: { support: ['in-person', 'remote'], outcome: ['mental-health'], quality: ['high', 'low'], population: ['working-age'], design: ['rct'] },
      },
      {
        id: 's4', title: 'Peer support, delivery unspecified',
        codes: { support: ['delivery'], outcome: ['physical'], quality: [], population: ['adults'], design: ['rct'] },
      },
      {
        id: 's5', title: 'Remote peer mentoring', year: 2010,
        codes: { support: ['delivery', 'remote'], outcome: ['physical'], quality: ['low'] },
      },
      {
        id: 's6', title: 'Emotional support without a coded outcome', year: 2000,
        codes: { support: ['emotional'], quality: ['high'] },
      },
      {
        id: 's7', title: 'Befriending in person', authors: ['Ó Briain D'], year: 2018, abstract: 'Loneliness and wellbeing.',
        codes: { support: ['in-person'], outcome: ['mental-health', 'wellbeing'], population: ['older', 'children'], design: ['sr'] },
      },
    ],
  };
}

/**
 * smallMap() with `extra` more studies in education × cost (a gap in smallMap), all of high
 * quality: for counts in the thousands (number formats). With 1,234 extra, High totals 1,237.
 */
export function smallMapWithBigCell(extra = 1234): EgmMap {
  const map = smallMap();
  for (let i = 0; i < extra; i++) map.studies.push({ id: `x${i}`, title: `Extra ${i}`, codes: { support: ['education'], outcome: ['cost'], quality: ['high'] } });
  return map;
}

/**
 * smallMap() with one more dimension, named `id` ("Extra", one category `e1` "E one"), coded
 * for study s1 alone: for dimension ids named after `Object.prototype` members, which studies
 * without codes in them must read as no codes (not as the inherited member).
 */
export function smallMapWithDimension(id: string): EgmMap {
  const map = smallMap();
  map.dimensions.push({ id, label: 'Extra', categories: [{ id: 'e1', label: 'E one' }] });
  // An own property even for `__proto__`, as JSON.parse makes it.
  Object.defineProperty(map.studies[0].codes, id, { value: ['e1'], enumerable: true, writable: true, configurable: true });
  return map;
}

/**
 * `map` (smallMap() by default) with dimension `from` called `to` wherever it is named (`to`
 * may be `__proto__`).
 */
export function smallMapRenamed(from: string, to: string, map = smallMap()): EgmMap {
  const name = (id: string) => (id === from ? to : id);
  for (const d of map.dimensions) d.id = name(d.id);
  const l = map.layout;
  l.rows = name(l.rows);
  l.columns = name(l.columns);
  if (l.segments) l.segments = name(l.segments);
  if (l.filters) l.filters = l.filters.map(name);
  if (l.reviews) l.reviews.dimension = name(l.reviews.dimension);
  for (const s of map.studies) {
    const codes: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(s.codes)) Object.defineProperty(codes, name(k), { value: v, enumerable: true, writable: true, configurable: true });
    s.codes = codes;
  }
  return map;
}
