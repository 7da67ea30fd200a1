import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EgmValidationError } from '../errors.js';
import { GridModel } from '../grid.js';
import { createIndex } from '../map-index.js';
import { parseMap } from '../parse.js';
import type { EgmMap } from '../types.js';
import { fromEppiReviewer } from './eppi-reviewer.js';

/** The cut of the real export (fixtures/SOURCE.md): CodeSets whole, the first 150 references. */
const real = JSON.parse(readFileSync(new URL('./fixtures/retraction-lit-trimmed.json', import.meta.url), 'utf8')) as {
  CodeSets: { Attributes: { AttributesList: { AttributeId: number; AttributeName: string; Attributes?: { AttributesList: { AttributeId: number }[] } }[] } }[];
  References: { ItemId: number; Codes: { AttributeId: number }[] }[];
};

// ---- independent counts over the fixture: plain loops, no importer code ------------------------

/** The AttributeIds of the children of the top-level code named `name` (the export has one code set). */
function childIds(name: string): number[] {
  for (const code of real.CodeSets[0].Attributes.AttributesList) {
    if (code.AttributeName.trim() === name) return (code.Attributes?.AttributesList ?? []).map((c) => c.AttributeId);
  }
  throw new Error(`no top-level code ${name}`);
}

/** How many references carry every one of `ids` (the row and column codes here are leaves). */
function countCarrying(...ids: number[]): number {
  let n = 0;
  for (const ref of real.References) {
    const carried = new Set<number>();
    for (const c of ref.Codes) carried.add(c.AttributeId);
    if (ids.every((id) => carried.has(id))) n++;
  }
  return n;
}

/** How many references carry none of `ids`. */
function countCarryingNone(ids: number[]): number {
  let n = 0;
  for (const ref of real.References) if (!ref.Codes.some((c) => ids.includes(c.AttributeId))) n++;
  return n;
}

/** The distinct-study count of cell (rowId, columnId) as the grid computes it (spec §3). */
function cell(model: GridModel, rowId: string, columnId: string): number {
  const r = model.rows.byId.get(rowId)!;
  const c = model.columns.byId.get(columnId)!;
  return model.totals.counts[r.line * model.columns.lines.length + c.line];
}

// Code ids looked up in the fixture (CodeSets[0], "Comparison Sets"):
//   9095071 "Citation of retracted papers" (group, 11 children)
//   9587057 "Research Design" (group, 2 children: 9587359 "RetractionWatch", 9587360 "Interviews/surveys")
//   9095077 "Processes and policies" (group, 6 children)
//   9122374 "Citation context" (group, 2 children: 9094967 explored, 9094966 not explored)
//   9564477 "Language" (group, 6 children), 9095074 "Studies related to discipline or geography" (6)
const CITATION_FIELD = '9382252'; // "Citation as component--field specific items using citation"
const CITATION_FOCUS_FIELD = '9094964'; // "Citation as focus--particular field of study"
const CITATION_FOCUS_GEO = '9094963'; // "Citation as focus--geographic"
const CITATION_WHOLE_DB = '9094965'; // "Citation as focus--whole database/dataset"
const REASONS = '9095054'; // "Analysis of reasons for retraction"
const TIME = '9095065'; // "Time to retraction"
const POLICIES = '9095050'; // "Journal or publisher policies/instructions to authors"

