import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { EgmValidationError } from '../errors.js';
import { smallMap, smallMapWithDimension } from '../testing/fixture.js';
import { utf16 } from '../testing/utf16.js';
import { applyConfig, convert, decodeText, parseConversionConfig, type ConversionConfig } from './config.js';

const fixture = readFileSync(new URL('./fixtures/retraction-lit-trimmed.json', import.meta.url), 'utf8');

describe('conversion configs', () => {
  it('converts the EPPI-Reviewer fixture with rows and columns named by code', () => {
    const config = parseConversionConfig({ from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies', map: { title: 'Retraction research', license: 'CC-BY-4.0' } });
    const { map } = convert(fixture, config);
    assert.equal(map.title, 'Retraction research');
    assert.equal(map.license, 'CC-BY-4.0');
    assert.equal(map.studies.length, 150);
  });

  it('converts an export, a page or a map given as bytes in UTF-8 or UTF-16 alike', () => {
    const config = parseConversionConfig({ from: 'eppi-reviewer', rows: 'Citation of retracted papers', columns: 'Processes and policies' });
    const expected = convert(fixture, config).map;
    assert.deepEqual(convert(new TextEncoder().encode(fixture), config).map, expected);
    assert.deepEqual(convert(utf16(fixture), config).map, expected);
    const map = smallMap();
    assert.deepEqual(convert(utf16(JSON.stringify(map), 'be'), { from: 'egm' }).map, map);
  });

  it('reads bytes that are not UTF-8 as Windows-1252, as the workbench and the CSV importer do', () => {
    const latin = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    assert.equal(decodeText(latin('Thérapie, Santé, Étude')), 'Thérapie, Santé, Étude');
    assert.equal(decodeText(new Uint8Array([0x93, 0x41, 0x94, 0x80])), '\u201cA\u201d\u20ac');
    assert.equal(decodeText(new TextEncoder().encode('\uFEFFThérapie')), 'Thérapie');
    assert.equal(decodeText(utf16('Thérapie')), 'Thérapie');
    // `egm convert` gives the bytes of an export, a page or a map to convert: "Thérapie", not "Th\uFFFDrapie".
    const map = smallMap();
    map.title = 'Santé mentale';
    assert.equal(convert(latin(JSON.stringify(map)), { from: 'egm' }).map.title, 'Santé mentale');
    const exported = JSON.stringify({
      CodeSets: [
        { SetId: 1, SetName: 'Intervention', Attributes: { AttributesList: [{ AttributeId: 11, AttributeName: 'Thérapie' }] } },
        { SetId: 2, SetName: 'Outcome', Attributes: { AttributesList: [{ AttributeId: 21, AttributeName: 'Santé' }] } },
      ],
      References: [{ ItemId: 1, Title: 'Étude', Codes: [{ AttributeId: 11 }, { AttributeId: 21 }] }],
    });
    const config: ConversionConfig = { from: 'eppi-reviewer', rows: 'Intervention', columns: 'Outcome' };
    assert.deepEqual(convert(latin(exported), config), convert(exported, config));
  });

  it('says where a map given as text breaks, as an invalid map', () => {
    assert.throws(
      () => convert('{\n  "format": "egm/1",\n  "title": "x"\n  "dimensions": []\n}', { from: 'egm' }),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError, 'an EgmValidationError');
        assert.equal(error.issues.length, 1);
        assert.match(error.issues[0].message, /^the map is not valid JSON: .*line 4,? column 3\)$/);
        return true;
      },
    );
  });

  it('gives the same map for the same export and config (a re-run is a no-op)', () => {
    const config = { from: 'eppi-reviewer' as const, rows: 'Citation of retracted papers', columns: 'Processes and policies' };
    assert.deepEqual(convert(fixture, config).map, convert(fixture, config).map);
  });

  it('applies labels, colours, order and hidden categories, saying what hiding removed', () => {
    const { map, warnings } = applyConfig(
      { map: smallMap(), warnings: [] },
      {
        from: 'egm',
        labels: { outcome: 'Outcomes', 'quality/high': 'High confidence' },
        colors: { 'quality/low': '#ff0000' },
        order: { support: ['delivery', 'emotional'] },
        hidden: ['support/remote', 'outcome/nope'],
      },
    );
    assert.equal(map.dimensions[1].label, 'Outcomes');
    assert.equal(map.dimensions[2].categories[0].label, 'High confidence');
    assert.equal(map.dimensions[2].categories[2].color, '#ff0000');
    assert.deepEqual(map.dimensions[0].categories.map((c) => c.id), ['delivery', 'emotional', 'education']);
    assert.deepEqual(map.dimensions[0].categories[0].children!.map((c) => c.id), ['in-person']);
    assert.deepEqual(map.studies[2].codes.support, ['in-person']); // s3 lost "remote"
    assert.deepEqual(warnings, [
      { path: 'hidden["support/remote"]', message: '2 studies lose their code "Remote" (hidden)' },
      { path: 'hidden["outcome/nope"]', message: 'no category "nope" in dimension "outcome"' },
    ]);
  });

  for (const id of ['constructor', '__proto__']) {
    it(`hides a category of a dimension named "${id}", writing own properties only`, () => {
      const { map, warnings } = applyConfig({ map: smallMapWithDimension(id), warnings: [] }, { from: 'egm', hidden: [`${id}/e1`] });
      assert.deepEqual(warnings, [{ path: `hidden["${id}/e1"]`, message: '1 study loses their code "E one" (hidden)' }]);
      const codes = map.studies[0].codes;
      assert.equal(Object.getPrototypeOf(codes), Object.prototype);
      assert.deepEqual(Object.getOwnPropertyDescriptor(codes, id)?.value, []);
      assert.deepEqual(map.studies.slice(1).filter((s) => Object.prototype.hasOwnProperty.call(s.codes, id)), []);
    });
  }

  it('removes hidden categories from layout.reviews, and drops it when none is left', () => {
    const twoKinds = smallMap();
    twoKinds.layout.reviews = { dimension: 'design', categories: ['sr', 'rct'] };
    const kept = applyConfig({ map: twoKinds, warnings: [] }, { from: 'egm', hidden: ['design/rct'] }); // s1, s3, s4 are RCTs; s2, s7 reviews
    assert.deepEqual(kept.map.layout.reviews, { dimension: 'design', categories: ['sr'] });
    assert.deepEqual(kept.warnings, [{ path: 'hidden["design/rct"]', message: '3 studies lose their code "RCT" (hidden)' }]);

    const { map, warnings } = applyConfig({ map: smallMap(), warnings: [] }, { from: 'egm', hidden: ['design/sr'] });
    assert.equal(map.layout.reviews, undefined, 'no layout.reviews');
    assert.deepEqual(map.dimensions[4].categories.map((c) => c.id), ['rct']);
    assert.deepEqual(warnings, [
      { path: 'hidden["design/sr"]', message: '2 studies lose their code "Systematic review" (hidden)' },
      { path: 'hidden["design/sr"]', message: 'layout.reviews named only hidden categories: the map marks no reviews any more, so it shows no synthesis gaps' },
    ]);
  });

  it('warns about a dimension named where a category is needed (hidden, colors), and changes nothing', () => {
    const { map, warnings } = applyConfig({ map: smallMap(), warnings: [] }, { from: 'egm', hidden: ['design'], colors: { quality: '#ff0000' } });
    assert.deepEqual(map, smallMap());
    assert.deepEqual(warnings, [
      { path: 'colors["quality"]', message: 'names a dimension: colours are set on categories ("quality/categoryId"); it was ignored' },
      { path: 'hidden["design"]', message: 'names a dimension: only categories are hidden ("design/categoryId"); nothing was hidden' },
    ]);
  });

  it('sets the map metadata a config names, and nothing else', () => {
    const config = { from: 'egm', map: { title: 'New title', license: 'CC-BY-4.0', studies: [], layout: { rows: 'outcome', columns: 'support' } } } as unknown as ConversionConfig;
    const { map } = applyConfig({ map: smallMap(), warnings: [] }, config);
    assert.deepEqual(map, { ...smallMap(), title: 'New title', license: 'CC-BY-4.0' });
  });

  it('rejects order, labels, colours and map fields of the wrong shape, naming the config', () => {
    assert.throws(
      () =>
        parseConversionConfig({
          from: 'egm',
          order: { support: 'delivery', outcome: null, quality: ['high', 2], population: ['adults'] },
          labels: { 'support/remote': 5, outcome: ' ', quality: 'Quality' },
          colors: { 'quality/low': 'blue', 'quality/high': '#1b7837', 'quality/medium': null },
          map: { title: 'T', studies: [] },
        }),
      (error: unknown) => {
        assert.ok(error instanceof EgmValidationError, 'an EgmValidationError');
        assert.deepEqual(error.issues, [
          { path: 'labels["support/remote"]', message: 'must be text, but is the number 5' },
          { path: 'labels.outcome', message: 'must not be empty' },
          { path: 'colors["quality/low"]', message: 'must be a hex colour such as "#1b7837", but is the text "blue"' },
          { path: 'colors["quality/medium"]', message: 'must be a hex colour such as "#1b7837", but is null' },
          { path: 'order.support', message: 'must be a list of category ids, but is the text "delivery"' },
          { path: 'order.outcome', message: 'must be a list of category ids, but is null' },
          { path: 'order.quality', message: 'must be a list of category ids, but is a list' },
          { path: 'map.studies', message: "a config sets the map's metadata only: id, title, description, aboutHtml, links, version, searchDate, citation, license" },
        ]);
        return true;
      },
    );
  });

  it('rejects filters, links and a CSV mapping of the wrong shape, naming the config', () => {
    const paths = (config: unknown) => {
      try {
        parseConversionConfig(config);
        return [];
      } catch (error) {
        assert.ok(error instanceof EgmValidationError, 'an EgmValidationError');
        return error.issues.map((i) => `${i.path}: ${i.message}`);
      }
    };
    assert.deepEqual(paths({ from: 'eppi-reviewer', rows: 'A', columns: 'B', filters: 'Impacts of retraction' }), ['filters: must be a list of codes (ids or names), but is the text "Impacts of retraction"']);
    assert.deepEqual(paths({ from: 'egm', map: { links: 'https://example.org', title: 5 } }), [
      'map.links: must be a list of links: [{ "label": "…", "url": "https://…" }], but is the text "https://example.org"',
      'map.title: must be text, but is the number 5',
    ]);
    assert.deepEqual(paths({ from: 'egm', map: { links: [{ label: 'Report', url: 'https://example.org' }, 'https://x', { label: 'Data' }, { label: 2, url: null }] } }), [
      'map.links[1]: must be a link: { "label": "…", "url": "https://…" }, but is the text "https://x"',
      'map.links[2].url: is required (text)',
      'map.links[3].label: must be text, but is the number 2',
      'map.links[3].url: must be text, but is null',
    ]);
    assert.deepEqual(paths({ from: 'csv', csv: { title: 'Title', dimensions: { column: 'Topic' }, layout: ['topic', 'outcome'] } }), [
      'csv.dimensions: must be a list of { "column" }, but is an object',
      'csv.layout: must be an object: { "rows", "columns" }, but is a list',
    ]);
    assert.deepEqual(paths({ from: 'csv', csv: { title: 'Title', dimensions: [{ column: 'Topic' }, null], layout: { rows: 'topic', columns: 'x', filters: 'y' } } }), [
      'csv.dimensions[1]: must be a dimension: { "column" }, but is null',
      'csv.layout.filters: must be a list of dimension ids, but is the text "y"',
    ]);
    assert.deepEqual(paths({ from: 'csv', csv: 'Title' }), ['csv: must be a CSV mapping: { "title", "dimensions", "layout" }, but is the text "Title"']);
    assert.deepEqual(paths({ from: 'egm', csv: [] }), ['csv: must be a CSV mapping: { "title", "dimensions", "layout" }, but is a list']);
    // What the importers check (code references, the mapping's columns) is left to them.
    assert.deepEqual(paths({ from: 'eppi-reviewer', rows: 'A', columns: 'B', filters: [{}] }), []);
    assert.deepEqual(paths({ from: 'csv', csv: {} }), []);
    assert.deepEqual(paths({ from: 'egm', map: { links: [] } }), []);
  });

  it('rejects a config of the wrong shape with every problem', () => {
    assert.throws(
      () => parseConversionConfig({ from: 'word', labels: [], hidden: 'x' }),
      (e: unknown) =>
        e instanceof EgmValidationError &&
        JSON.stringify(e.issues.map((i) => i.path)) === JSON.stringify(['from', 'labels', 'hidden']),
    );
    assert.throws(() => parseConversionConfig({ from: 'eppi-reviewer' }), /needs "rows" and "columns"/);
  });
});
