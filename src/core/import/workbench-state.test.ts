import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { standalonePage } from '../../cli/page.js';
import { GridModel } from '../grid.js';
import { createIndex } from '../map-index.js';
import { SEGMENT_PALETTE } from '../scale.js';
import { mapStats } from '../stats.js';
import { smallMap } from '../testing/fixture.js';
import { utf16 } from '../testing/utf16.js';
import { convert, parseConversionConfig, type ConversionConfig } from './config.js';
import type { CsvDimensionMapping } from './csv.js';
import {
  codeTree,
  configFileText,
  configForNewCsv,
  contrastAgainst,
  csvRoleOf,
  csvSeparator,
  detectFile,
  fileStem,
  guessDelimiter,
  initialConfig,
  inputOf,
  LARGE_INPUT,
  layoutDimensions,
  mapFileText,
  missingChoices,
  moveCategory,
  orderedBase,
  refersTo,
  roleOf,
  runPreview,
  searchTree,
  segmentSwatches,
  setColor,
  setCsvRole,
  setCsvSeparator,
  setHidden,
  setLinks,
  setMeta,
  setRole,
  slowPreview,
  studiesInGrid,
  toConfig,
  type BaseCache,
  type CodeNode,
  type DataFile,
  type DetectedFile,
} from './workbench-state.js';

const fixtureBytes = new Uint8Array(readFileSync(new URL('./fixtures/retraction-lit-trimmed.json', import.meta.url)));
const fixtureText = new TextDecoder().decode(fixtureBytes);
const bytes = (text: string) => new TextEncoder().encode(text);

function eppi(): Extract<DetectedFile, { kind: 'eppi-reviewer' }> {
  const d = detectFile(fixtureBytes);
  assert.equal(d.kind, 'eppi-reviewer');
  return d;
}

function eppiOf(text: string): DataFile {
  const d = detectFile(bytes(text));
  assert.equal(d.kind, 'eppi-reviewer');
  return d;
}

/** A top-level code of the fixture's one code set, by name. */
const code = (file: { tree: CodeNode[] }, name: string): CodeNode => {
  const hit = file.tree[0].children.find((c) => c.name === name);
  assert.ok(hit, name);
  return hit;
};

const all = (list: readonly CodeNode[]): CodeNode[] => list.flatMap((c) => [c, ...all(c.children)]);

const CSV = [
  'ID,Title,Authors,Year,Intervention,Outcome,Quality',
  '1,Peer coaching for diabetes,Smith J; Okafor A,2019,Coaching;Groups,Mental health,High',
  '2,Online peer forums,Núñez A,2021,Online,Mental health;Wellbeing,Low',
  '3,Group walks,Lee K,2018,Groups,Physical health,High',
].join('\n');

function csvFile(text = CSV): Extract<DetectedFile, { kind: 'csv' }> {
  const d = detectFile(bytes(text));
  assert.equal(d.kind, 'csv');
  return d;
}

