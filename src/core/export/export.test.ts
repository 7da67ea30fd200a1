import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeFilters } from '../filter.js';
import { GridModel } from '../grid.js';
import { createIndex } from '../map-index.js';
import { parseMap, splitMap } from '../parse.js';
import { smallMap, smallMapWithDimension } from '../testing/fixture.js';
import { wellFormed } from '../text.js';
import { assertNoPollution, fuzzParams, HOSTILE_KEYS, prototypeSnapshot } from '../testing/fuzz.js';
import { mapPicture, pictureToSvg } from './picture.js';
import { fitState, hasState, readState, writeState } from './state.js';
import { csvCell, studiesToCsv, studiesToRis } from './table.js';

const map = parseMap(smallMap());
const { schema, studies } = splitMap(map);

describe('studiesToCsv', () => {
  it('writes a header, bibliographic fields and labelled categories, with a BOM and CRLF', () => {
    const csv = studiesToCsv(schema, [studies[0], studies[3]]);
    assert.equal(
      csv,
      '\uFEFFid,title,authors,year,source,doi,url,abstract,Type of support,Outcome,Study quality,Population,Study type\r\n' +
        's1,Peer education for adults with diabetes,Núñez A; Smith J,2019,,,,A randomised trial of group education.,Education,Physical health; Mental health,High,Older adults,RCT\r\n' +
        's4,"Peer support, delivery unspecified",,,,,,,Delivery,Physical health,,Adults,RCT\r\n',
    );
  });

  it('neutralises formula injection and quotes what needs quoting', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
    assert.equal(csvCell('a\nb'), '"a\nb"');
    assert.equal(csvCell('plain'), 'plain');
  });
});

describe('exports of a map whose dimension is named after an Object.prototype member', () => {
  for (const id of ['constructor', 'toString', '__proto__']) {
    it(`reads "${id}" as a dimension: no codes where a study has none`, () => {
      const { schema, studies } = splitMap(parseMap(smallMapWithDimension(id)));
      const csv = studiesToCsv(schema, studies).split('\r\n');
      // The last column: s1's code, then nothing for the six other studies.
      assert.deepEqual(csv.slice(1, 8).map((line) => line.slice(line.lastIndexOf(',') + 1)), ['E one', '', '', '', '', '', '']);
      assert.deepEqual(studiesToRis(schema, studies).split('\r\n').filter((l) => l.startsWith('KW  - Extra')), ['KW  - Extra: E one']);
    });
  }
});

