import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EgmValidationError } from '../errors.js';
import { GridModel } from '../grid.js';
import { createIndex } from '../map-index.js';
import { parseMap } from '../parse.js';
import type { EgmMap } from '../types.js';
import { fromEppiMapperHtml } from './eppi-mapper.js';

const page = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The grid of a map's default layout, with `collapsed` groups. */
function model(map: EgmMap, collapsed: string[] = []): GridModel {
  return new GridModel(createIndex(map), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments, collapsed });
}

/** Headers in tree order as `depth:label`, for readable expectations. */
const headers = (m: GridModel, axis: 'rows' | 'columns') => m[axis].entries.map((e) => `${e.depth}:${e.label}`);

/** The counts as a matrix of rows. */
function matrix(m: GridModel): number[][] {
  const C = m.columns.lines.length;
  return m.rows.lines.map((_, r) => Array.from(m.totals.counts.subarray(r * C, (r + 1) * C)));
}

describe('fromEppiMapperHtml: an older template (fixtures/eppi-mapper-older.html)', () => {
  const { map, warnings } = fromEppiMapperHtml(page('eppi-mapper-older.html'));

  it('is a valid map titled from the <title> element, with the about text kept as HTML', () => {
    assert.deepEqual(parseMap(map), map);
    assert.equal(map.title, 'Parenting & mentoring: an evidence map'); // "&amp;" decoded
    // Kept as written (the JSON escape "<\/script>" read as "</script>"); sanitised at render.
    assert.equal(map.aboutHtml, '<p>Made with EPPI-Mapper. See the <a href="https://example.org/report">report</a>.</p><script>alert(1)</script>');
  });

  it('rebuilds the header hierarchy and order from positions, not from the lying root span', () => {
    const m = model(map);
    // Body rows: [Intervention, Parenting, Home visits], [Group classes], [Mentoring, Peer
    // mentoring], [Adult mentoring], [Online mentoring]: three levels, the first the root.
    assert.equal(m.rows.dimension.dimension.label, 'Intervention');
    assert.deepEqual(headers(m, 'rows'), [
      '1:Parenting',
      '2:Home visits',
      '2:Group classes', // "Group classes\t" trimmed
      '1:Mentoring',
      '2:Peer mentoring',
      '2:Adult mentoring',
      '2:Online mentoring',
    ]);
    // Columns: level 0 "Outcome" (the dimension), level 1 Health (span 2) and Education
    // (span 1), so Physical and Mental sit under Health and Attainment under Education.
    assert.equal(m.columns.dimension.dimension.label, 'Outcome');
    assert.equal(m.columns.dimension.dimension.description, 'What the studies measured');
    assert.deepEqual(headers(m, 'columns'), ['1:Health', '2:Physical', '2:Mental', '1:Education', '2:Attainment']);
    // setDescription first, else description.
    const outcome = map.dimensions[1];
    assert.equal(outcome.categories[0].children![0].description, 'Body');
    assert.equal(outcome.categories[1].description, 'Schooling');
    assert.equal(map.dimensions[0].categories[0].description, 'Programmes for parents');
  });

  it('keeps the segments in legend order with lower-case colours, shared with the filter group that offers them', () => {
    assert.deepEqual(map.layout, { rows: 'intervention', columns: 'outcome', segments: 'confidence', filters: ['country', 'confidence'] });
    assert.deepEqual(map.dimensions.find((d) => d.id === 'confidence'), {
      id: 'confidence',
      label: 'Confidence',
      categories: [
        { id: '310', label: 'High confidence', color: '#5cb85c' },
        { id: '311', label: 'Medium confidence', color: '#f0ad4e' },
        { id: '312', label: 'Low confidence', color: '#d9534f' },
      ],
    });
    assert.deepEqual(map.dimensions.find((d) => d.id === 'country'), {
      id: 'country',
      label: 'Country',
      categories: [{ id: '301', label: 'UK' }, { id: '302', label: 'Kenya' }],
    });
  });

  it('counts every study once per cell, "Not coded" included', () => {
    const m = model(map);
    // Rows (leaves): Home visits 202, Group classes 203, Peer 205, Adult 206, Online 207.
    // Columns (leaves): Physical 102, Mental 103, Attainment 105.
    //   1001: 202 × 102, High          1002: 203 × 102 and 103, Medium
    //   1003: 205 × 103 and 105, High and Low (EPPI-Mapper drew it twice)
    //   1004: 206 × 105, no segment (EPPI-Mapper did not draw it)
    //   1005: 202 but no column; 1006: 207 × 103 (twice, two arms), Low; 1007: no codes.
    assert.deepEqual(matrix(m), [
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    assert.deepEqual(m.segments.map((s) => [s.id, s.color, s.total]), [
      ['310', '#5cb85c', 2], // 1001, 1003
      ['311', '#f0ad4e', 2], // 1002, 1005
      ['312', '#d9534f', 2], // 1003, 1006
      ['', '#8c8c8c', 2], // 1004, 1007
    ]);
    assert.deepEqual(m.cellSegments(m.totals, 2, 1), [1, 0, 1, 0]); // Peer × Mental: 1003, total 1 (EPPI-Mapper: 2)
    assert.deepEqual(m.cellSegments(m.totals, 3, 2), [0, 0, 0, 1]); // Adult × Attainment: 1004 Not coded
    // Collapsed "Mentoring": distinct studies of the group (1003, 1006 | 1003, 1004), not sums.
    const collapsed = model(map, ['204']);
    assert.deepEqual(matrix(collapsed)[2], [0, 2, 2]);
    // A filter on Kenya leaves 1003 alone.
    assert.equal(m.count({ categories: { country: ['302'] } }).shown, 1);
  });

  it('keeps every study, with its fields', () => {
    assert.deepEqual(map.studies.map((s) => s.id), ['1001', '1002', '1003', '1004', '1005', '1006', '1007']);
    assert.deepEqual(map.studies[0], {
      id: '1001',
      title: 'Home visiting and child health',
      authors: ['Ng A', 'Osei K'],
      year: 2018,
      source: 'Child Development',
      abstract: 'First line\nSecond line',
      doi: '10.1000/1001',
      url: 'https://example.org/1001',
      codes: { intervention: ['202'], outcome: ['102'], confidence: ['310'], country: ['301'] },
    });
    assert.deepEqual(map.studies[5].codes, { intervention: ['207'], outcome: ['103'], confidence: ['312'] });
    assert.equal(map.studies[4].url, undefined);
    assert.equal(map.studies[6].title, 'Lee (2020)');
  });

  it('warns about what it changed and where EPPI-Mapper counted differently', () => {
    assert.deepEqual(warnings, [
      { path: 'referenceData[4].URL', message: 'item 1005: the link "javascript:void(0)" is not an http(s) address and was dropped' },
      { message: "1 study carries no code under 'Intervention': it appears in no row" }, // 1007
      { message: "2 studies carry no code under 'Outcome': they appear in no column" }, // 1005, 1007
      { path: 'segmentAttributes', message: '1 study in the grid has no segment code: EPPI-Mapper did not draw it; this map shows it as Not coded' }, // 1004
      {
        path: 'segmentAttributes',
        message: '1 study in the grid has several segment codes: EPPI-Mapper drew it once per code (its cell totals add segments up); this map counts each study once per cell',
      }, // 1003
      { path: 'title', message: 'the page has no "title" constant (an older template): the title comes from its <title> element' },
    ]);
  });
});

describe('fromEppiMapperHtml: a newer template (fixtures/eppi-mapper-newer.html)', () => {
  const { map, warnings } = fromEppiMapperHtml(page('eppi-mapper-newer.html'));

  it('reads the first JSON declaration of each constant and ignores later code', () => {
    assert.deepEqual(parseMap(map), map);
    // `const title` wins over <title>EPPI-Mapper</title> and over the later `let title = "Untitled"`.
    assert.equal(map.title, 'Youth violence prevention: evidence and gap map');
    assert.equal(map.aboutHtml, '<h2>About</h2><p>Our own test page, in the shape of a newer template.</p>');
    // `const csvData = convertReferencesToCSV(referenceData)` comes later and is skipped; the
    // abstract quoting "const filters = []" lies inside referenceData and is never read as code.
    assert.equal(map.dimensions.find((d) => d.id === 'setting')!.categories.length, 2);
  });

  it('rebuilds a three-level row tree and flat columns, in order', () => {
    const m = model(map);
    // Body rows [Approach, Prevention, Universal, School-wide], [Community],
    // [Targeted, At-risk youth], [Treatment, Clinical, CBT], [Medication]: four levels.
    assert.equal(m.rows.dimension.dimension.label, 'Approach');
    assert.deepEqual(headers(m, 'rows'), [
      '1:Prevention',
      '2:Universal',
      '3:School-wide',
      '3:Community',
      '2:Targeted',
      '3:At-risk youth',
      '1:Treatment',
      '2:Clinical',
      '3:CBT',
      '3:Medication',
    ]);
    assert.deepEqual(headers(m, 'columns'), ['1:Knowledge', '1:Behaviour', '1:Wellbeing']);
  });

  it('keeps segments (legend order, colours normalised) and nested filters', () => {
    assert.deepEqual(map.layout, { rows: 'approach', columns: 'outcome', segments: 'segments', filters: ['setting'] });
    assert.deepEqual(map.dimensions.find((d) => d.id === 'segments'), {
      id: 'segments',
      label: 'Segments',
      categories: [
        { id: '50', label: 'Systematic review', description: 'A review of studies', color: '#1f77b4' },
        { id: '51', label: 'Primary study', color: '#ff9933' }, // "#f93"
      ],
    });
    assert.deepEqual(map.dimensions.find((d) => d.id === 'setting')!.categories, [
      { id: '41', label: 'Urban' },
      { id: '42', label: 'Rural', children: [{ id: '43', label: 'Remote' }] },
    ]);
  });

  it('counts distinct studies, groups included', () => {
    const m = model(map);
    // Leaves: School-wide 13, Community 14, At-risk 16, CBT 19, Medication 20 × Knowledge 31,
    // Behaviour 32, Wellbeing 33.
    //   1: 13×31   2: 13 and 14 × 32   3: 16 × 32 and 33 (review and primary)   4: 19×33 (no segment)
    //   5: 20×31   6: the group 12 (Universal) × 31 only   7: 19×32 (plus a junk code)
    assert.deepEqual(matrix(m), [
      [1, 1, 0],
      [0, 1, 0],
      [0, 1, 1],
      [0, 1, 1],
      [1, 0, 0],
    ]);
    assert.deepEqual(m.cellSegments(m.totals, 2, 1), [1, 1, 0]); // At-risk × Behaviour: study 3 in both
    assert.deepEqual(m.cellSegments(m.totals, 3, 2), [0, 0, 1]); // CBT × Wellbeing: study 4 Not coded
    // Study 6 is coded to "Universal" itself: listed on its header while expanded…
    assert.deepEqual(m.directOnlyStudies('row', '12', undefined), ['6']);
    // …and counted in its cells when collapsed: Knowledge 1 and 6; Behaviour 2 once (not 1 + 1).
    assert.deepEqual(matrix(model(map, ['12'])).slice(0, 1), [[2, 1, 0]]);
    // Collapsed "Prevention": Behaviour holds 2 and 3.
    assert.deepEqual(matrix(model(map, ['11']))[0], [2, 2, 1]);
    // Rural (42) includes Remote (43): studies 5 and 2.
    assert.deepEqual(m.count({ categories: { setting: ['42'] } }).shown, 2);
  });

  it('warns where EPPI-Mapper drew studies differently, and about the junk code', () => {
    assert.deepEqual(warnings, [
      { message: '1 code entry without a usable AttributeId (such as "AttributeId": []) was skipped' },
      {
        message: "1 study is coded to a row or column group but to none of its leaves: EPPI-Mapper did not draw it; this map counts it in the group's cells when the group is collapsed",
      }, // 6
      { path: 'segmentAttributes', message: '1 study in the grid has no segment code: EPPI-Mapper did not draw it; this map shows it as Not coded' }, // 4
      {
        path: 'segmentAttributes',
        message: '1 study in the grid has several segment codes: EPPI-Mapper drew it once per code (its cell totals add segments up); this map counts each study once per cell',
      }, // 3
    ]);
  });
});

describe('fromEppiMapperHtml: thin pages', () => {
  const minimal = (scripts: string, head = '') =>
    `<html><head>${head}</head><body><script>${scripts}</script></body></html>`;
  const csv = JSON.stringify({
    rows: [
      [{ span: 2, isColumn: true, id: 1, title: 'Outcome' }],
      [{ span: 1, isColumn: true, id: 2, parentId: 1 }, { span: 1, isColumn: true, id: 3, title: 'B', parentId: 1 }],
      [{ span: 2, isColumn: false, id: 4, title: 'Intervention' }, { span: 1, isColumn: false, id: 5, title: 'X' }],
      [{ span: 1, isColumn: false, id: 6, title: 'Y' }],
    ],
    totalColDepth: 2,
    itemMap: { 2: { span: 1, isColumn: true, id: 2, title: 'A', parentId: 1 } },
  });

  it('falls back for every missing constant, and says so', () => {
    const refs = JSON.stringify([{ ItemId: 1, Title: 'One', Codes: [{ AttributeId: 5 }, { AttributeId: 2 }] }]);
    const { map, warnings } = fromEppiMapperHtml(minimal(`var csvData = ${csv}\nlet referenceData = ${refs};\nvar dataColor = "#1976D2"`));
    assert.deepEqual(parseMap(map), map);
    assert.equal(map.title, 'Imported EPPI-Mapper map');
    // The newer cell without a title takes it from csvData.itemMap.
    assert.deepEqual(map.dimensions.map((d) => [d.id, d.categories.map((c) => c.label)]), [
      ['intervention', ['X', 'Y']],
      ['outcome', ['A', 'B']],
    ]);
    assert.deepEqual(map.layout, { rows: 'intervention', columns: 'outcome' });
    assert.deepEqual(warnings, [
      { path: 'title', message: 'the page has no "title" constant (an older template): the map is titled "Imported EPPI-Mapper map"' },
      { path: 'aboutContent', message: 'the page has no "aboutContent" constant: the map has no about text' },
      { path: 'segmentAttributes', message: 'the page has no "segmentAttributes" constant: the bubbles are not split into segments' },
      { path: 'filters', message: 'the page has no "filters" constant: the map offers no filters' },
      {
        path: 'dataColor',
        message: 'EPPI-Mapper drew every bubble in #1976d2: a map file has no bubble colour, so set the CSS custom property --egm-color-bubble: #1976d2 on the page to keep it',
      },
    ]);
  });

  it('counts the segment warnings only over the studies EPPI-Mapper drew (a leaf row and a leaf column)', () => {
    const constants = {
      title: 'X',
      aboutContent: 'a',
      // Rows: Intervention > Parenting (201) > Home visits (203), Group classes (204); columns: Outcome > Health (101), Edu (102).
      csvData: {
        rows: [
          [{ span: 2, isColumn: true, id: 100, title: 'Outcome' }],
          [{ span: 1, isColumn: true, id: 101, title: 'Health' }, { span: 1, isColumn: true, id: 102, title: 'Edu' }],
          [{ span: 2, isColumn: false, id: 200, title: 'Intervention' }, { span: 2, isColumn: false, id: 201, title: 'Parenting' }, { span: 1, isColumn: false, id: 203, title: 'Home visits' }],
          [{ span: 1, isColumn: false, id: 204, title: 'Group classes' }],
        ],
        totalColDepth: 2,
      },
      referenceData: [
        { ItemId: 1, Title: 'Group only, two segments', Codes: [{ AttributeId: 201 }, { AttributeId: 101 }, { AttributeId: 300 }, { AttributeId: 301 }] },
        { ItemId: 2, Title: 'Group only, no segment', Codes: [{ AttributeId: 201 }, { AttributeId: 102 }] },
        { ItemId: 3, Title: 'Leaves, two segments', Codes: [{ AttributeId: 203 }, { AttributeId: 101 }, { AttributeId: 300 }, { AttributeId: 301 }] },
      ],
      segmentAttributes: [
        { attribute: { AttributeId: 300, AttributeName: 'High' }, color: '#00ff00' },
        { attribute: { AttributeId: 301, AttributeName: 'Low' }, color: '#ff0000' },
      ],
      filters: [],
    };
    const { map, warnings } = fromEppiMapperHtml(minimal(Object.entries(constants).map(([k, v]) => `const ${k} = ${JSON.stringify(v)};`).join('\n')));
    assert.deepEqual(map.studies.map((s) => [s.id, s.codes.intervention, s.codes.segments ?? []]), [
      ['1', ['201'], ['300', '301']],
      ['2', ['201'], []],
      ['3', ['203'], ['300', '301']],
    ]);
    // Studies 1 and 2 are not drawn at all: no "no segment code" warning (2), and 1 is not among the several.
    assert.deepEqual(warnings, [
      {
        message: "2 studies are coded to a row or column group but to none of its leaves: EPPI-Mapper did not draw them; this map counts them in the group's cells when the group is collapsed",
      },
      {
        path: 'segmentAttributes',
        message: '1 study in the grid has several segment codes: EPPI-Mapper drew it once per code (its cell totals add segments up); this map counts each study once per cell',
      }, // 3
    ]);
  });

  it('throws the validation error when the page carries no map data', () => {
    assert.throws(
      () => fromEppiMapperHtml('<html><title>Not a map</title><script>const csvData = build();</script></html>'),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError);
        assert.deepEqual(error.issues.map((i) => i.path), ['csvData', 'referenceData']);
        return true;
      },
    );
  });
});
