/**
 * Keeps `schema/egm-1.schema.json` (the published JSON Schema of the `egm/1` format) in
 * agreement with `validateMap` / `parseMap` (the library's validator).
 *
 * The schema checks structure only; cross-references (unknown or duplicate ids, rows = columns,
 * codes naming missing categories…) are the validator's alone. So every structural example
 * below must get the same verdict from both, and the boundary examples at the end document what
 * only the validator catches.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import Ajv2020Import from 'ajv/dist/2020.js';

import { MAX_CATEGORY_DEPTH, validateMap } from './parse.js';

// ajv is CommonJS. Under Node's ESM loader (and TypeScript's NodeNext) the default import is
// `module.exports`; ajv sets that to the class and also gives the class a `.default` pointing to
// itself, which is what NodeNext types the class as. Under bundler-style typing the default import
// is the class. Pick `.default` when there is one, so every setting gets the constructor.
type Ajv2020Class = typeof import('ajv/dist/2020.js').Ajv2020;
const Ajv2020: Ajv2020Class =
  (Ajv2020Import as unknown as { default?: Ajv2020Class }).default ?? (Ajv2020Import as unknown as Ajv2020Class);

const schemaUrl = new URL('../../schema/egm-1.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateWithSchema = ajv.compile(schema);

type Json = Record<string, any>;  

/** A valid map exercising most of the format; examples are small edits of a fresh copy. */
function baseMap(): Json {
  return {
    format: 'egm/1',
    id: 'peer-support-2022',
    title: 'Peer support in health and social care',
    description: 'Plain text shown under the title.',
    aboutHtml: '<p>Methods, funders…</p>',
    links: [{ label: 'Full report', url: 'https://example.org/report.pdf' }],
    version: '2.1',
    searchDate: '2021-06-30',
    citation: 'Author A, Author B (2022) Peer support.',
    license: 'CC-BY-4.0',
    dimensions: [
      {
        id: 'support',
        label: 'Type of peer support',
        description: 'What the peers do.',
        categories: [
          { id: 'education', label: 'Education', description: 'Optional tooltip text' },
          {
            id: 'delivery',
            label: 'Delivery',
            children: [
              { id: 'in-person', label: 'In person' },
              { id: 'remote', label: 'Remote', children: [{ id: 'video', label: 'Video' }] },
            ],
          },
        ],
      },
      {
        id: 'outcome',
        label: 'Outcome',
        categories: [
          { id: 'mental-health', label: 'Mental health' },
          { id: 'physical-health', label: 'Physical health' },
        ],
      },
      {
        id: 'quality',
        label: 'Study quality',
        categories: [
          { id: 'high', label: 'High', color: '#1b7837' },
          { id: 'medium', label: 'Medium', color: '#E08214' },
          { id: 'low', label: 'Low', color: '#b21' },
        ],
      },
      {
        id: 'design',
        label: 'Study type',
        categories: [
          { id: 'sr', label: 'Systematic review' },
          { id: 'rct', label: 'Randomised trial' },
        ],
      },
    ],
    layout: {
      rows: 'support',
      columns: 'outcome',
      segments: 'quality',
      filters: ['design'],
      reviews: { dimension: 'design', categories: ['sr'] },
    },
    studies: [
      {
        id: 's001',
        title: 'Peer-led self-management education for adults with type 2 diabetes',
        authors: ['Smith J', 'Okafor A'],
        year: 2019,
        source: 'Diabetes Care',
        abstract: 'Plain text. Never rendered as HTML.',
        url: 'https://doi.org/10.1000/xyz',
        doi: '10.1000/xyz',
        codes: { support: ['education', 'in-person'], outcome: ['mental-health'], quality: ['high'], design: ['rct'] },
      },
      {
        id: 's002',
        title: 'A review of remote peer support',
        codes: { support: ['delivery'], outcome: ['physical-health'], design: ['sr'] },
      },
    ],
  };
}