describe('studiesToRis', () => {
  it('writes one record per study with authors, keywords from the map and no line breaks in a field', () => {
    const s = { ...studies[6], abstract: 'Loneliness\r\nand wellbeing.', source: 'BMJ Open', doi: '10.5555/x', url: 'https://doi.org/10.5555/x' };
    assert.equal(
      studiesToRis(schema, [s]),
      [
        'TY  - JOUR',
        'ID  - s7',
        'TI  - Befriending in person',
        'AU  - Ó Briain D',
        'PY  - 2018',
        'T2  - BMJ Open',
        'AB  - Loneliness and wellbeing.',
        'DO  - 10.5555/x',
        'UR  - https://doi.org/10.5555/x',
        'KW  - Type of support: In person',
        'KW  - Outcome: Mental health',
        'KW  - Outcome: Wellbeing',
        'KW  - Population: Older adults',
        'KW  - Population: Children',
        'KW  - Study type: Systematic review',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });
});

describe('view state in URLs', () => {
  const state = {
    filters: { categories: { population: ['adults', 'children'], design: ['rct'] }, query: 'peer support', years: { from: 2010 }, mode: 'all' as const },
    selected: { rowId: 'in-person', columnId: 'mental-health' },
    collapsed: ['delivery'],
    view: 'bubble',
  };

  it('round-trips, namespaced, leaving other parameters alone', () => {
    const params = writeState(new URLSearchParams('other=1&b.q=kept'), 'a', state);
    assert.equal(params.toString(), 'other=1&b.q=kept&a.f.design=rct&a.f.population=adults&a.f.population=children&a.q=peer+support&a.from=2010&a.mode=all&a.row=in-person&a.col=mental-health&a.collapsed=delivery&a.view=bubble');
    assert.deepEqual(readState(params, 'a'), { ...state, filters: { categories: { design: ['rct'], population: ['adults', 'children'] }, query: 'peer support', years: { from: 2010 }, mode: 'all' } });
    assert.deepEqual(readState(params, 'b').filters, { categories: {}, query: 'kept' });
    // Writing an empty state removes this map's parameters only.
    assert.equal(writeState(params, 'a', { filters: { categories: {} }, selected: null, collapsed: [] }).toString(), 'other=1&b.q=kept');
  });

  it('keeps apart two maps whose ids differ by a dot and more (peer and peer.v2)', () => {
    const theirs = writeState(new URLSearchParams(), 'peer.v2', state);
    assert.equal(hasState(theirs, 'peer'), false, 'peer.v2\'s parameters are not peer\'s');
    assert.equal(hasState(theirs, 'peer.v2'), true, 'they are peer.v2\'s');
    const both = writeState(theirs, 'peer', { filters: { categories: { design: ['rct'] } }, selected: null, collapsed: [] });
    assert.deepEqual(readState(both, 'peer.v2'), readState(theirs, 'peer.v2'));
    assert.deepEqual(readState(both, 'peer').filters, { categories: { design: ['rct'] } });
    // Clearing peer's state leaves peer.v2's whole.
    assert.equal(writeState(both, 'peer', { filters: { categories: {} }, selected: null, collapsed: [] }).toString(), theirs.toString());
  });

  it('drops junk', () => {
    assert.deepEqual(readState(new URLSearchParams('a.from=abc&a.mode=weird&a.row=x&a.f.=y'), 'a'), { filters: { categories: {} }, selected: null, collapsed: [], view: undefined });
  });

  it('reads dimension ids named after Object.prototype members as ids, touching no prototype', () => {
    const before = prototypeSnapshot();
    const state = readState(new URLSearchParams('a.f.__proto__=x&a.f.toString=y&a.f.constructor=z&a.f.toString=w'), 'a');
    // (JSON.parse makes "__proto__" an own key, as the state has it.)
    assert.deepEqual(state.filters.categories, JSON.parse('{"__proto__":["x"],"constructor":["z"],"toString":["y","w"]}'));
    assert.equal(Object.getPrototypeOf(state.filters.categories), Object.prototype);
    assertNoPollution(before);
  });

  it('fits a state to a map: unknown dimensions, categories and cells are dropped, the rest kept', () => {
    const index = createIndex(map);
    const state = {
      filters: { categories: { population: ['gone', 'adults'], nope: ['x'], design: ['gone'] }, query: 'peer', years: { from: 2010 } },
      selected: { rowId: 'education', columnId: 'mental-health' },
      collapsed: ['delivery', 'gone'],
      view: 'heatmap',
    };
    assert.deepEqual(fitState(state, index), {
      filters: { categories: { population: ['adults'] }, query: 'peer', years: { from: 2010 } },
      selected: { rowId: 'education', columnId: 'mental-health' },
      collapsed: ['delivery'],
      view: 'heatmap',
    });
    assert.equal(fitState({ ...state, selected: { rowId: 'education', columnId: 'gone' } }, index).selected, null);
    assert.equal(fitState({ ...state, selected: { rowId: 'gone', columnId: 'mental-health' } }, index).selected, null);
    const hostile = readState(new URLSearchParams('m.f.__proto__=adults&m.f.population=adults'), 'm');
    assert.deepEqual(fitState(hostile, index).filters.categories, { population: ['adults'] });
  });

  it("fits a selected cell to the grid's rows and columns when it is given them", () => {
    const index = createIndex(map);
    const at = (rowId: string, columnId: string, axes?: { rows: string; columns: string }) =>
      fitState({ filters: { categories: {} }, selected: { rowId, columnId }, collapsed: [] }, index, axes).selected;
    const axes = { rows: 'support', columns: 'outcome' };
    assert.deepEqual(at('education', 'mental-health', axes), { rowId: 'education', columnId: 'mental-health' });
    assert.deepEqual(at('delivery', 'mental-health', axes), { rowId: 'delivery', columnId: 'mental-health' }); // a group
    // Categories of the map, but a population as a row, or the row and column swapped.
    assert.deepEqual(at('adults', 'mental-health'), { rowId: 'adults', columnId: 'mental-health' });
    assert.equal(at('adults', 'mental-health', axes), null);
    assert.equal(at('mental-health', 'education', axes), null);
    // The map drawn the other way round (rows="outcome" columns="support"): the swapped cell is the one.
    assert.deepEqual(at('mental-health', 'education', { rows: 'outcome', columns: 'support' }), { rowId: 'mental-health', columnId: 'education' });
    assert.equal(at('education', 'mental-health', { rows: 'nope', columns: 'outcome' }), null);
  });

  it('never throws on any query string, and round-trips any state it wrote', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('a', '__proto__', 'a.f'), (query, ns) => {
        readState(new URLSearchParams(query), ns);
      }),
      fuzzParams(),
    );
    // Ids and text without lone surrogates (a URL carries UTF-8, which has no room for them).
    const text = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }));
    fc.assert(
      fc.property(
        fc.dictionary(text, fc.uniqueArray(text, { minLength: 1, maxLength: 3 }), { maxKeys: 4 }),
        fc.option(fc.tuple(text, text), { nil: null }),
        fc.uniqueArray(text, { maxLength: 3 }),
        (categories, cell, collapsed) => {
          const state = { filters: { categories }, selected: cell && { rowId: cell[0], columnId: cell[1] }, collapsed };
          const back = readState(new URLSearchParams(writeState(new URLSearchParams(), 'm', state).toString()), 'm');
          assert.deepEqual(back.filters, normalizeFilters(state.filters));
          assert.deepEqual([back.selected, back.collapsed], [state.selected, state.collapsed]);
        },
      ),
      fuzzParams(),
    );
    assertNoPollution(before);
  });
});