describe('detectFile: what a file is, by its content', () => {
  it('reads the EPPI-Reviewer fixture: one code set of 166 codes, 150 references', () => {
    const d = eppi();
    assert.equal(d.references, 150);
    assert.deepEqual(d.tree.map((t) => [t.kind, t.id, t.name]), [['set', '168751', 'Comparison Sets']]);
    assert.equal(all(d.tree).length, 1 + 166);
    assert.equal(d.tree[0].studies, 150);
    const citation = code(d, 'Citation of retracted papers');
    assert.deepEqual([citation.id, citation.ref, citation.children.length, citation.studies], ['9095071', '9095071', 11, 48]);
  });

  it('counts, per code, the studies the importer puts under it', () => {
    const d = eppi();
    const rows = code(d, 'Citation of retracted papers');
    const cols = code(d, 'Processes and policies');
    const { map } = convert(fixtureText, { from: 'eppi-reviewer', rows: rows.id, columns: cols.id });
    const coded = (dim: string) => map.studies.filter((s) => (s.codes[dim] ?? []).length > 0).length;
    assert.equal(rows.studies, coded(map.layout.rows));
    assert.equal(cols.studies, coded(map.layout.columns));
    for (const leaf of rows.children) assert.equal(leaf.studies, map.studies.filter((s) => s.codes[map.layout.rows]?.includes(leaf.id)).length, leaf.name);
  });

  it('recognises EPPI-Mapper pages, egm/1 maps, egm-components pages and conversion configs', () => {
    for (const page of ['eppi-mapper-newer.html', 'eppi-mapper-older.html']) {
      assert.equal(detectFile(new Uint8Array(readFileSync(new URL(`./fixtures/${page}`, import.meta.url)))).kind, 'eppi-mapper', page);
    }
    const map = smallMap();
    assert.deepEqual(detectFile(bytes(`\uFEFF${JSON.stringify(map)}`)), { kind: 'egm', text: JSON.stringify(map), fromPage: false });
    const page = detectFile(bytes(standalonePage(map, 'console.log("</script>")')));
    assert.equal(page.kind, 'egm');
    assert.deepEqual(JSON.parse((page as { text: string }).text), map);
    assert.deepEqual(detectFile(bytes('{"format":"egm-convert/1","from":"csv","csv":{}}')), { kind: 'config', config: { format: 'egm-convert/1', from: 'csv', csv: {} } });
    assert.equal(detectFile(bytes('{"from":"eppi-reviewer","rows":"A","columns":"B"}')).kind, 'config');
  });

  it('recognises CSV files, with their delimiter, columns and values', () => {
    const d = csvFile();
    assert.equal(d.rows, 3);
    assert.equal(d.delimiter, ',');
    assert.deepEqual(d.columns.find((c) => c.header === 'Intervention'), { header: 'Intervention', filled: 3, distinct: 3, samples: ['Coaching', 'Groups', 'Online'] });
    const semi = csvFile('Title;Outcome\n"A; or B";X\n');
    assert.equal(semi.delimiter, ';');
    assert.equal(guessDelimiter('a\tb\tc\n'), '\t');
    assert.equal(guessDelimiter('"a,b";c;d\n'), ';');
  });

  it('reads files saved as UTF-16 as what they are, not as binary: a map, a CSV, an export', () => {
    const map = smallMap();
    assert.deepEqual(detectFile(utf16(JSON.stringify(map))), { kind: 'egm', text: JSON.stringify(map), fromPage: false });
    const tsv = detectFile(utf16(CSV.replaceAll(',', '\t'), 'be'));
    assert.equal(tsv.kind, 'csv');
    assert.deepEqual({ ...tsv, bytes: undefined }, { ...detectFile(bytes(CSV.replaceAll(',', '\t'))), bytes: undefined });
    assert.deepEqual(detectFile(utf16(fixtureText)), eppi());
  });

  it('says a file is empty, broken or unsupported, and what it is instead', () => {
    const cases: [string | Uint8Array, DetectedFile][] = [
      ['', { kind: 'empty' }],
      [' \n\t', { kind: 'empty' }],
      // A code, not English: each language's strings say it in a sentence of their own.
      ['Title,Outcome\n', { kind: 'broken', format: 'csv', detail: 'no-rows' }],
      ['%PDF-1.7\n…', { kind: 'unsupported', what: 'pdf' }],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes('[Content_Types].xml xl/workbook.xml')]), { kind: 'unsupported', what: 'spreadsheet' }],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes('word/document.xml')]), { kind: 'unsupported', what: 'word' }],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes('export.json')]), { kind: 'unsupported', what: 'zip' }],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), { kind: 'unsupported', what: 'spreadsheet' }],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), { kind: 'unsupported', what: 'image' }],
      [new Uint8Array([0x41, 0x00, 0x42]), { kind: 'unsupported', what: 'binary' }],
      ['{"hello": "world"}', { kind: 'unsupported', what: 'json' }],
      ['[1, 2, 3]', { kind: 'unsupported', what: 'json' }],
      ['{"format": "egm/2", "title": "x"}', { kind: 'unsupported', what: 'json', format: 'egm/2' }],
      ['<!doctype html><html><body><p>A report</p></body></html>', { kind: 'unsupported', what: 'html' }],
      ['<?xml version="1.0"?><xml><records></records></xml>', { kind: 'unsupported', what: 'xml' }],
      ['TY  - JOUR\nTI  - A study\nER  - \n', { kind: 'unsupported', what: 'ris' }],
      ['Just some notes\nabout the review\n', { kind: 'unsupported', what: 'text' }],
    ];
    for (const [input, expected] of cases) assert.deepEqual(detectFile(typeof input === 'string' ? bytes(input) : input), expected, JSON.stringify(expected));
    // A broken export says where it breaks, as an editor counts (the export is one line).
    const broken = detectFile(bytes(fixtureText.slice(0, 5000)));
    assert.deepEqual({ ...broken, detail: undefined }, { kind: 'broken', format: 'json', detail: undefined });
    assert.match((broken as { detail: string }).detail, /^Unterminated string in JSON at position 5000 \(line 1,? column 5001\)$/);
  });

  it('reports a broken conversion config with every problem and its path', () => {
    const d = detectFile(bytes('{"format":"egm-convert/1","from":"word","hidden":"x"}'));
    assert.equal(d.kind, 'broken');
    assert.deepEqual((d as { issues: unknown }).issues, [
      { path: 'from', message: 'must be one of "eppi-reviewer", "eppi-mapper", "csv", "egm"' },
      { path: 'hidden', message: 'must be a list of "dimensionId/categoryId" strings' },
    ]);
  });

  it('reports a config of a shape the workbench cannot show as broken, not as a config', () => {
    // (Taken as configs, these threw TypeErrors while the workbench drew the code tree, the links or the CSV columns.)
    const cases: [object, string[]][] = [
      [{ from: 'eppi-reviewer', rows: 'A', columns: 'B', filters: 'Impacts of retraction' }, ['filters']],
      [{ from: 'eppi-reviewer', rows: 'A', columns: 'B', map: { links: 'https://example.org' } }, ['map.links']],
      [{ from: 'egm', map: { links: [null, { label: 'Report' }] } }, ['map.links[0]', 'map.links[1].url']],
      [{ from: 'csv', csv: { title: 'Title', dimensions: { column: 'Topic' }, layout: { rows: 'topic', columns: 'outcome' } } }, ['csv.dimensions']],
      [{ from: 'csv', csv: { title: 'Title', dimensions: [null], layout: 'topic' } }, ['csv.dimensions[0]', 'csv.layout']],
      [{ from: 'csv', csv: { title: 'Title', dimensions: [], layout: { rows: 'a', columns: 'b', filters: 'c' } } }, ['csv.layout.filters']],
    ];
    for (const [config, paths] of cases) {
      const d = detectFile(bytes(JSON.stringify(config)));
      assert.equal(d.kind, 'broken', JSON.stringify(config));
      assert.deepEqual(d.kind === 'broken' && d.format === 'config' && d.issues?.map((i) => i.path), paths, JSON.stringify(config));
    }
  });

  it('reads a Windows-1252 CSV as the CSV importer does', () => {
    const latin = new Uint8Array([...bytes('Title,Place\nCaf'), 0xe9, ...bytes(',Z\n')]);
    const l = detectFile(latin);
    assert.equal(l.kind, 'csv');
    assert.deepEqual(l.columns[0].samples, ['Café']);
  });
});

