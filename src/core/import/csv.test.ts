import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EgmValidationError } from '../errors.js';
import { GridModel } from '../grid.js';
import { createIndex } from '../map-index.js';
import { parseMap } from '../parse.js';
import type { EgmMap } from '../types.js';
import { decodeWindows1252, fromCsv, type CsvMapping } from './csv.js';
import { utf16 } from '../testing/utf16.js';

/**
 * Windows-1252 bytes for the characters these tests use: ASCII and Latin-1 letters are their
 * own byte ("ü" is 0xFC); typographic marks sit in 0x80–0x9F, where Windows-1252 differs from
 * Latin-1 (and where Node 20's own TextDecoder goes wrong, see csv.ts).
 */
const CP1252: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97 };
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const byte = CP1252[ch];
    if (byte === undefined) throw new Error(`no Windows-1252 byte for ${ch} in this test`);
    return byte;
  });
}

/**
 * A spreadsheet saved by Excel in Windows-1252 with CRLF line ends. Spreadsheet rows:
 *   1 header
 *   2 S1: a quoted title with a comma, a quoted abstract with a line break, two outcomes
 *   3 a separator row of empty cells      4 an empty line
 *   5 S2: "ë", an em dash and curly quotes; a year that is not one; a javascript: link
 *   6 another separator row               7 S3: no title, no population
 *   8 S4: doubled quotes, a repeated and an empty value in one cell
 */
const SHEET = [
  'ID,Title,Authors,Year,Abstract,Link,Outcome,Population',
  'S1,"Peer support, in practice",Müller K; Ødegård L ,2019,"Line one\r\nline two",https://example.org/s1,Health;Wellbeing,Adults',
  ',,,,,,,',
  '',
  'S2,Zoë’s study — a “quoted” title,,n.d.,,javascript:alert(1),Health,Older adults; Adults',
  ' , , ,,,,,',
  'S3,,Smith J,2020,,,"Education;Health",',
  'S4,"Café culture",,2021,"Has ""quotes""",http://example.org/s4,Wellbeing;  ;Wellbeing,Older adults',
  '',
].join('\r\n');

const MAPPING: CsvMapping = {
  id: 'ID',
  title: 'Title',
  authors: 'Authors',
  year: 'Year',
  abstract: 'Abstract',
  url: 'Link',
  dimensions: [
    { column: 'Outcome' },
    // Categories from a second file: values name them by label ("Older adults") or id.
    { column: 'Population', label: 'Who', categories: [{ id: 'adults', label: 'Adults', children: [{ id: 'older', label: 'Older adults' }] }] },
  ],
  layout: { rows: 'outcome', columns: 'who' },
};

const EXPECTED: EgmMap = {
  format: 'egm/1',
  title: 'Imported from CSV',
  dimensions: [
    {
      // Distinct values in first-seen order: Health, Wellbeing (S1), Education (S3).
      id: 'outcome',
      label: 'Outcome',
      categories: [
        { id: 'health', label: 'Health' },
        { id: 'wellbeing', label: 'Wellbeing' },
        { id: 'education', label: 'Education' },
      ],
    },
    { id: 'who', label: 'Who', categories: [{ id: 'adults', label: 'Adults', children: [{ id: 'older', label: 'Older adults' }] }] },
  ],
  layout: { rows: 'outcome', columns: 'who' },
  studies: [
    {
      id: 'S1',
      title: 'Peer support, in practice',
      authors: ['Müller K', 'Ødegård L'],
      year: 2019,
      abstract: 'Line one\nline two',
      url: 'https://example.org/s1',
      codes: { outcome: ['health', 'wellbeing'], who: ['adults'] },
    },
    {
      id: 'S2',
      title: 'Zoë’s study — a “quoted” title',
      codes: { outcome: ['health'], who: ['older', 'adults'] },
    },
    { id: 'S3', title: 'Untitled (row 7)', authors: ['Smith J'], year: 2020, codes: { outcome: ['education', 'health'] } },
    {
      id: 'S4',
      title: 'Café culture',
      year: 2021,
      abstract: 'Has "quotes"',
      url: 'http://example.org/s4',
      codes: { outcome: ['wellbeing'], who: ['older'] },
    },
  ],
};

