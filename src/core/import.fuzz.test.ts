// Property-based tests of the importers (src/core/import, spec §5) and the CSV cell writer of
// the exports. The only outcomes allowed: `{ map, warnings }` whose map parseMap accepts (and
// which then indexes and counts), or EgmValidationError; each within the time bound, with no
// prototype touched. Runs and seed: testing/fuzz.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import Papa from 'papaparse';
import { EgmValidationError } from './errors.js';
import { csvCell } from './export/table.js';
import { GridModel } from './grid.js';
import { fromCsv, fromEppiMapperHtml, fromEppiReviewer, type CsvMapping, type EgmImportResult } from './import/index.js';
import { createIndex } from './map-index.js';
import { parseMap } from './parse.js';
import {
  allPaths,
  assertNoPollution,
  defineOwn,
  deleteAt,
  FUZZ_SEED,
  fuzzParams,
  getAt,
  HOSTILE_KEYS,
  prototypeSnapshot,
  setAt,
  timed,
} from './testing/fuzz.js';

const fixture = (name: string) => readFileSync(new URL(`./import/fixtures/${name}`, import.meta.url), 'utf8');
const eppiText = fixture('retraction-lit-trimmed.json');
const PAGES = [fixture('eppi-mapper-older.html'), fixture('eppi-mapper-newer.html')];
const EPPI_OPTIONS = { rows: 'Citation of retracted papers', columns: 'Processes and policies' };

const tally: Record<string, { imported: number; refused: number }> = {};

/** Runs an importer; its map must pass parseMap and count, or it must refuse with our error. */
function imported(label: string, run: () => EgmImportResult): void {
  timed(label, () => {
    let result: EgmImportResult;
    try {
      result = run();
    } catch (error) {
      if (!(error instanceof EgmValidationError)) throw error;
      assert.ok(error.issues.length > 0);
      (tally[label] ??= { imported: 0, refused: 0 }).refused++;
      return;
    }
    assert.ok(Array.isArray(result.warnings));
    for (const w of result.warnings) assert.equal(typeof w.message, 'string');
    const map = parseMap(result.map); // spec §5: an importer's map is one parseMap accepts
    new GridModel(createIndex(map), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments }).count(undefined);
    (tally[label] ??= { imported: 0, refused: 0 }).imported++;
  });
}

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, 0, -1, '', ' ', 'javascript:alert(1)', '=HYPERLINK("http://evil.example")', [], {}, '<script>x</script>'),
  fc.constantFrom(...HOSTILE_KEYS).map((k) => JSON.parse(`{"${k}": {"polluted": true}}`) as unknown),
);