/** A fresh base map, changed by `edit`. */
function edited(edit: (m: Json) => void): Json {
  const m = baseMap();
  edit(m);
  return m;
}

/** Categories nested `levels` deep (level 1 = top-level categories only). */
function nested(levels: number): Json[] {
  let cats: Json[] | undefined;
  for (let level = levels; level >= 1; level--) {
    const cat: Json = { id: `c${level}`, label: `Level ${level}` };
    if (cats) cat.children = cats;
    cats = [cat];
  }
  return cats!;
}

interface Example {
  name: string;
  valid: boolean;
  input: unknown;
}

const valid = (name: string, input: unknown): Example => ({ name, valid: true, input });
const invalid = (name: string, input: unknown): Example => ({ name, valid: false, input });

/** Structural examples: the schema and the validator must agree on every one. */
const examples: Example[] = [
  // ---- valid maps ---------------------------------------------------------------------------
  valid('the spec-like base map', baseMap()),
  valid('a minimal map', {
    format: 'egm/1',
    title: 'T',
    dimensions: [
      { id: 'a', label: 'A', categories: [] },
      { id: 'b', label: 'B', categories: [] },
    ],
    layout: { rows: 'a', columns: 'b' },
    studies: [],
  }),
  valid('unknown properties at every level (the format is extensible)', edited((m) => {
    m.x_publisher = { name: 'Centre' };
    m.links[0].rel = 'report';
    m.dimensions[0].x_order = 3;
    m.dimensions[0].categories[1].children[0].x_icon = 'person';
    m.layout.x_view = 'heatmap';
    m.layout.reviews.x_note = 'SRs only';
    m.studies[0].x_country = ['UK'];
    m.studies[0].language = 'en';
  })),
  valid('optional fields omitted everywhere (no links, segments, filters, reviews, codes)', edited((m) => {
    for (const k of ['id', 'description', 'aboutHtml', 'links', 'version', 'searchDate', 'citation', 'license']) delete m[k];
    m.layout = { rows: 'support', columns: 'outcome' };
    m.studies = [{ id: 's1', title: 'Only an id and a title' }];
  })),
  valid('empty lists and empty optional text', edited((m) => {
    m.links = [];
    m.description = '';
    m.id = '';
    m.dimensions[0].description = '';
    m.dimensions[0].categories[1].children[1].children = [];
    m.layout.filters = [];
    m.layout.reviews.categories = [];
    m.studies[0].authors = [];
    m.studies[0].codes = {};
    m.studies[0].abstract = '';
    m.studies[0].doi = '';
    m.studies[0].source = '';
  })),
  valid('a blank study url counts as no link', edited((m) => {
    m.studies[0].url = '';
    m.studies[1].url = '   ';
  })),
  valid('urls with surrounding white space and upper-case schemes', edited((m) => {
    m.links = [{ label: 'Report', url: '  HTTPS://example.org/r ' }, { label: 'Data', url: 'http://example.org/d' }];
    m.studies[0].url = '\tHttp://example.org/s1';
  })),
  valid('all four hex colour lengths', edited((m) => {
    m.dimensions[2].categories = [
      { id: 'a', label: 'A', color: '#abc' },
      { id: 'b', label: 'B', color: '#ABCD' },
      { id: 'c', label: 'C', color: '#a1b2c3' },
      { id: 'd', label: 'D', color: '#A1B2C3D4' },
    ];
    m.studies[0].codes.quality = ['a'];
  })),
  valid('titles and labels with surrounding white space; ids that are only white space', edited((m) => {
    m.title = '  Padded title  ';
    m.dimensions[0].label = ' Support ';
    m.dimensions[3].categories.push({ id: ' ', label: 'Other' });
    m.studies[1].id = ' ';
    m.studies[1].title = '\tA title ';
  })),
  valid('a negative year, repeated codes and a group code', edited((m) => {
    m.studies[0].year = -50;
    m.studies[0].codes.support = ['delivery', 'remote', 'remote'];
  })),
  valid(`categories nested ${MAX_CATEGORY_DEPTH} levels deep (the deepest allowed)`, edited((m) => {
    m.dimensions[3].categories = [...m.dimensions[3].categories, ...nested(MAX_CATEGORY_DEPTH)];
  })),

  // ---- the whole map ------------------------------------------------------------------------
  invalid('the map is a list', [baseMap()]),
  invalid('the map is null', null),
  invalid('the map is text', '{"format":"egm/1"}'),

  // ---- top-level fields ---------------------------------------------------------------------
  invalid('format missing', edited((m) => delete m.format)),
  invalid('format is another version', edited((m) => { m.format = 'egm/2'; })),
  invalid('format is a number', edited((m) => { m.format = 1; })),
  invalid('title missing', edited((m) => delete m.title)),
  invalid('title empty', edited((m) => { m.title = ''; })),
  invalid('title only spaces', edited((m) => { m.title = '   '; })),
  invalid('title only unicode white space', edited((m) => { m.title = '\u00a0\t\u2003\ufeff\n'; })),
  invalid('title a number', edited((m) => { m.title = 42; })),
  invalid('title null', edited((m) => { m.title = null; })),
  invalid('id a number', edited((m) => { m.id = 2022; })),
  invalid('description null', edited((m) => { m.description = null; })),
  invalid('aboutHtml a list', edited((m) => { m.aboutHtml = ['<p>x</p>']; })),
  invalid('version a number', edited((m) => { m.version = 2.1; })),
  invalid('searchDate a number', edited((m) => { m.searchDate = 20210630; })),
  invalid('citation an object', edited((m) => { m.citation = { text: 'x' }; })),
  invalid('license a boolean', edited((m) => { m.license = true; })),

  // ---- links --------------------------------------------------------------------------------
  invalid('links an object', edited((m) => { m.links = { label: 'Report', url: 'https://example.org' }; })),
  invalid('a link is text', edited((m) => { m.links = ['https://example.org']; })),
  invalid('a link without a label', edited((m) => { m.links = [{ url: 'https://example.org' }]; })),
  invalid('a link with a blank label', edited((m) => { m.links[0].label = ' '; })),
  invalid('a link without a url', edited((m) => { m.links = [{ label: 'Report' }]; })),
  invalid('a link with an empty url', edited((m) => { m.links[0].url = ''; })),
  invalid('a link with a blank url (unlike a study url, a link needs one)', edited((m) => { m.links[0].url = '  '; })),
  invalid('a javascript: link', edited((m) => { m.links[0].url = 'javascript:alert(1)'; })),
  invalid('an ftp: link', edited((m) => { m.links[0].url = 'ftp://example.org/report.pdf'; })),
  invalid('a scheme-relative link', edited((m) => { m.links[0].url = '//example.org/report.pdf'; })),
  invalid('a link url that is a number', edited((m) => { m.links[0].url = 8080; })),

  // ---- dimensions ---------------------------------------------------------------------------
  invalid('dimensions missing', edited((m) => delete m.dimensions)),
  invalid('dimensions an object', edited((m) => { m.dimensions = { support: m.dimensions[0], outcome: m.dimensions[1] }; })),
  invalid('no dimensions', edited((m) => { m.dimensions = []; m.layout = { rows: 'a', columns: 'b' }; m.studies = []; })),
  invalid('only one dimension', edited((m) => {
    m.dimensions = [m.dimensions[0]];
    m.layout = { rows: 'support', columns: 'support-x' };
    m.studies = [];
  })),
  invalid('a dimension is text', edited((m) => { m.dimensions.push('population'); })),
  invalid('a dimension without an id', edited((m) => { delete m.dimensions[3].id; delete m.layout.filters; delete m.layout.reviews; })),
  invalid('a dimension with an empty id', edited((m) => { m.dimensions.push({ id: '', label: 'X', categories: [] }); })),
  invalid('a dimension id that is a number', edited((m) => { m.dimensions.push({ id: 7, label: 'X', categories: [] }); })),
  invalid('a dimension without a label', edited((m) => delete m.dimensions[1].label)),
  invalid('a dimension with a blank label', edited((m) => { m.dimensions[1].label = '\t'; })),
  invalid('a dimension description that is a number', edited((m) => { m.dimensions[1].description = 1; })),
  invalid('a dimension without categories', edited((m) => { m.dimensions.push({ id: 'x', label: 'X' }); })),
  invalid('dimension categories an object', edited((m) => { m.dimensions.push({ id: 'x', label: 'X', categories: { a: 'A' } }); })),

  // ---- categories ---------------------------------------------------------------------------
  invalid('a category is text', edited((m) => { m.dimensions[1].categories.push('social'); })),
  invalid('a category is a list', edited((m) => { m.dimensions[1].categories.push(['social', 'Social']); })),
  invalid('a category without an id', edited((m) => { m.dimensions[1].categories.push({ label: 'Social' }); })),
  invalid('a category with an empty id', edited((m) => { m.dimensions[1].categories.push({ id: '', label: 'Social' }); })),
  invalid('a category id that is a number', edited((m) => { m.dimensions[1].categories.push({ id: 3, label: 'Social' }); })),
  invalid('a category without a label', edited((m) => { m.dimensions[1].categories.push({ id: 'social' }); })),
  invalid('a category with an empty label', edited((m) => { m.dimensions[1].categories.push({ id: 'social', label: '' }); })),
  invalid('a category label that is a number', edited((m) => { m.dimensions[1].categories.push({ id: 'social', label: 5 }); })),
  invalid('a category description that is a list', edited((m) => { m.dimensions[0].categories[0].description = ['x']; })),
  invalid('a colour name instead of a hex colour', edited((m) => { m.dimensions[2].categories[0].color = 'green'; })),
  invalid('a hex colour without #', edited((m) => { m.dimensions[2].categories[0].color = '1b7837'; })),
  invalid('a hex colour with five digits', edited((m) => { m.dimensions[2].categories[0].color = '#1b783'; })),
  invalid('a hex colour with a non-hex digit', edited((m) => { m.dimensions[2].categories[0].color = '#1g7837'; })),
  invalid('a hex colour with trailing white space', edited((m) => { m.dimensions[2].categories[0].color = '#1b7837 '; })),
  invalid('a hex colour with a trailing newline', edited((m) => { m.dimensions[2].categories[0].color = '#1b7837\n'; })),
  invalid('an rgb() colour', edited((m) => { m.dimensions[2].categories[0].color = 'rgb(27, 120, 55)'; })),
  invalid('a colour that is a number', edited((m) => { m.dimensions[2].categories[0].color = 0x1b7837; })),
  invalid('children an object', edited((m) => { m.dimensions[0].categories[0].children = { id: 'x', label: 'X' }; })),
  invalid('children text', edited((m) => { m.dimensions[0].categories[0].children = 'x'; })),
  invalid('a nested category without a label', edited((m) => { delete m.dimensions[0].categories[1].children[1].children[0].label; })),
  invalid('a nested category with a bad colour', edited((m) => { m.dimensions[0].categories[1].children[0].color = '#12'; })),
  invalid('a nested category that is null', edited((m) => { m.dimensions[0].categories[1].children.push(null); })),

  // ---- layout -------------------------------------------------------------------------------
  invalid('layout missing', edited((m) => delete m.layout)),
  invalid('layout a list', edited((m) => { m.layout = ['support', 'outcome']; })),
  invalid('layout text', edited((m) => { m.layout = 'support x outcome'; })),
  invalid('layout without rows', edited((m) => delete m.layout.rows)),
  invalid('layout without columns', edited((m) => delete m.layout.columns)),
  invalid('layout rows empty', edited((m) => { m.layout.rows = ''; })),
  invalid('layout rows a number', edited((m) => { m.layout.rows = 0; })),
  invalid('layout columns a list', edited((m) => { m.layout.columns = ['outcome']; })),
  invalid('layout segments empty', edited((m) => { m.layout.segments = ''; })),
  invalid('layout segments null', edited((m) => { m.layout.segments = null; })),
  invalid('layout filters text', edited((m) => { m.layout.filters = 'design'; })),
  invalid('a layout filter that is a number', edited((m) => { m.layout.filters = ['design', 3]; })),
  invalid('a layout filter that is empty', edited((m) => { m.layout.filters = ['']; })),
  invalid('a layout filter listed twice', edited((m) => { m.layout.filters = ['design', 'design']; })),
  invalid('layout reviews a list', edited((m) => { m.layout.reviews = ['design', 'sr']; })),
  invalid('layout reviews without a dimension', edited((m) => delete m.layout.reviews.dimension)),
  invalid('layout reviews without categories', edited((m) => delete m.layout.reviews.categories)),
  invalid('layout reviews dimension a number', edited((m) => { m.layout.reviews.dimension = 4; })),
  invalid('layout reviews categories text', edited((m) => { m.layout.reviews.categories = 'sr'; })),
  invalid('a layout reviews category that is a number', edited((m) => { m.layout.reviews.categories = [1]; })),
  invalid('a layout reviews category that is empty', edited((m) => { m.layout.reviews.categories = ['']; })),

  // ---- studies ------------------------------------------------------------------------------
  invalid('studies missing', edited((m) => delete m.studies)),
  invalid('studies an object', edited((m) => { m.studies = { s001: m.studies[0] }; })),
  invalid('a study is text', edited((m) => { m.studies.push('s003'); })),
  invalid('a study is null', edited((m) => { m.studies.push(null); })),
  invalid('a study without an id', edited((m) => delete m.studies[0].id)),
  invalid('a study with an empty id', edited((m) => { m.studies[0].id = ''; })),
  invalid('a study id that is a number', edited((m) => { m.studies[0].id = 1; })),
  invalid('a study without a title', edited((m) => delete m.studies[0].title)),
  invalid('a study with a blank title', edited((m) => { m.studies[0].title = ' \n '; })),
  invalid('a study title that is a number', edited((m) => { m.studies[0].title = 2019; })),
  invalid('authors as one text', edited((m) => { m.studies[0].authors = 'Smith J, Okafor A'; })),
  invalid('an author that is not text', edited((m) => { m.studies[0].authors = ['Smith J', { name: 'Okafor A' }]; })),
  invalid('year as text', edited((m) => { m.studies[0].year = '2019'; })),
  invalid('year not whole', edited((m) => { m.studies[0].year = 2019.5; })),
  invalid('year null', edited((m) => { m.studies[0].year = null; })),
  invalid('source a number', edited((m) => { m.studies[0].source = 12; })),
  invalid('abstract a list', edited((m) => { m.studies[0].abstract = ['para 1', 'para 2']; })),
  invalid('doi a number', edited((m) => { m.studies[0].doi = 10.1; })),
  invalid('a javascript: study url', edited((m) => { m.studies[0].url = 'javascript:alert(1)'; })),
  invalid('a data: study url', edited((m) => { m.studies[0].url = 'data:text/html,<script>alert(1)</script>'; })),
  invalid('a study url without a scheme', edited((m) => { m.studies[0].url = 'www.example.org/s1'; })),
  invalid('a study url that is a number', edited((m) => { m.studies[0].url = 1; })),
  invalid('codes a list', edited((m) => { m.studies[0].codes = [['support', 'education']]; })),
  invalid('codes null', edited((m) => { m.studies[0].codes = null; })),
  invalid('a codes value that is text, not a list', edited((m) => { m.studies[0].codes.outcome = 'mental-health'; })),
  invalid('a codes value that is an object', edited((m) => { m.studies[0].codes.outcome = { 0: 'mental-health' }; })),
  invalid('a code that is a number', edited((m) => { m.studies[0].codes.outcome = [1]; })),
  invalid('a code that is empty', edited((m) => { m.studies[0].codes.outcome = ['']; })),
];