describe('the code tree', () => {
  it('names a code by its name when its id is used twice', () => {
    const tree = codeTree({
      CodeSets: [
        { SetId: 1, SetName: 'A', Attributes: { AttributesList: [{ AttributeId: 7, AttributeName: 'Seven' }] } },
        { SetId: 2, SetName: 'B', Attributes: { AttributesList: [{ AttributeId: 7, AttributeName: 'Another seven' }, { AttributeId: 8, AttributeName: ' Eight ' }] } },
      ],
      References: [{ Codes: [{ AttributeId: 7 }, { AttributeId: 7 }] }, { Codes: [{ AttributeId: 8 }] }],
    });
    assert.deepEqual(all(tree).map((c) => [c.ref, c.name, c.studies]), [
      ['1', 'A', 1],
      ['Seven', 'Seven', 1],
      ['2', 'B', 1],
      ['Another seven', 'Another seven', 0],
      ['8', 'Eight', 1],
    ]);
  });

  it('searches names case- and accent-insensitively, keeping ancestors', () => {
    const d = eppi();
    const hits = searchTree(d.tree, 'ALTMETRICS twitter');
    assert.deepEqual(all(hits).map((c) => c.name), ['Comparison Sets', 'Perceptions and discussion of retracted papers', 'Altmetrics--Twitter']);
    assert.equal(searchTree(d.tree, '').length, 1);
    assert.equal(all(searchTree(d.tree, 'café')).length, 0);
    // A matching parent keeps its children.
    assert.equal(all(searchTree(d.tree, 'citation context')).length, 3 + 1);
  });
});