describe(`fuzz: importers (seed ${FUZZ_SEED})`, () => {
  let snapshot: string;
  before(() => {
    snapshot = prototypeSnapshot();
  });
  after(() => {
    assertNoPollution(snapshot);
    console.log('fuzz importer outcomes:', JSON.stringify(tally));
  });

  it('fromEppiReviewer: random mutations of the real export', () => {
    const base = JSON.parse(eppiText) as unknown;
    const paths = allPaths(base, 200_000);
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'delete', 'hostileKey'), key: fc.constantFrom(...HOSTILE_KEYS), value: anyValue }), { minLength: 1, maxLength: 5 }),
        (mutations) => {
          const input = structuredClone(base);
          for (const m of mutations) {
            const path = paths[m.at % paths.length];
            const target = getAt(input, path);
            if (m.op === 'replace') setAt(input, path, structuredClone(m.value));
            else if (m.op === 'delete') deleteAt(input, path);
            else if (typeof target === 'object' && target !== null) defineOwn(target, m.key, structuredClone(m.value));
          }
          imported('fromEppiReviewer', () => fromEppiReviewer(input, EPPI_OPTIONS));
          assertNoPollution(snapshot);
        },
      ),
      fuzzParams(0.5),
    );
  });

  it('fromEppiReviewer: any options and any value', () => {
    const base = JSON.parse(eppiText) as unknown;
    const ref = fc.oneof(
      { arbitrary: fc.constantFrom('Citation of retracted papers', 'Processes and policies', 'Research Design'), weight: 6 },
      fc.constantFrom('', 'nope', ...HOSTILE_KEYS),
      fc.integer(),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.oneof({ arbitrary: fc.constant(base), weight: 3 }, fc.jsonValue({ maxDepth: 4 })), ref, ref, fc.option(fc.array(ref, { maxLength: 3 })), (input, rows, columns, filters) => {
        const options = { rows, columns, ...(filters ? { filters } : {}) } as Parameters<typeof fromEppiReviewer>[1];
        imported('fromEppiReviewer (options)', () => fromEppiReviewer(input, options));
      }),
      fuzzParams(0.5),
    );
  });

  it('fromEppiMapperHtml: truncated and spliced pages', () => {
    const junk = fc.constantFrom('<', '>', '"', "'", '\\', '</script>', '<script>', '{', '}', '[', ']', ',', 'var csvData = ', '__proto__', 'null', '\u2028', '\u0000', '');
    fc.assert(
      fc.property(fc.nat(PAGES.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(50), fc.oneof(junk, fc.string())), { maxLength: 4 }), fc.option(fc.nat()), (which, splices, cut) => {
        let html = PAGES[which];
        for (const [at, remove, insert] of splices) {
          const i = at % (html.length + 1);
          html = html.slice(0, i) + insert + html.slice(i + remove);
        }
        if (cut !== null) html = html.slice(0, cut % (html.length + 1));
        imported('fromEppiMapperHtml', () => fromEppiMapperHtml(html));
      }),
      fuzzParams(),
    );
  });

  it('fromCsv: random sheets, as text and as bytes', () => {
    const headers = ['ID', 'Title', 'Authors', 'Year', 'Abstract', 'Link', 'Outcome', 'Population'];
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'S1', 'Health', 'Adults;Older adults', '2019', 'n.d.', 'https://example.org/', 'javascript:alert(1)', '=1+1', '@SUM(A1)', '"', '""', 'a,b', 'line\nbreak', '\r', '__proto__', 'constructor', 'Zoë’s — “study”'),
      fc.string({ maxLength: 12 }),
    );
    const mapping: CsvMapping = {
      id: 'ID',
      title: 'Title',
      authors: 'Authors',
      year: 'Year',
      abstract: 'Abstract',
      url: 'Link',
      dimensions: [{ column: 'Outcome' }, { column: 'Population' }],
      layout: { rows: 'outcome', columns: 'population' },
    };
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: fc.constant(headers), weight: 3 }, fc.shuffledSubarray([...headers, '__proto__', 'constructor'], { minLength: 0 })),
        fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.constantFrom('text', 'utf-8 bytes', 'windows-1252 bytes', 'bom'),
        (head, rows, sep, eol, form) => {
          const text = [head, ...rows].map((r) => r.map((c) => (/[",\r\n;\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join(eol);
          const input =
            form === 'text' ? text : form === 'bom' ? `\uFEFF${text}` : form === 'utf-8 bytes' ? new TextEncoder().encode(text) : Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
          imported('fromCsv', () => fromCsv(input, mapping));
        },
      ),
      fuzzParams(),
    );
  });

  it('fromCsv: random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        imported('fromCsv (bytes)', () => fromCsv(bytes, { title: 'Title', dimensions: [{ column: 'A' }, { column: 'B' }], layout: { rows: 'a', columns: 'b' } }));
      }),
      fuzzParams(),
    );
  });
});

describe(`fuzz: CSV export cells (seed ${FUZZ_SEED})`, () => {
  it('a spreadsheet reads back the text, with formula starts neutralised by one apostrophe', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil.example","x")', 'a"b', 'a,b', 'a\nb', '')), { minLength: 1, maxLength: 6 }), (cells) => {
        const line = cells.map(csvCell).join(',');
        const parsed = Papa.parse<string[]>(line, { delimiter: ',', newline: '\r\n' }).data[0] ?? [''];
        assert.deepEqual(
          parsed,
          cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)),
        );
        for (const c of parsed) assert.ok(!/^[=+\-@\t\r]/.test(c), `a cell starts a formula: ${JSON.stringify(c)}`);
      }),
      fuzzParams(),
    );
  });
});