/**
 * Boundary examples: structurally fine, so the schema accepts them, but the validator refuses
 * them. They document what is out of the schema's scope (its top-level description says so).
 */
const boundary: Omit<Example, 'valid'>[] = [
  { name: 'cross-reference: layout.rows names an unknown dimension', input: edited((m) => { m.layout.rows = 'suport'; }) },
  { name: 'cross-reference: a study coded to an unknown category', input: edited((m) => { m.studies[0].codes.outcome = ['mental']; }) },
  { name: 'cross-reference: rows and columns are the same dimension', input: edited((m) => { m.layout.columns = 'support'; }) },
  { name: 'cross-reference: duplicate study ids', input: edited((m) => { m.studies[1].id = 's001'; }) },
  { name: `categories nested ${MAX_CATEGORY_DEPTH + 1} levels deep`, input: edited((m) => { m.dimensions[3].categories.push(...nested(MAX_CATEGORY_DEPTH + 1)); }) },
  { name: 'an http:// address that does not parse', input: edited((m) => { m.links[0].url = 'http://'; }) },
];

function schemaVerdict(input: unknown): { ok: boolean; errors: string } {
  const ok = validateWithSchema(input);
  return { ok, errors: ajv.errorsText(validateWithSchema.errors, { separator: '; ' }) };
}