describe('choices: rows, columns, segments, filters', () => {
  it('gives each of rows, columns and segments to one code; filters add up', () => {
    const d = eppi();
    const [a, b, c, e] = ['Citation of retracted papers', 'Processes and policies', 'Citation context', 'Impacts of retraction'].map((n) => code(d, n));
    let config = initialConfig(d);
    assert.deepEqual(config, { format: 'egm-convert/1', from: 'eppi-reviewer' });
    assert.deepEqual(missingChoices(config), ['rows', 'columns']);
    config = setRole(config, a, 'rows');
    config = setRole(config, b, 'rows'); // b takes the rows from a
    assert.equal(config.rows, b.ref);
    assert.equal(roleOf(config, a), undefined);
    config = setRole(config, a, 'columns');
    config = setRole(config, c, 'segments');
    config = setRole(config, e, 'filters');
    config = setRole(config, code(d, 'Authorship of retracted papers'), 'filters');
    assert.deepEqual(config, { format: 'egm-convert/1', from: 'eppi-reviewer', rows: '9095077', columns: '9095071', segments: '9122374', filters: ['9234367', '9095072'] });
    config = setRole(config, e, 'rows'); // a filter becomes the rows
    assert.deepEqual([config.rows, config.filters], ['9234367', ['9095072']]);
    config = setRole(config, code(d, 'Authorship of retracted papers'), '');
    assert.equal(config.filters, undefined);
    assert.deepEqual(missingChoices(config), []);
  });

  it('recognises codes named by name or number, as a hand-written CLI config names them', () => {
    const d = eppi();
    const config: ConversionConfig = { from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 9095077, filters: [' Citation context '] };
    assert.equal(roleOf(config, code(d, 'Citation of retracted papers')), 'rows');
    assert.equal(roleOf(config, code(d, 'Processes and policies')), 'columns');
    assert.equal(roleOf(config, code(d, 'Citation context')), 'filters');
    assert.equal(refersTo(undefined, code(d, 'Citation context')), false);
  });

  it('maps CSV columns to study fields and dimensions', () => {
    const file = csvFile();
    let config = initialConfig(file);
    assert.deepEqual(config.csv, { title: 'Title', id: 'ID', authors: 'Authors', year: 'Year', dimensions: [], layout: { rows: '', columns: '' } });
    assert.deepEqual(missingChoices(config), ['rows', 'columns']);
    config = setCsvRole(config, 'Intervention', 'rows');
    config = setCsvRole(config, 'Outcome', 'columns');
    config = setCsvRole(config, 'Quality', 'segments');
    assert.deepEqual(config.csv!.dimensions, [
      { column: 'Intervention', id: 'intervention' },
      { column: 'Outcome', id: 'outcome' },
      { column: 'Quality', id: 'quality' },
    ]);
    assert.deepEqual(config.csv!.layout, { rows: 'intervention', columns: 'outcome', segments: 'quality' });
    assert.equal(csvRoleOf(config, 'Quality'), 'segments');
    assert.equal(csvRoleOf(config, 'Year'), 'year');
    // Another column takes the rows: the old one stops being a dimension.
    config = setCsvRole(config, 'Quality', 'rows');
    assert.deepEqual(config.csv!.layout, { rows: 'quality', columns: 'outcome' });
    assert.deepEqual(config.csv!.dimensions.map((d) => d.column), ['Outcome', 'Quality']);
    config = setCsvRole(config, 'Intervention', 'filters');
    config = setCsvRole(config, 'Title', '');
    assert.deepEqual(missingChoices(config), ['title']);
    config = setCsvRole(config, 'Title', 'title');
    config = setCsvSeparator(config, '|');
    assert.deepEqual(config.csv!.dimensions.map((d: CsvDimensionMapping) => d.separator), ['|', '|', '|']);
    config = setCsvRole(config, 'Authors', 'segments');
    const authors: CsvDimensionMapping | undefined = config.csv!.dimensions.find((d) => d.column === 'Authors');
    assert.equal(authors?.separator, '|');
    assert.equal(config.csv!.authors, undefined);
  });
});

