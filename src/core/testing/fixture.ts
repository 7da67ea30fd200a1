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