function parseVerdict(input: unknown): { ok: boolean; issues: string } {
  const result = validateMap(input);
  return { ok: result.ok, issues: result.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
}

describe('schema/egm-1.schema.json', () => {
  test('is a draft 2020-12 schema that compiles in strict mode', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://unpkg.com/egm-components/schema/egm-1.schema.json');
    assert.equal(typeof validateWithSchema, 'function');
  });

  test('describes every property and definition (editors show the descriptions)', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'properties' || key === '$defs') && typeof value === 'object' && value !== null) {
          for (const [name, sub] of Object.entries(value)) {
            if (typeof (sub as Json).description !== 'string') missing.push(`${path}/${key}/${name}`);
          }
        }
        walk(value, `${path}/${key}`);
      }
    };
    walk(schema, '#');
    assert.equal(typeof schema.description, 'string');
    assert.deepEqual(missing, []);
  });

  test(`has at least 25 structural examples (${examples.length}), valid and invalid`, () => {
    assert.ok(examples.length >= 25);
    assert.ok(examples.some((e) => e.valid));
    assert.ok(examples.some((e) => !e.valid));
  });

  describe('agrees with validateMap on structural examples', () => {
    for (const example of examples) {
      test(`${example.valid ? 'valid' : 'invalid'}: ${example.name}`, () => {
        const bySchema = schemaVerdict(example.input);
        const byParse = parseVerdict(example.input);
        assert.equal(bySchema.ok, byParse.ok, `the schema says ${bySchema.ok ? 'valid' : `invalid (${bySchema.errors})`}, validateMap says ${byParse.ok ? 'valid' : `invalid (${byParse.issues})`}`);
        assert.equal(byParse.ok, example.valid, `expected ${example.valid ? 'valid' : 'invalid'}; validateMap: ${byParse.issues || 'valid'}`);
      });
    }
  });

  describe('leaves cross-references and limits to validateMap (schema-valid, validateMap-invalid)', () => {
    for (const example of boundary) {
      test(example.name, () => {
        const bySchema = schemaVerdict(example.input);
        const byParse = parseVerdict(example.input);
        assert.equal(bySchema.ok, true, `the schema should accept this structurally fine map, but says: ${bySchema.errors}`);
        assert.equal(byParse.ok, false, 'validateMap should refuse this map');
      });
    }
  });
});