describe('CSV separators and delimiters', () => {
  it('keeps a separator typed before any column has a role, for the dimensions made later', () => {
    const file = csvFile(['ID,Title,Intervention,Outcome', '1,A,Coaching|Groups,Mental', '2,B,Online,Physical'].join('\n'));
    let config = initialConfig(file);
    config = setCsvSeparator(config, '|');
    assert.equal(csvSeparator(config), '|');
    config = setCsvRole(config, 'Intervention', 'rows');
    config = setCsvRole(config, 'Outcome', 'columns');
    assert.deepEqual(config.csv!.dimensions, [
      { column: 'Intervention', id: 'intervention', separator: '|' },
      { column: 'Outcome', id: 'outcome', separator: '|' },
    ]);
    const p = runPreview(file, config);
    assert.equal(p.status, 'ok');
    assert.deepEqual(p.status === 'ok' && p.result.map.dimensions[0].categories.map((c) => c.label), ['Coaching', 'Groups', 'Online']);
    // Saved, the separator is on each dimension (where the importer reads it), and only there.
    const saved = toConfig(config);
    assert.deepEqual(saved.csv, { title: 'Title', id: 'ID', dimensions: config.csv!.dimensions, layout: { rows: 'intervention', columns: 'outcome' } });
    assert.deepEqual(p.status === 'ok' && p.result, convert(bytes(['ID,Title,Intervention,Outcome', '1,A,Coaching|Groups,Mental', '2,B,Online,Physical'].join('\n')), parseConversionConfig(JSON.parse(configFileText(config)))));
    // Cleared (or ";"), the default again, for the dimensions there are and those to come.
    config = setCsvSeparator(config, '');
    assert.equal(csvSeparator(config), ';');
    assert.deepEqual(config.csv!.dimensions.map((d) => d.separator), [undefined, undefined]);
    config = setCsvRole(setCsvRole(config, 'Outcome', ''), 'Outcome', 'columns');
    assert.equal(config.csv!.dimensions[1].separator, undefined);
    // A config without dimensions at all (hand-written) takes a separator too.
    assert.equal(csvSeparator(setCsvSeparator({ from: 'csv', csv: { title: 'Title' } as never }, '/')), '/');
  });

  it('takes the delimiter of a CSV that replaces another, unless the config names one of its own', () => {
    const semi = csvFile('Title;Topic;Outcome\nA;x;o\nB;y;p\n');
    const comma = csvFile('Title,Topic,Outcome\nA,x,o\nB,y,p\n');
    let config = initialConfig(semi);
    config = setCsvRole(config, 'Topic', 'rows');
    config = setCsvRole(config, 'Outcome', 'columns');
    assert.equal(config.csv!.delimiter, ';');
    assert.equal(runPreview(semi, config).status, 'ok');
    // The same data saved with commas: the choices stay, the delimiter is the new file's.
    const kept = configForNewCsv(config, semi, comma);
    assert.equal(kept.csv!.delimiter, undefined);
    assert.deepEqual({ ...kept.csv, delimiter: undefined }, { ...config.csv, delimiter: undefined });
    const p = runPreview(comma, kept);
    assert.equal(p.status, 'ok');
    assert.deepEqual(p.status === 'ok' && p.result.map.dimensions.map((d) => d.categories.map((c) => c.label)), [['x', 'y'], ['o', 'p']]);
    assert.equal(configForNewCsv(kept, comma, semi).csv!.delimiter, ';');
    // A delimiter the detection does not find ("|", from a config): kept.
    const piped: ConversionConfig = { ...config, csv: { ...config.csv!, delimiter: '|' } };
    assert.equal(configForNewCsv(piped, semi, comma), piped);
  });
});