const ROW_WARNINGS = [
  { path: 'row 5', message: 'row 5: the year "n.d." is not a 4-digit year and was left out' },
  { path: 'row 5', message: 'row 5: the link "javascript:alert(1)" is not an http(s) address and was dropped' },
  { path: 'row 7', message: 'row 7 has no title: it is listed as "Untitled (row 7)"' },
  { message: "1 study carries no code under 'Who': it appears in no column" }, // S3
];

describe('fromCsv', () => {
  it('reads a Windows-1252 file with blank separator rows, quoted commas and line breaks, and multi-valued cells', () => {
    const bytes = windows1252(SHEET);
    assert.equal(bytes[bytes.indexOf(0x4d /* M */) + 1], 0xfc); // "Müller": ü is the single byte 0xFC
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)); // so it is not UTF-8
    const { map, warnings } = fromCsv(bytes, MAPPING);
    assert.deepEqual(map, EXPECTED);
    assert.deepEqual(parseMap(map), map);
    assert.deepEqual(warnings, [
      { message: 'the file is not valid UTF-8: it was read as Windows-1252 (set mapping.encoding if that is wrong)' },
      ...ROW_WARNINGS,
    ]);
  });

  it('counts the imported map: a group column holds its child, distinct studies', () => {
    const { map } = fromCsv(windows1252(SHEET), MAPPING);
    const m = new GridModel(createIndex(map), { rows: 'outcome', columns: 'who' });
    // who = Adults (group) > Older adults: Adults holds S1, S2 (itself), S4 (via Older).
    assert.deepEqual(m.cellStudies('health', 'adults', undefined), ['S1', 'S2']);
    assert.deepEqual(m.cellStudies('wellbeing', 'adults', undefined), ['S1', 'S4']);
    assert.deepEqual(m.cellStudies('education', 'adults', undefined), []); // S3 has no population: a gap
  });

  it('reads the same sheet as UTF-8 bytes (with a BOM) and as text, without the encoding warning', () => {
    const utf8 = new TextEncoder().encode(`\uFEFF${SHEET}`);
    assert.deepEqual(utf8.slice(0, 3), Uint8Array.of(0xef, 0xbb, 0xbf));
    const fromBytes = fromCsv(utf8, MAPPING);
    assert.deepEqual(fromBytes.map, EXPECTED);
    assert.deepEqual(fromBytes.warnings, ROW_WARNINGS);
    const fromText = fromCsv(`\uFEFF${SHEET}`, MAPPING);
    assert.deepEqual(fromText.map, EXPECTED);
    assert.deepEqual(fromText.warnings, ROW_WARNINGS);
  });

  it("reads the same sheet saved as UTF-16 (Excel's \"Unicode Text\", either byte order), without the encoding warning", () => {
    for (const order of ['le', 'be'] as const) {
      const { map, warnings } = fromCsv(utf16(SHEET, order), MAPPING);
      assert.deepEqual(map, EXPECTED, order);
      assert.deepEqual(warnings, ROW_WARNINGS, order);
    }
  });

  it('decodes Windows-1252 as browsers do, 0x80–0x9F included', () => {
    // 0x80 €, 0x81 (unassigned: stays U+0081), 0x92 ’, 0x9F Ÿ, 0xA0 no-break space, 0xFC ü, "A".
    assert.equal(decodeWindows1252(Uint8Array.of(0x80, 0x81, 0x92, 0x9f, 0xa0, 0xfc, 0x41)), '€\u0081’Ÿ\u00a0üA');
    assert.equal(decodeWindows1252(new Uint8Array(20000).fill(0x97)), '—'.repeat(20000)); // past one 8192 chunk
  });

  it('decodes with a forced encoding, and refuses an unknown one', () => {
    // UTF-8 bytes forced through windows-1252 give mojibake: proof that the option is obeyed.
    const { map } = fromCsv(new TextEncoder().encode(SHEET), { ...MAPPING, encoding: 'windows-1252' });
    assert.deepEqual(map.studies[0].authors, ['MÃ¼ller K', 'Ã˜degÃ¥rd L']);
    assert.throws(() => fromCsv(new Uint8Array(), { ...MAPPING, encoding: 'klingon' }), /unknown encoding 'klingon'/);
  });

  it('numbers studies by spreadsheet row without an id column, and splits on chosen separators', () => {
    const csv = 'Title;Authors;Topic;Place\nA;X | Y;b/a;UK\n\nB;;a;\n';
    const { map, warnings } = fromCsv(csv, {
      title: 'Title',
      authors: 'Authors',
      authorSeparator: '|',
      delimiter: ';',
      dimensions: [{ column: 'Topic', separator: '/' }, { column: 'Place', id: 'country' }],
      layout: { rows: 'topic', columns: 'country', filters: ['topic'] },
      mapTitle: 'Tiny',
    });
    assert.deepEqual(map, {
      format: 'egm/1',
      title: 'Tiny',
      dimensions: [
        { id: 'topic', label: 'Topic', categories: [{ id: 'b', label: 'b' }, { id: 'a', label: 'a' }] },
        { id: 'country', label: 'Place', categories: [{ id: 'uk', label: 'UK' }] },
      ],
      layout: { rows: 'topic', columns: 'country', filters: ['topic'] },
      studies: [
        { id: '2', title: 'A', authors: ['X', 'Y'], codes: { topic: ['b', 'a'], country: ['uk'] } },
        { id: '4', title: 'B', codes: { topic: ['a'] } },
      ],
    });
    assert.deepEqual(warnings, [{ message: "1 study carries no code under 'Place': it appears in no column" }]);
  });

  it('makes category and dimension ids unique slugs, and warns about values outside given categories', () => {
    const csv = 'Title,Kind,Kind 2\nA,Self-help,x\nB,Self help,y\nC,self–help,Z\n';
    const { map, warnings } = fromCsv(csv, {
      title: 'Title',
      dimensions: [
        { column: 'Kind', label: 'Kind' },
        { column: 'Kind 2', label: 'Kind', categories: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] },
      ],
      layout: { rows: 'kind', columns: 'kind-2' },
    });
    assert.deepEqual(map.dimensions.map((d) => [d.id, d.categories.map((c) => `${c.id}=${c.label}`)]), [
      ['kind', ['self-help=Self-help', 'self-help-2=Self help', 'self-help-3=self–help']],
      ['kind-2', ['x=X', 'y=Y']],
    ]);
    assert.deepEqual(map.studies.map((s) => s.codes['kind-2'] ?? []), [['x'], ['y'], []]);
    assert.deepEqual(warnings, [
      { path: 'row 4', message: "row 4: 'Z' under 'Kind 2' is not a category of 'Kind' and was left out" },
      { message: "1 study carries no code under 'Kind': it appears in no column" },
    ]);
  });

  it('reports every mapping problem at once, with suggestions', () => {
    assert.throws(
      () =>
        fromCsv('Title,Outcome\nA,x\n', {
          title: 'title',
          year: 'Year',
          dimensions: [{ column: 'Outcomes' }, { column: 'Outcome' }],
          layout: { rows: 'outcome', columns: 'population' },
        }),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError);
        assert.deepEqual(error.issues, [
          { path: 'mapping.title', message: "no column is headed 'title' (did you mean 'Title'?)" },
          { path: 'mapping.year', message: "no column is headed 'Year'" },
          { path: 'mapping.dimensions[0].column', message: "no column is headed 'Outcomes' (did you mean 'Outcome'?)" },
          { path: 'mapping.layout.columns', message: "must be the id of one of the mapped dimensions ('outcome')" },
        ]);
        return true;
      },
    );
    assert.throws(() => fromCsv('\n\n', { title: 'T', dimensions: [], layout: { rows: 'a', columns: 'b' } }), /no header row/);
  });

  it('rejects a mapping of the wrong shape with every problem, naming the mapping (never a TypeError)', () => {
    const csv = 'Title,Outcome,Who\nA,x,Adults\n';
    assert.throws(
      () => fromCsv(csv, null as unknown as CsvMapping),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError, 'an EgmValidationError');
        assert.deepEqual(error.issues, [{ path: 'mapping', message: 'must be an object: { title, dimensions, layout }, but is null' }]);
        return true;
      },
    );
    const mapping = {
      title: 'Title',
      dimensions: [
        null,
        { column: 'Outcome', categories: 'x' },
        {
          column: 'Who',
          categories: [
            { id: 'adults', label: 'Adults', children: 'Older adults' },
            null,
            { id: 'adults', label: ' ', color: 'blue' },
            { label: 'Children', description: 5, children: [{ id: 7, label: 'Teens' }, { id: 'kids' }] },
          ],
        },
      ],
      layout: { rows: 'outcome', columns: 'who' },
    } as unknown as CsvMapping;
    assert.throws(
      () => fromCsv(csv, mapping),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError, 'an EgmValidationError');
        assert.deepEqual(error.issues, [
          { path: 'mapping.dimensions[0]', message: 'must be an object: { column }, but is null' },
          { path: 'mapping.dimensions[1].categories', message: 'must be a list of categories, but is the text "x"' },
          { path: 'mapping.dimensions[2].categories[0].children', message: 'must be a list of categories, but is the text "Older adults"' },
          { path: 'mapping.dimensions[2].categories[1]', message: 'must be a category: { id, label }, but is null' },
          { path: 'mapping.dimensions[2].categories[2].label', message: 'must not be empty' },
          { path: 'mapping.dimensions[2].categories[2].id', message: "the category id 'adults' is used twice in this dimension (ids must be unique across all levels)" },
          { path: 'mapping.dimensions[2].categories[2].color', message: 'must be a hex colour such as "#1b7837", but is the text "blue"' },
          { path: 'mapping.dimensions[2].categories[3].id', message: 'is required' },
          { path: 'mapping.dimensions[2].categories[3].description', message: 'must be text, but is the number 5' },
          { path: 'mapping.dimensions[2].categories[3].children[1].label', message: 'is required' },
        ]);
        return true;
      },
    );
  });

  it('checks the layout as a map would, naming the mapping', () => {
    const csv = 'Title,Outcome,Who,Design\nA,x,Adults,RCT\n';
    const dimensions = [{ column: 'Outcome' }, { column: 'Who' }, { column: 'Design' }];
    const issues = (layout: unknown) => {
      try {
        fromCsv(csv, { title: 'Title', dimensions, layout } as CsvMapping);
      } catch (error) {
        assert.ok(error instanceof EgmValidationError, 'an EgmValidationError');
        return error.issues;
      }
      return [];
    };
    assert.deepEqual(issues({ rows: 'outcome', columns: 'outcome' }), [
      { path: 'mapping.layout.columns', message: "rows and columns must be different dimensions (both are 'outcome')" },
    ]);
    assert.deepEqual(issues({ rows: 'outcome', columns: 'who', segments: 'who', filters: ['design', 'design'] }), [
      { path: 'mapping.layout.segments', message: "segments must differ from the rows and the columns (it is 'who')" },
      { path: 'mapping.layout.filters[1]', message: "the dimension 'design' is listed twice" },
    ]);
    // Not dropped without a word: a single filter must be a list too.
    assert.deepEqual(issues({ rows: 'outcome', columns: 'who', filters: 'design' }), [{ path: 'mapping.layout.filters', message: 'must be a list of dimension ids' }]);
    assert.deepEqual(issues({ rows: 'outcome', columns: 'who', segments: 'design', filters: ['design'] }), []);
  });
});