describe('mapPicture / pictureToSvg', () => {
  it('draws one bubble per non-empty cell, escapes text, and holds no script or link', () => {
    const m = smallMap();
    m.dimensions[0].categories[0].label = '<script>alert(1)</script> & more';
    const model = new GridModel(createIndex(parseMap(m)), { rows: 'support', columns: 'outcome', segments: 'quality' });
    const svg = pictureToSvg(mapPicture(model, model.totals, { title: 'A "map"' }), 'A "map"');
    const nonEmpty = Array.from(model.totals.counts).filter((n) => n > 0).length;
    assert.equal(nonEmpty, 7);
    assert.equal(svg.match(/class="bubble"/g)!.length, nonEmpty);
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'));
    assert.ok(!/<script|href=|on\w+=/i.test(svg));
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.includes('<title>A &quot;map&quot;</title>'));
  });

  it('writes well-formed XML from labels holding control characters and lone surrogates', () => {
    const m = smallMap();
    m.dimensions[0].categories[0].label = 'A\u0001B\uD800C\u0007';
    const model = new GridModel(createIndex(parseMap(m)), { rows: 'support', columns: 'outcome', segments: 'quality' });
    const svg = pictureToSvg(mapPicture(model, model.totals), 'T\uDC00itle\u001F');
    // Controls XML 1.0 forbids are dropped; a lone surrogate becomes U+FFFD.
    assert.ok(svg.includes('>AB\uFFFDC</text>'), 'the label, cleaned');
    assert.ok(svg.includes('<title>T\uFFFDitle</title>'), 'the title, cleaned');
    assert.equal(wellFormed(svg), svg, 'no lone surrogate anywhere');
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(svg), 'no character XML forbids');
  });

  it("writes the key's words and the counts as it is told, in English by default", () => {
    const model = new GridModel(createIndex(map), { rows: 'support', columns: 'outcome', segments: 'quality' });
    const texts = (p: ReturnType<typeof mapPicture>) => p.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    const key = (p: ReturnType<typeof mapPicture>) => texts(p).slice(-(model.segments.filter((s) => !s.notCoded || s.total > 0).length + 1));
    assert.ok(model.segments.some((s) => s.notCoded && s.total > 0), 'the small map has studies without a quality code');
    const english = mapPicture(model, model.totals);
    assert.deepEqual(key(english), [...model.segments.filter((s) => !s.notCoded).map((s) => s.label), 'Not coded', 'Gap: no studies']);
    const french = mapPicture(model, model.totals, { notCoded: 'Non codé', gap: 'Lacune : aucune étude', formatCount: (n) => `#${n}` });
    assert.deepEqual(key(french), [...model.segments.filter((s) => !s.notCoded).map((s) => s.label), 'Non codé', 'Lacune : aucune étude']);
    const counts = Array.from(model.totals.counts).filter((n) => n > 0);
    assert.deepEqual(texts(french).filter((t) => t.startsWith('#')), counts.map((n) => `#${n}`));
    assert.ok(french.width >= english.width, 'the longer key is not cut');
  });

  it('is wide enough for the last column\'s label and for a long title (neither cut at the right edge)', () => {
    const model = new GridModel(createIndex(map), { rows: 'support', columns: 'outcome', segments: 'quality' });
    const picture = mapPicture(model, model.totals);
    const last = picture.shapes.flatMap((s) => (s.kind === 'text' && s.rotate === -45 ? [s] : [])).at(-1)!;
    assert.equal(last.text, 'Cost-effectiveness', 'the last column');
    // A 12 px semibold label is at least 6.5 px a character; rotated by 45°, it reaches this far right.
    assert.ok(picture.width >= last.x + last.text.length * 6.5 * Math.SQRT1_2, `the last column's label ends inside the picture (width ${picture.width})`);
    assert.ok(pictureToSvg(picture).includes(`width="${picture.width}"`), 'the SVG is as wide');
    // An 18 px bold title is at least 9 px a character.
    const title = 'Peer support for adults and children in health and social care, 2000-2024';
    const titled = mapPicture(model, model.totals, { title });
    assert.ok(titled.width >= 8 + title.length * 9, `the title ends inside the picture (width ${titled.width})`);
  });

  it('shortens a long label without splitting a character outside the BMP', () => {
    const m = smallMap();
    m.dimensions[0].categories[0].label = '𝐀'.repeat(40); // U+1D400, two UTF-16 units each
    m.dimensions[1].categories[0].label = '😀'.repeat(20);
    const model = new GridModel(createIndex(parseMap(m)), { rows: 'support', columns: 'outcome', segments: 'quality' });
    const picture = mapPicture(model, model.totals);
    const texts = picture.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    const row = texts.find((t) => t.startsWith('𝐀'))!;
    const column = texts.find((t) => t.startsWith('😀'))!;
    assert.equal(row, `${'𝐀'.repeat(17)}…`, 'the row label, shortened');
    assert.equal(column, `${'😀'.repeat(13)}…`, 'the column label, shortened');
    assert.equal(wellFormed(row) + wellFormed(column), row + column, 'no lone surrogate');
    assert.ok(!pictureToSvg(picture).includes('\uFFFD'), 'no replacement character in the SVG');
  });

  it('draws only what passes the filter', () => {
    const model = new GridModel(createIndex(map), { rows: 'support', columns: 'outcome', segments: 'quality' });
    const counts = model.count({ categories: { population: ['adults'] } });
    const svg = pictureToSvg(mapPicture(model, counts));
    assert.equal(svg.match(/class="bubble"/g)!.length, Array.from(counts.counts).filter((n) => n > 0).length);
  });
});