describe('runPreview: the map as the CLI would make it', () => {
  function chosen(): { file: DataFile; config: ConversionConfig } {
    const file = eppi();
    let config = initialConfig(file);
    config = setRole(config, code(file, 'Citation of retracted papers'), 'rows');
    config = setRole(config, code(file, 'Processes and policies'), 'columns');
    config = setRole(config, code(file, 'Citation context'), 'segments');
    config = setRole(config, code(file, 'Studies related to discipline or geography'), 'filters');
    return { file, config };
  }

  it('makes exactly what convert() makes from the saved config', () => {
    const { file, config } = chosen();
    let edited = setMeta(config, 'title', 'Retractions: a map');
    edited = setMeta(edited, 'license', 'CC-BY-4.0');
    edited = setLinks(edited, [{ label: 'Report', url: 'https://example.org/r' }, { label: '', url: '' }]);
    edited = setHidden(edited, 'citation-of-retracted-papers', '9094963', true);
    edited = setColor(edited, 'citation-context', '9094966', '#AA0000');
    const p = runPreview(file, edited);
    assert.equal(p.status, 'ok');
    if (p.status !== 'ok') return;
    const saved = parseConversionConfig(JSON.parse(configFileText(edited)));
    const cli = convert(inputOf(file), saved);
    assert.deepEqual(p.result, cli);
    assert.equal(mapFileText(p.result.map), `${JSON.stringify(cli.map, null, 2)}\n`);
    assert.equal(p.result.map.title, 'Retractions: a map');
    assert.deepEqual(p.result.map.links, [{ label: 'Report', url: 'https://example.org/r' }]);
    assert.equal(p.result.map.dimensions[0].categories.some((c) => c.id === '9094963'), false);
    assert.equal(p.result.map.dimensions[2].categories.find((c) => c.id === '9094966')!.color, '#aa0000');
    assert.deepEqual(p.result.map.layout, { rows: 'citation-of-retracted-papers', columns: 'processes-and-policies', segments: 'citation-context', filters: ['studies-related-to-discipline-or-geography'] });
    assert.equal(studiesInGrid(p.result.map), 27);
    assert.equal(mapStats(p.result.map).outsideGrid, 150 - 27);
    assert.equal(fileStem(p.result.map), 'retractions-a-map');
  });

  it('keeps the import while only the edits change, and redoes it when the codes change', () => {
    const { file, config } = chosen();
    const cache: BaseCache = {};
    const first = runPreview(file, config, cache);
    const second = runPreview(file, setMeta(config, 'title', 'New title'), cache);
    assert.ok(first.status === 'ok' && second.status === 'ok');
    assert.equal(first.base, second.base);
    assert.equal(second.result.map.title, 'New title');
    const third = runPreview(file, setRole(config, code(file as never, 'Impacts of retraction'), 'filters'), cache);
    assert.ok(third.status === 'ok');
    assert.notEqual(third.base, first.base);
    assert.deepEqual(third.result.map.layout.filters, ['studies-related-to-discipline-or-geography', 'impacts-of-retraction']);
  });

  it('says when the importer would run on a large input (slowPreview), exactly when runPreview runs it', () => {
    const small = chosen();
    // The same export, padded with white space past LARGE_INPUT (a JSON parser skips it).
    const padded = fixtureText + ' '.repeat(LARGE_INPUT + 1 - fixtureText.length);
    assert.equal(padded.length, LARGE_INPUT + 1);
    const big = detectFile(bytes(padded));
    assert.equal(big.kind, 'eppi-reviewer');
    if (big.kind !== 'eppi-reviewer') return;
    const config = small.config;
    const cache: BaseCache = {};
    assert.equal(slowPreview(small.file, config, cache), false, 'a small file never is');
    assert.equal(slowPreview(big, initialConfig(big), cache), false, 'nor one whose choices are missing');
    assert.equal(slowPreview(big, config, cache), true, 'a large file new to the cache');
    runPreview(big, config, cache);
    const base = cache.base;
    assert.equal(slowPreview(big, config, cache), false, 'converted: cached');
    const edited = setMeta(setHidden(config, 'citation-of-retracted-papers', '9094963', true), 'title', 'T');
    assert.equal(slowPreview(big, edited, cache), false, 'only edits changed');
    runPreview(big, edited, cache);
    assert.equal(cache.base, base, 'and runPreview kept the import');
    const recoded = setRole(config, code(big, 'Impacts of retraction'), 'filters');
    assert.equal(slowPreview(big, recoded, cache), true, 'a choice the importer takes changed');
    runPreview(big, recoded, cache);
    assert.notEqual(cache.base, base);
    assert.equal(slowPreview(big, recoded, cache), false);
    assert.equal(slowPreview(eppiOf(padded), recoded, cache), true, 'the same text, dropped again: a new file');
  });

  it('lists the importer\'s problems, and the problems the edits make', () => {
    const { file, config } = chosen();
    const leaf = code(file as never, 'Citation of retracted papers').children[0];
    const bad = runPreview(file, setRole(config, leaf, 'filters'));
    assert.equal(bad.status, 'invalid');
    assert.deepEqual(bad.status === 'invalid' && [bad.stage, bad.issues], [
      'import',
      [{ path: 'options.filters[1]', message: "9094962 ('Comparison Sets > Citation of retracted papers > Citation as focus--case study--…') has no child codes to become the categories of a filter" }],
    ]);
    const link = runPreview(file, setLinks(config, [{ label: 'Bad', url: 'javascript:alert(1)' }]));
    assert.equal(link.status, 'invalid');
    assert.equal(link.status === 'invalid' && link.stage, 'edit');
    assert.equal(link.status === 'invalid' && link.issues[0].path, 'links[0].url');
    assert.ok(link.status === 'invalid' && link.base, 'the import is kept, so the categories can still be edited');
    assert.deepEqual(runPreview(file, initialConfig(file)), { status: 'incomplete', missing: ['rows', 'columns'] });
  });

  it('converts a CSV file as the CLI does from the same bytes', () => {
    const file = csvFile();
    let config = initialConfig(file);
    config = setCsvRole(config, 'Intervention', 'rows');
    config = setCsvRole(config, 'Outcome', 'columns');
    config = setCsvRole(config, 'Quality', 'filters');
    const p = runPreview(file, config);
    assert.equal(p.status, 'ok');
    if (p.status !== 'ok') return;
    assert.deepEqual(p.result, convert(bytes(CSV), parseConversionConfig(JSON.parse(configFileText(config)))));
    assert.deepEqual(p.result.map.studies.map((s) => [s.id, s.codes]), [
      ['1', { intervention: ['coaching', 'groups'], outcome: ['mental-health'], quality: ['high'] }],
      ['2', { intervention: ['online'], outcome: ['mental-health', 'wellbeing'], quality: ['low'] }],
      ['3', { intervention: ['groups'], outcome: ['physical-health'], quality: ['high'] }],
    ]);
  });

  it('shows the segment colours the map shows, hidden categories left out of the palette', () => {
    const { file, config } = chosen();
    const first = runPreview(file, config);
    assert.ok(first.status === 'ok', 'ok');
    const segId = first.result.map.layout.segments!;
    const [explored, notExplored] = first.result.map.dimensions.find((d) => d.id === segId)!.categories;
    const shown = (cfg: ConversionConfig) => {
      const p = runPreview(file, cfg);
      assert.ok(p.status === 'ok', 'ok');
      const seg = layoutDimensions(orderedBase(p.base.map, cfg)).find((d) => d.role === 'segments')!;
      const model = new GridModel(createIndex(p.result.map), { rows: p.result.map.layout.rows, columns: p.result.map.layout.columns, segments: segId });
      const drawn = new Map(model.segments.filter((g) => !g.notCoded).map((g) => [g.id, g.color]));
      return [[...segmentSwatches(cfg, segId, seg.categories)], [...drawn]];
    };
    const [before, drawnBefore] = shown(config);
    assert.deepEqual(before, [[explored.id, SEGMENT_PALETTE[0]], [notExplored.id, SEGMENT_PALETTE[1]]]);
    assert.deepEqual(before, drawnBefore);
    // The first hidden: the second takes the palette's first colour in the map, and here.
    const hidden = setHidden(config, segId, explored.id, true);
    const [after, drawnAfter] = shown(hidden);
    assert.deepEqual(after, [[notExplored.id, SEGMENT_PALETTE[0]]]);
    assert.deepEqual(after, drawnAfter);
    // Its own colour, and the order, count as in the map.
    const coloured = moveCategory(setColor(config, segId, notExplored.id, '#123456'), segId, first.base.map.dimensions.find((d) => d.id === segId)!.categories, notExplored.id, -1);
    const [own, drawnOwn] = shown(coloured);
    assert.deepEqual(own, [[notExplored.id, '#123456'], [explored.id, SEGMENT_PALETTE[1]]]);
    assert.deepEqual(own, drawnOwn);
  });

  it('reads an export that is not UTF-8 (Windows-1252) as the CLI converts its bytes', () => {
    const json = JSON.stringify({
      CodeSets: [
        { SetId: 1, SetName: 'Intervention', Attributes: { AttributesList: [{ AttributeId: 11, AttributeName: 'Thérapie' }] } },
        { SetId: 2, SetName: 'Outcome', Attributes: { AttributesList: [{ AttributeId: 21, AttributeName: 'Santé' }] } },
      ],
      References: [{ ItemId: 1, Title: 'Étude', Codes: [{ AttributeId: 11 }, { AttributeId: 21 }] }],
    });
    const latin = Uint8Array.from([...json].map((c) => c.charCodeAt(0)));
    const file = detectFile(latin);
    assert.equal(file.kind, 'eppi-reviewer');
    if (file.kind !== 'eppi-reviewer') return;
    const config = setRole(setRole(initialConfig(file), file.tree[0], 'rows'), file.tree[1], 'columns');
    const p = runPreview(file, config);
    assert.ok(p.status === 'ok', 'ok');
    assert.deepEqual([p.result.map.dimensions.map((d) => d.categories[0].label), p.result.map.studies[0].title], [['Thérapie', 'Santé'], 'Étude']);
    // What `egm convert --config` does with the file's bytes.
    assert.deepEqual(convert(latin, parseConversionConfig(JSON.parse(configFileText(config)))), p.result);
  });

  it('edits an egm/1 map: metadata, order, hidden categories', () => {
    const file = detectFile(bytes(JSON.stringify(smallMap()))) as DataFile;
    let config = initialConfig(file);
    const base = runPreview(file, config);
    assert.ok(base.status === 'ok');
    const support = layoutDimensions(base.base.map)[0];
    assert.deepEqual([support.role, support.id, support.categories.map((c) => c.id)], ['rows', 'support', ['education', 'emotional', 'delivery']]);
    config = moveCategory(config, 'support', support.categories, 'delivery', -1);
    assert.deepEqual(config.order, { support: ['education', 'delivery', 'in-person', 'remote', 'emotional'] });
    const ordered = orderedBase(base.base.map, config);
    config = moveCategory(config, 'support', ordered.dimensions[0].categories, 'remote', -1);
    assert.deepEqual(config.order, { support: ['education', 'delivery', 'remote', 'in-person', 'emotional'] });
    // Moving the first one up changes nothing.
    assert.deepEqual(moveCategory(config, 'support', orderedBase(base.base.map, config).dimensions[0].categories, 'education', -1).order, config.order);
    config = setHidden(config, 'outcome', 'cost', true);
    const p = runPreview(file, config);
    assert.ok(p.status === 'ok');
    assert.deepEqual(p.result.map.dimensions[0].categories.map((c) => [c.id, c.children?.map((k) => k.id)]), [['education', undefined], ['delivery', ['remote', 'in-person']], ['emotional', undefined]]);
    assert.deepEqual(p.result.map.dimensions[1].categories.map((c) => c.id), ['physical', 'mental-health', 'wellbeing']);
    assert.deepEqual(setHidden(config, 'outcome', 'cost', false).hidden, undefined);
  });
});