describe('fromEppiReviewer on the real export (retraction-lit, first 150 references)', () => {
  it('rows = "Citation of retracted papers", columns = "Research Design": every cell is a gap', () => {
    const { map, warnings } = fromEppiReviewer(real, {
      rows: 'Citation of retracted papers',
      columns: 'Research Design',
      filters: ['Language', 'Studies related to discipline or geography'],
    });
    assert.deepEqual(parseMap(map), map);
    // Every reference becomes a study: 150.
    assert.equal(real.References.length, 150);
    assert.equal(map.studies.length, 150);
    assert.equal(map.title, 'Imported from EPPI-Reviewer');
    assert.deepEqual(map.layout, {
      rows: 'citation-of-retracted-papers',
      columns: 'research-design',
      filters: ['language', 'studies-related-to-discipline-or-geography'],
    });
    // Categories = the chosen codes' children: 11 rows, 2 columns (childIds counts them directly).
    assert.equal(childIds('Citation of retracted papers').length, 11);
    assert.equal(childIds('Research Design').length, 2);
    const dims = Object.fromEntries(map.dimensions.map((d) => [d.id, d.categories.map((c) => [c.id, c.label])]));
    assert.equal(dims['citation-of-retracted-papers'].length, 11);
    assert.deepEqual(dims['research-design'], [
      ['9587359', 'RetractionWatch'],
      ['9587360', 'Interviews/surveys'],
    ]);
    assert.equal(dims.language.length, 6);
    assert.equal(dims['studies-related-to-discipline-or-geography'].length, 6);

    // Nobody in this export was ever coded with a "Research Design" child (the group was added
    // to the code set but left unused: 0 of the 385 references in the whole export, and so
    // 0 of these 150, carry 9587359 or 9587360). So the three chosen cells are gaps:
    const model = new GridModel(createIndex(map), { rows: map.layout.rows, columns: map.layout.columns });
    assert.equal(countCarrying(Number(CITATION_FIELD), 9587359), 0);
    assert.equal(countCarrying(Number(CITATION_FOCUS_FIELD), 9587360), 0);
    assert.equal(countCarrying(Number(CITATION_WHOLE_DB), 9587359), 0);
    assert.equal(cell(model, CITATION_FIELD, '9587359'), 0);
    assert.equal(cell(model, CITATION_FOCUS_FIELD, '9587360'), 0);
    assert.equal(cell(model, CITATION_WHOLE_DB, '9587359'), 0);
    assert.equal(model.totals.max, 0);

    // …and the warnings say so. 102 = 150 - 48 references carrying one of the 11 citation codes.
    assert.equal(countCarryingNone(childIds('Citation of retracted papers')), 102);
    assert.equal(countCarryingNone(childIds('Research Design')), 150);
    assert.deepEqual(warnings, [
      { message: "102 studies carry no code under 'Citation of retracted papers': they appear in no row" },
      { message: "150 studies carry no code under 'Research Design': they appear in no column" },
    ]);
  });

  it('rows = citation codes, columns = "Processes and policies" (by id), segments = "Citation context": exact cells', () => {
    const { map, warnings } = fromEppiReviewer(real, {
      rows: 9095071, // by id, as a number
      columns: '9095077', // by id, as text
      segments: 'Citation context',
      filters: ['Language', 'Studies related to discipline or geography'],
      title: 'Empirical Retraction Lit',
    });
    assert.deepEqual(parseMap(map), map);
    assert.equal(map.title, 'Empirical Retraction Lit');
    assert.equal(map.studies.length, 150);
    assert.deepEqual(map.layout, {
      rows: 'citation-of-retracted-papers',
      columns: 'processes-and-policies',
      segments: 'citation-context',
      filters: ['language', 'studies-related-to-discipline-or-geography'],
    });
    const cols = map.dimensions.find((d) => d.id === 'processes-and-policies')!;
    assert.deepEqual(cols.categories.map((c) => c.id), childIds('Processes and policies').map(String));
    assert.equal(cols.categories.length, 6);

    const model = new GridModel(createIndex(map), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
    // Plain loops over the fixture: 7 references carry both 9382252 and 9095054, 4 carry both
    // 9094964 and 9095065, none carries 9094963 and 9095050. The row and column codes are
    // leaves, so "carries the category or a descendant" is "carries the code".
    assert.equal(countCarrying(Number(CITATION_FIELD), Number(REASONS)), 7);
    assert.equal(countCarrying(Number(CITATION_FOCUS_FIELD), Number(TIME)), 4);
    assert.equal(countCarrying(Number(CITATION_FOCUS_GEO), Number(POLICIES)), 0);
    assert.equal(cell(model, CITATION_FIELD, REASONS), 7);
    assert.equal(cell(model, CITATION_FOCUS_FIELD, TIME), 4);
    assert.equal(cell(model, CITATION_FOCUS_GEO, POLICIES), 0);
    assert.equal(model.totals.max, 7);

    // The 7 of the first cell by segment: 0 "context explored" (9094967), 6 "not explored"
    // (9094966), and 1 with neither (loops: 6 carry 9094966, 0 carry 9094967, so 7 - 6 = 1).
    assert.equal(countCarrying(Number(CITATION_FIELD), Number(REASONS), 9094966), 6);
    assert.equal(countCarrying(Number(CITATION_FIELD), Number(REASONS), 9094967), 0);
    const r = model.rows.byId.get(CITATION_FIELD)!.line;
    const c = model.columns.byId.get(REASONS)!.line;
    assert.deepEqual(model.segments.map((s) => s.label), ['Citation--context explored', 'Citation--context not explored', 'Not coded']);
    assert.deepEqual(model.cellSegments(model.totals, r, c), [0, 6, 1]);

    // A filter on "English" (9564478) keeps all 7 (every one of them is in English).
    assert.equal(countCarrying(Number(CITATION_FIELD), Number(REASONS), 9564478), 7);
    const english = model.count({ categories: { language: ['9564478'] } });
    assert.equal(english.counts[r * model.columns.lines.length + c], 7);
    assert.equal(english.shown, 148); // 148 of the 150 carry 9564478 (one is Spanish, one German)

    // 57 = 150 - 93 references with a "Processes and policies" code; 103 = 150 - 47 with a
    // "Citation context" code.
    assert.equal(countCarryingNone(childIds('Processes and policies')), 57);
    assert.equal(countCarryingNone(childIds('Citation context')), 103);
    assert.deepEqual(warnings, [
      { message: "102 studies carry no code under 'Citation of retracted papers': they appear in no row" },
      { message: "57 studies carry no code under 'Processes and policies': they appear in no column" },
      { message: "103 studies carry no code under 'Citation context': they appear as Not coded" },
    ]);
  });

  it('keeps each reference\'s fields: trimmed authors, year, journal, DOI, CR line breaks, a URL with a leading space', () => {
    const { map } = fromEppiReviewer(real, { rows: 'Citation of retracted papers', columns: 'Processes and policies' });
    const first = map.studies[0];
    assert.deepEqual(
      { id: first.id, title: first.title, authors: first.authors, year: first.year, source: first.source, doi: first.doi, abstract: first.abstract },
      {
        id: '54780091',
        title: 'Analysis of retracted articles on medicines administered to humans',
        authors: ['Dal-Ré Rafael'], // "Dal-Ré Rafael ; "
        year: 2019,
        source: 'British Journal of Clinical Pharmacology',
        doi: '10.1111/bcp.14021',
        abstract: undefined, // "Abstract": "" in the export
      },
    );
    assert.equal(map.studies[1].authors!.length, 12); // twelve names, the last followed by " ; "
    // References[14] (ItemId 46658346) separates paragraphs with a bare "\r\r".
    assert.equal(map.studies[14].id, '46658346');
    assert.match(map.studies[14].abstract!, /still missing\.\n\nIn this work/);
    assert.ok(!map.studies.some((s) => s.abstract?.includes('\r')));
    // References[139] has " http://hdl.handle.net/11603/4069".
    assert.equal(map.studies[139].url, 'http://hdl.handle.net/11603/4069');
  });
});

// ---- quirks, on a tiny hand-made export ---------------------------------------------------------

/**
 * Every quirk eppi-formats.md lists: ids as tiny integers (and one as text), a set name with a
 * trailing space and a code name with tabs, leaves without `Attributes`, an item without
 * `Codes`, a junk `"AttributeId": []`, an AttributeId twice (two arms), CR and CRLF, an extra
 * field, a javascript: URL, and a group code applied to a study.
 */
function tinyExport() {
  return {
    CodeSets: [
      {
        SetName: 'Outcome ',
        SetId: 1,
        SetDescription: '',
        Attributes: {
          AttributesList: [
            {
              AttributeId: 2,
              AttributeName: 'Health\t\t\t',
              AttributeSetDescription: '  Physical or mental health  ',
              Attributes: {
                AttributesList: [
                  { AttributeId: 3, AttributeName: 'Physical ' },
                  { AttributeId: 4, AttributeName: 'Mental', Attributes: { AttributesList: [] } },
                ],
              },
            },
            { AttributeId: 5, AttributeName: 'Wealth', AttributeSetDescription: '' },
          ],
        },
      },
      {
        SetName: 'Intervention',
        SetId: 10,
        Attributes: {
          AttributesList: [
            { AttributeId: 11, AttributeName: 'Education' },
            {
              AttributeId: 12,
              AttributeName: 'Outcome',
              Attributes: { AttributesList: [{ AttributeId: 13, AttributeName: 'Short term' }, { AttributeId: 14, AttributeName: 'Long term' }] },
            },
          ],
        },
        Unexpected: { field: true },
      },
    ],
    References: [
      {
        ItemId: 1,
        Title: 'Peer support and health',
        Authors: 'Smith J ; Okafor A ; ',
        Year: '2019',
        Abstract: 'Line one\r\nline two\rline three',
        ParentTitle: ' Journal of Tests ',
        DOI: ' 10.1000/xyz ',
        URL: 'https://example.org/1',
        Codes: [
          { AttributeId: 3, ArmId: 0 },
          { AttributeId: 3, ArmId: 7, ArmTitle: 'Arm B' }, // the same code again, another arm
          { AttributeId: [] }, // junk from a converter
          { AttributeId: 11 },
          { AttributeId: 13 },
        ],
      },
      // No Codes at all (older exports omit empty lists); no Title; a javascript: link; no year.
      { ItemId: 2, Title: '', ShortTitle: ' Doe (2020) ', URL: 'javascript:alert(1)', Year: '' },
      // Coded to the group "Health" only; no title of any kind; an ad-hoc extra field.
      { ItemId: 3, Codes: [{ AttributeId: 2 }, { AttributeId: '12' }], Custom: 'kept out' },
      { ItemId: 4, Title: 'Wealth and schooling', Year: 2021, URL: ' https://example.org/4 ', Codes: [{ AttributeId: '5' }, { AttributeId: 11 }] },
    ],
  };
}

describe('fromEppiReviewer: quirks of real exports', () => {
  it('imports a tiny export with every quirk into exactly this map', () => {
    const { map, warnings } = fromEppiReviewer(tinyExport(), { rows: 10, columns: 1, filters: [12] });
    const expected: EgmMap = {
      format: 'egm/1',
      title: 'Imported from EPPI-Reviewer',
      dimensions: [
        {
          // The set "Intervention" (SetId 10): its codes, groups included, with string ids.
          id: 'intervention',
          label: 'Intervention',
          categories: [
            { id: '11', label: 'Education' },
            { id: '12', label: 'Outcome', children: [{ id: '13', label: 'Short term' }, { id: '14', label: 'Long term' }] },
          ],
        },
        {
          // "Outcome " trimmed; the tabs after "Health" and the space after "Physical" go too.
          id: 'outcome',
          label: 'Outcome',
          categories: [
            { id: '2', label: 'Health', description: 'Physical or mental health', children: [{ id: '3', label: 'Physical' }, { id: '4', label: 'Mental' }] },
            { id: '5', label: 'Wealth' },
          ],
        },
        // Code 12 is also named "Outcome": its slug is taken, so "outcome-2".
        { id: 'outcome-2', label: 'Outcome', categories: [{ id: '13', label: 'Short term' }, { id: '14', label: 'Long term' }] },
      ],
      layout: { rows: 'intervention', columns: 'outcome', filters: ['outcome-2'] },
      studies: [
        {
          id: '1',
          title: 'Peer support and health',
          // 3 once although two arms carry it; the junk entry is skipped; 13 sits in two trees.
          codes: { intervention: ['11', '13'], outcome: ['3'], 'outcome-2': ['13'] },
          authors: ['Smith J', 'Okafor A'],
          year: 2019,
          source: 'Journal of Tests',
          abstract: 'Line one\nline two\nline three',
          doi: '10.1000/xyz',
          url: 'https://example.org/1',
        },
        { id: '2', title: 'Doe (2020)', codes: {} },
        // The group codes stay on the study: 2 ("Health") and 12 (given as the text "12").
        { id: '3', title: 'Untitled (item 3)', codes: { intervention: ['12'], outcome: ['2'] } },
        { id: '4', title: 'Wealth and schooling', codes: { intervention: ['11'], outcome: ['5'] }, year: 2021, url: 'https://example.org/4' },
      ],
    };
    assert.deepEqual(map, expected);
    assert.deepEqual(parseMap(map), map);
    assert.deepEqual(warnings, [
      { path: 'References[1].URL', message: 'item 2: the link "javascript:alert(1)" is not an http(s) address and was dropped' },
      { path: 'References[2].Title', message: 'item 3 has no title: it is listed as "Untitled (item 3)"' },
      { message: '1 code entry without a usable AttributeId (such as "AttributeId": []) was skipped' },
      // Study 2 has no codes at all.
      { message: "1 study carries no code under 'Intervention': it appears in no row" },
      { message: "1 study carries no code under 'Outcome': it appears in no column" },
    ]);
  });

  it('counts a study coded to a group in the group, not in its children (spec §3)', () => {
    const { map } = fromEppiReviewer(tinyExport(), { rows: 10, columns: 1 });
    const model = new GridModel(createIndex(map), { rows: 'intervention', columns: 'outcome' });
    // Group cells: study 1 reaches (12, 2) through its leaves 13 and 3; study 3 carries the
    // groups 12 and 2 themselves. Study 4 (11, 5) is not in it.
    assert.deepEqual(model.cellStudies('12', '2', undefined), ['1', '3']);
    assert.deepEqual(model.cellStudies('11', '2', undefined), ['1']);
    // While group 12 is expanded, study 3 (coded to 12 but to none of its children) is listed
    // on the group's header, and is in no leaf cell.
    assert.deepEqual(model.directOnlyStudies('row', '12', undefined), ['3']);
    assert.deepEqual(model.cellStudies('13', '2', undefined), ['1']);
  });

  it('rejects a name that matches two codes, listing both ids', () => {
    assert.throws(
      () => fromEppiReviewer(tinyExport(), { rows: 'Outcome', columns: 'Intervention' }),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError);
        assert.deepEqual(error.issues, [
          {
            path: 'options.rows',
            message: "the name 'Outcome' matches 2 codes: 1 (code set 'Outcome'), 12 ('Intervention > Outcome'); name the one you mean by its id",
          },
        ]);
        return true;
      },
    );
  });

  it('reports every bad option at once: unknown names, leaves, rows = columns', () => {
    assert.throws(
      () => fromEppiReviewer(tinyExport(), { rows: 'Interventions', columns: 'Intervention', segments: 5, filters: [99] }),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError);
        assert.equal(error.message.split('\n')[0], 'Invalid EPPI-Reviewer import: 3 problems');
        assert.deepEqual(error.issues, [
          { path: 'options.rows', message: "no code or code set has the name 'Interventions' (did you mean 'Intervention'?)" },
          { path: 'options.filters[0]', message: "no code or code set has the id '99'" },
          { path: 'options.segments', message: "5 ('Outcome > Wealth') has no child codes to become the categories of the segments" },
        ]);
        return true;
      },
    );
    assert.throws(() => fromEppiReviewer(tinyExport(), { rows: 1, columns: '1' }), /rows and columns name the same code/);
    assert.throws(() => fromEppiReviewer({ References: [] }, { rows: 1, columns: 10 }), EgmValidationError);
    assert.throws(() => fromEppiReviewer('{not json', { rows: 1, columns: 10 }), /not valid JSON/);
    // Where it breaks, as an editor counts (a byte-order mark first is not a column).
    assert.throws(() => fromEppiReviewer('\uFEFF{\n  "CodeSets": [],\n}', { rows: 1, columns: 10 }), /the export is not valid JSON: .*line 3,? column 1\)/);
  });

  it('reads the export as text too, with a BOM', () => {
    const { map } = fromEppiReviewer(`\uFEFF${JSON.stringify(tinyExport())}`, { rows: 'Intervention', columns: 1 });
    assert.equal(map.studies.length, 4);
  });
});