describe('colours and saved files', () => {
  it('measures contrast as WCAG does', () => {
    assert.equal(contrastAgainst('#ffffff', '#000'), 21);
    assert.equal(contrastAgainst('#777777', '#ffffff')!.toFixed(2), '4.48');
    assert.equal(contrastAgainst('#f0e442', '#ffffff')! < 3, true);
    assert.equal(contrastAgainst('#0072b2', '#ffffff')! > 3, true);
    assert.equal(contrastAgainst('red', '#ffffff'), undefined);
    assert.deepEqual(SEGMENT_PALETTE.map((c) => contrastAgainst(c, '#ffffff')! >= 3), [true, false, true, true, false, true, false, true]);
  });

  it('saves a config the CLI reads: format first, nothing blank', () => {
    let config: ConversionConfig = { from: 'egm', map: { title: '  ' } };
    config = setLinks(config, [{ label: '', url: ' ' }]);
    config = setMeta(config, 'citation', 'Me (2024)');
    config = setColor(setColor(config, 'a', 'b', '#123456'), 'a', 'b', undefined);
    assert.deepEqual(toConfig(config), { format: 'egm-convert/1', from: 'egm', map: { citation: 'Me (2024)' } });
    assert.equal(configFileText(config), '{\n  "format": "egm-convert/1",\n  "from": "egm",\n  "map": {\n    "citation": "Me (2024)"\n  }\n}\n');
    const back = detectFile(bytes(configFileText(config)));
    assert.deepEqual(back, { kind: 'config', config: toConfig(config) });
  });
});
