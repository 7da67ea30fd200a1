import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EgmValidationError, isEgmValidationError } from './errors.js';
import { isHttpUrl, MAX_CATEGORY_DEPTH, parseMap, splitMap, validateMap } from './parse.js';
import { suggest } from './suggest.js';
import { smallMap } from './testing/fixture.js';
import { fuzzParams } from './testing/fuzz.js';
import type { EgmCategory, EgmIssue } from './types.js';

/** The issues parseMap reports for `input`, as `path: message` lines. */
function problems(input: unknown): string[] {
  const r = validateMap(input);
  assert.equal(r.ok, false, 'expected the map to be rejected');
  return r.issues.map((i: EgmIssue) => (i.path ? `${i.path}: ${i.message}` : i.message));
}

/** A valid map with `edit` applied (the fixture is rebuilt each time). */
function broken(edit: (m: Record<string, any>) => void): unknown {
  const m = smallMap() as Record<string, any>;
  edit(m);
  return m;
}

describe('parseMap: valid maps', () => {
  it('returns a normalised copy that does not share arrays with the input', () => {
    const input = smallMap();
    const map = parseMap(input);
    assert.equal(map.studies.length, 7);
    assert.deepEqual(map.layout, input.layout);
    assert.notEqual(map.studies[0].codes, input.studies[0].codes);
    input.studies[0].codes.support.push('emotional');
    assert.deepEqual(map.studies[0].codes.support, ['education']);
  });

  it('keeps unknown fields (the format is extensible) and drops duplicate codes', () => {
    const map = parseMap(broken((m) => {
      m.publisher = 'Centre';
      m.studies[0].country = 'UK';
      m.studies[0].codes.support = ['education', 'education'];
    }));
    assert.equal(map.publisher, 'Centre');
    assert.equal(map.studies[0].country, 'UK');
    assert.deepEqual(map.studies[0].codes.support, ['education']);
  });

  it('accepts an empty study list and drops an empty url', () => {
    assert.equal(parseMap(broken((m) => (m.studies = []))).studies.length, 0);
    assert.equal('url' in parseMap(broken((m) => (m.studies[0].url = ''))).studies[0], false);
  });

  it('splitMap gives the schema and studies the elements take', () => {
    const { schema, studies } = splitMap(parseMap(smallMap()));
    assert.equal('studies' in schema, false);
    assert.equal(studies.length, 7);
  });
});

describe('parseMap: every problem, with its path', () => {
  it('rejects what is not an object', () => {
    assert.deepEqual(problems(null), ['a map file must be a JSON object, but this is null']);
    assert.deepEqual(problems([]), ['a map file must be a JSON object, but this is a list']);
    assert.deepEqual(problems('{"format":"egm/1"}'), ['a map file must be a JSON object, but this is the text "{\\"format\\":\\"egm/1\\"}"']);
    assert.deepEqual(problems(42), ['a map file must be a JSON object, but this is the number 42']);
  });

  it('lists every missing required field at once', () => {
    assert.deepEqual(problems({}), [
      'format: is required: add "format": "egm/1"',
      'title: is required',
      'dimensions: is required (a list)',
      'layout: is required (an object)',
      'studies: is required (a list)',
    ]);
  });

  it('names the format it reads', () => {
    assert.deepEqual(problems(broken((m) => (m.format = 'egm/2'))), ['format: this library reads "egm/1" maps, but this file says the text "egm/2"']);
    assert.deepEqual(problems(broken((m) => (m.format = 'eppi'))), [
      'format: this library reads "egm/1" maps, but this file says the text "eppi" (exports from other tools go through an importer)',
    ]);
  });

  it('reports unknown codes with a suggestion', () => {
    assert.deepEqual(
      problems(broken((m) => {
        m.studies[12 - 10].codes.outcome = ['mental'];
        m.studies[3].codes.support = ['Education'];
        m.studies[4].codes.outcom = ['physical'];
        m.studies[5].codes.quality = ['excellent'];
      })),
      [
        'studies[2].codes.outcome[0]: unknown category "mental" in dimension "outcome" (did you mean "mental-health"?)',
        'studies[3].codes.support[0]: unknown category "Education" in dimension "support" (did you mean "education"?)',
        'studies[4].codes.outcom: unknown dimension "outcom" (did you mean "outcome"?)',
        'studies[5].codes.quality[0]: unknown category "excellent" in dimension "quality"',
      ],
    );
  });

  it('reports duplicate ids at every level', () => {
    assert.deepEqual(
      problems(broken((m) => {
        m.dimensions[4].id = 'design';
        m.dimensions.push({ id: 'design', label: 'Again', categories: [] });
        m.dimensions[0].categories[2].children[1].id = 'education';
        m.studies[6].id = 's1';
      })),
      [
        'dimensions[0].categories[2].children[1].id: duplicate category id "education" in this dimension (ids must be unique across all levels)',
        'dimensions[5].id: duplicate dimension id "design"',
        // "remote" was renamed away; its label now belongs to the second "education"
        'studies[2].codes.support[1]: unknown category "remote" in dimension "support" (did you mean "education"?)',
        'studies[4].codes.support[1]: unknown category "remote" in dimension "support" (did you mean "education"?)',
        'studies[6].id: duplicate study id "s1" (first used by studies[0])',
      ],
    );
  });

  it('checks the layout', () => {
    assert.deepEqual(
      problems(broken((m) => (m.layout = { rows: 'support', columns: 'support', segments: 'qualty', filters: ['design', 'design', 7], reviews: { dimension: 'design', categories: ['review'] } }))),
      [
        'layout.columns: rows and columns must be different dimensions (both are "support")',
        'layout.segments: unknown dimension "qualty" (did you mean "quality"?)',
        'layout.filters[1]: dimension "design" is listed twice',
        'layout.filters[2]: must name a dimension id, but is the number 7',
        'layout.reviews.categories[0]: unknown category "review" in dimension "design"',
      ],
    );
    assert.deepEqual(problems(broken((m) => (m.layout = { segments: 'support' }))), [
      'layout.rows: is required: the id of the dimension shown as rows',
      'layout.columns: is required: the id of the dimension shown as columns',
    ]);
    assert.deepEqual(problems(broken((m) => (m.layout.segments = 'outcome'))), ['layout.segments: segments must differ from the rows and the columns (it is "outcome")']);
  });

  it('accepts only http(s) links and study urls', () => {
    assert.deepEqual(
      problems(broken((m) => {
        m.links = [{ label: 'Report', url: 'javascript:alert(1)' }, { label: '', url: 'https://example.org' }, 'x'];
        m.studies[0].url = 'data:text/html,<script>alert(1)</script>';
        m.studies[1].url = 'ftp://example.org/paper.pdf';
      })),
      [
        'links[0].url: must be an http:// or https:// address, but is the text "javascript:alert(1)"',
        'links[1].label: must not be empty',
        'links[2]: each link must be an object with a label and a url, but this is the text "x"',
        'studies[0].url: must be an http:// or https:// address, but is the text "data:text/html,<script>alert(1)</script>"',
        'studies[1].url: must be an http:// or https:// address, but is the text "ftp://example.org/paper.pdf"',
      ],
    );
    assert.equal(isHttpUrl('https://doi.org/10.1/x'), true);
    assert.equal(isHttpUrl('HTTP://EXAMPLE.ORG'), true);
    assert.equal(isHttpUrl('https://'), false);
    assert.equal(isHttpUrl('//example.org'), false);
  });

  it('explains wrong types in the words of the file', () => {
    assert.deepEqual(
      problems(broken((m) => {
        m.title = '  ';
        m.description = 5;
        m.dimensions[0].categories[0].color = 'green';
        m.dimensions[0].categories[1] = { id: 7, label: 'Seven' };
        m.dimensions[1].categories[0].label = undefined;
        m.studies[0].year = '2019';
        m.studies[1].authors = 'Okafor B';
        m.studies[2].codes.support = 'in-person';
        m.studies[3].title = undefined;
        m.studies[4] = 'not a study';
        m.studies[5].codes = [];
      })),
      [
        'title: must not be empty',
        'description: must be text, but is the number 5',
        'dimensions[0].categories[0].color: must be a hex colour such as "#1b7837", but is the text "green"',
        'dimensions[0].categories[1].id: must be text, but is the number 7 (write it as "7")',
        'dimensions[1].categories[0].label: is required',
        'studies[0].year: must be a whole number such as 2019, but is the text "2019"',
        'studies[1].authors: must be a list of names, but is the text "Okafor B" (write ["A", "B"])',
        // the category whose id was not text is unknown to the study that uses it
        'studies[1].codes.support[1]: unknown category "emotional" in dimension "support"',
        'studies[2].codes.support: must be a list of category ids, but is the text "in-person" (write ["in-person"])',
        'studies[3].title: is required',
        'studies[4]: each study must be an object, but this is the text "not a study"',
        'studies[5].codes: must be an object, but is a list',
      ],
    );
  });

  it('quotes odd keys in paths', () => {
    assert.deepEqual(problems(broken((m) => (m.studies[0].codes['my dim'] = ['x']))), ['studies[0].codes["my dim"]: unknown dimension "my dim"']);
  });

  it('throws EgmValidationError with every issue and a readable message', () => {
    let caught: unknown;
    try {
      parseMap({});
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof EgmValidationError);
    assert.equal(isEgmValidationError(caught), true);
    assert.equal(caught.issues.length, 5);
    assert.match(caught.message, /^Invalid map: 5 problems\n- format: is required/);
  });
});

describe('parseMap: survives hostile input', () => {
  it('never pollutes prototypes through __proto__ or constructor keys', () => {
    const json = '{"format":"egm/1","title":"t","__proto__":{"polluted":1},"dimensions":[{"id":"a","label":"A","categories":[{"id":"x","label":"X"}]},{"id":"b","label":"B","categories":[{"id":"y","label":"Y"}]}],"layout":{"rows":"a","columns":"b"},"studies":[{"id":"s","title":"T","codes":{"__proto__":["x"],"constructor":["y"]}}]}';
    assert.deepEqual(problems(JSON.parse(json)), [
      'studies[0].codes.__proto__: unknown dimension "__proto__"',
      'studies[0].codes.constructor: unknown dimension "constructor"',
    ]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const ok = JSON.parse(json.replace('"__proto__":["x"],"constructor":["y"]', '"a":["x"]'));
    const map = parseMap(ok);
    assert.equal(Object.getPrototypeOf(map), Object.prototype);
    assert.equal((map as Record<string, unknown>).polluted, undefined);
  });

  it('handles a dimension called "__proto__" as an ordinary id', () => {
    const json = '{"format":"egm/1","title":"t","dimensions":[{"id":"__proto__","label":"P","categories":[{"id":"x","label":"X"}]},{"id":"b","label":"B","categories":[{"id":"y","label":"Y"}]}],"layout":{"rows":"__proto__","columns":"b"},"studies":[{"id":"s","title":"T","codes":{"__proto__":["x"],"b":["y"]}}]}';
    const map = parseMap(JSON.parse(json));
    assert.deepEqual(Object.keys(map.studies[0].codes), ['__proto__', 'b']);
    assert.deepEqual(map.studies[0].codes['__proto__'], ['x']);
    assert.equal(Object.getPrototypeOf(map.studies[0].codes), Object.prototype);
  });

  it('refuses category trees deeper than the limit without recursing further', () => {
    let deep: EgmCategory = { id: 'c0', label: 'C' };
    for (let i = 1; i < 5000; i++) deep = { id: `c${i}`, label: 'C', children: [deep] };
    const out = problems(broken((m) => (m.dimensions[3].categories = [deep])));
    assert.equal(out[0], `dimensions[3].categories[0]${'.children[0]'.repeat(MAX_CATEGORY_DEPTH - 1)}.children: categories are nested more than ${MAX_CATEGORY_DEPTH} levels deep`);
  });

  it('reports a cycle in a category tree built in script', () => {
    const cyclic: EgmCategory = { id: 'loop', label: 'Loop', children: [] };
    cyclic.children!.push(cyclic);
    assert.deepEqual(problems(broken((m) => m.dimensions[3].categories.push(cyclic))), [
      'dimensions[3].categories[2].children[0]: this category appears inside itself (a cycle)',
    ]);
  });

  it('stays fast with 50 MB strings, and quotes them briefly', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const start = performance.now();
    const out = problems(broken((m) => {
      m.title = huge;
      m.studies[0].abstract = huge;
      m.studies[0].codes.outcome = [huge];
      m.studies[0].url = huge;
    }));
    const elapsed = performance.now() - start;
    assert.deepEqual(out, [
      `studies[0].url: must be an http:// or https:// address, but is the text "${'x'.repeat(40)}"… (52428800 characters)`,
      `studies[0].codes.outcome[0]: unknown category "${'x'.repeat(60)}…" in dimension "outcome"`,
    ]);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });

  it('turns a throwing getter into an issue, never a bare error', () => {
    const evil = smallMap() as Record<string, unknown>;
    Object.defineProperty(evil, 'title', { enumerable: true, get: () => { throw new TypeError('boom'); } });
    assert.deepEqual(problems(evil), ['the map could not be read: boom']);
    assert.throws(() => parseMap(evil), EgmValidationError);
  });

  it('reports every problem of a large broken file', () => {
    const map = smallMap() as Record<string, any>;
    map.studies = Array.from({ length: 20000 }, (_, i) => ({ id: `s${i}`, title: 'T', codes: { outcome: ['nope'] } }));
    const r = validateMap(map);
    assert.equal(r.issues.length, 20000);
    assert.match(String(new EgmValidationError(r.issues).message.split('\n').at(-1)), /… and 19980 more/);
  });
});

describe('suggest', () => {
  it('prefers exact-but-for-case, then prefixes, then small edit distances', () => {
    assert.equal(suggest('Mental_Health', ['mental-health', 'physical']), 'mental-health');
    assert.equal(suggest('mental', ['mental-health', 'physical']), 'mental-health');
    assert.equal(suggest('physcal', ['mental-health', 'physical']), 'physical');
    assert.equal(suggest('zzz', ['mental-health', 'physical']), undefined);
    assert.equal(suggest('Wellbeing', ['wb'], new Map([['wb', 'Wellbeing']])), 'wb');
    assert.equal(suggest('x'.repeat(100), ['x'.repeat(100)]), undefined);
  });
});

describe('validateMap with adopt (the input is given away)', () => {
  it('keeps the valid studies, their codes and authors as they are, with the same result as a copy', () => {
    const input = smallMap();
    const copy = validateMap(smallMap());
    const adopted = validateMap(input, { adopt: true });
    assert.equal(adopted.ok, true);
    assert.deepEqual(adopted, copy);
    input.studies.forEach((s, i) => {
      assert.equal(adopted.map.studies[i], s, `studies[${i}] is the input's object`);
      assert.equal(adopted.map.studies[i].codes, s.codes, `studies[${i}].codes is the input's object`);
      assert.equal(adopted.map.studies[i].codes.support, s.codes.support);
    });
    const withAuthors = input.studies.findIndex((s) => s.authors);
    assert.ok(withAuthors >= 0);
    assert.equal(adopted.map.studies[withAuthors].authors, input.studies[withAuthors].authors);
  });

  it('drops duplicate codes, trims urls and sets missing codes in place, as the copy does', () => {
    const edit = (m: Record<string, any>) => {
      m.studies[0].codes.support = ['education', 'remote', 'education'];
      m.studies[1].url = '  https://example.org/a  ';
      delete m.studies[2].codes;
    };
    const input = broken(edit) as Record<string, any>;
    const original = input.studies[0].codes;
    const adopted = validateMap(input, { adopt: true });
    assert.deepEqual(adopted, validateMap(broken(edit)));
    assert.deepEqual(adopted.map!.studies[0].codes.support, ['education', 'remote']);
    assert.notEqual(adopted.map!.studies[0].codes, original, 'a changed codes list gets a new codes object');
    assert.deepEqual(original.support, ['education', 'remote', 'education'], 'the input list itself is not edited');
    assert.equal(input.studies[1].url, 'https://example.org/a');
    assert.deepEqual(input.studies[2].codes, {});
  });

  it('reports the same problems as without adopt', () => {
    const edit = (m: Record<string, any>) => {
      m.studies[0].codes.support = ['nope'];
      m.studies[3].authors = ['A', 4];
      m.studies[4].url = 'javascript:alert(1)';
    };
    const adopted = validateMap(broken(edit), { adopt: true });
    assert.equal(adopted.ok, false);
    assert.deepEqual(adopted.issues, validateMap(broken(edit)).issues);
    assert.deepEqual(
      adopted.issues.map((i) => i.path),
      ['studies[0].codes.support[0]', 'studies[3].authors[1]', 'studies[4].url'],
    );
  });

  it('without adopt never changes the input (a deeply frozen map validates)', () => {
    const freeze = (v: unknown): unknown => {
      if (v && typeof v === 'object') {
        Object.values(v).forEach(freeze);
        Object.freeze(v);
      }
      return v;
    };
    const input = broken((m) => {
      m.studies[0].codes.support = ['education', 'education'];
      m.studies[1].url = ' https://example.org/b ';
      delete m.studies[2].codes;
    });
    freeze(input);
    const r = validateMap(input);
    assert.equal(r.ok, true, JSON.stringify(r.issues));
    assert.deepEqual(r.map.studies[0].codes.support, ['education']);
  });

  it('checks long code lists for duplicates too (over 16 values)', () => {
    const input = broken((m) => {
      const ids = ['education', 'remote', 'emotional'];
      m.studies[0].codes.support = Array.from({ length: 30 }, (_, i) => ids[i % 3]);
    }) as Record<string, any>;
    const adopted = validateMap(input, { adopt: true });
    assert.deepEqual(adopted.map!.studies[0].codes.support, ['education', 'remote', 'emotional']);
    assert.deepEqual(adopted, validateMap(broken((m) => (m.studies[0].codes.support = Array.from({ length: 30 }, (_, i) => ['education', 'remote', 'emotional'][i % 3])))));
  });
});

/** A map of one dimension `d` of `n` categories c1…cn, and one study per code list. */
function listMap(n: number, lists: string[][]): Record<string, any> {
  return {
    format: 'egm/1',
    title: 'Lists',
    dimensions: [
      { id: 'd', label: 'D', categories: Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: `C ${i + 1}` })) },
      { id: 'e', label: 'E', categories: [{ id: 'e1', label: 'E 1' }] },
    ],
    layout: { rows: 'd', columns: 'e' },
    studies: lists.map((codes, i) => ({ id: `s${i}`, title: `S ${i}`, codes: { d: codes } })),
  };
}

describe('validateMap: code lists', () => {
  it('gives frozen lists, one array for equal lists of a dimension, and leaves a copied input alone', () => {
    const input = smallMap();
    const map = parseMap(input);
    for (const dim of map.dimensions) {
      const lists = map.studies.map((s) => s.codes[dim.id]).filter((l) => l !== undefined);
      assert.ok(lists.every((l) => Object.isFrozen(l)), dim.id);
      // As many arrays as distinct lists (by their ids in order), counted from the input.
      const distinct = new Set(input.studies.map((s) => s.codes[dim.id]).filter((l) => l !== undefined).map((l) => JSON.stringify(l)));
      assert.equal(new Set(lists).size, distinct.size, dim.id);
    }
    // Two studies of the fixture with equal outcome lists: one array, not the input's.
    const key = (i: number) => JSON.stringify(input.studies[i].codes.outcome);
    const i = input.studies.findIndex((_, k) => input.studies.some((_s, j) => j > k && key(j) === key(k)));
    const j = input.studies.findIndex((_, k) => k > i && key(k) === key(i));
    assert.ok(i >= 0 && j > i, 'two studies with equal outcome lists');
    assert.equal(map.studies[j].codes.outcome, map.studies[i].codes.outcome);
    assert.notEqual(map.studies[i].codes.outcome, input.studies[i].codes.outcome);
    assert.ok(!Object.isFrozen(input.studies[i].codes.outcome), 'the input list is not frozen');
    assert.throws(() => map.studies[i].codes.outcome.push('cost'), TypeError);
  });

  it('adopting, freezes the input lists and puts the first of equal lists in place of the others', () => {
    const five = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const input = listMap(5, [['c1', 'c2'], ['c1', 'c2'], ['c2', 'c1'], ['c1', 'c1', 'c2'], ['c1', 'c2'], five]);
    const first = input.studies[0].codes.d;
    const fiveCodes = input.studies[5].codes;
    const r = validateMap(input, { adopt: true });
    assert.equal(r.ok, true);
    // A list too long to share is kept as it is, in its own codes object.
    assert.equal(r.map.studies[5].codes, fiveCodes);
    assert.equal(r.map.studies[5].codes.d, five);
    const lists = input.studies.map((s: { codes: { d: string[] } }) => s.codes.d);
    assert.equal(lists[0], first);
    assert.equal(lists[1], first);
    assert.equal(lists[4], first);
    assert.notEqual(lists[2], first, 'the same ids in another order are another list');
    // A list with a duplicate is rebuilt (the copy's rule): equal to the first, but its own array.
    assert.deepEqual(r.map.studies[3].codes.d, ['c1', 'c2']);
    assert.notEqual(r.map.studies[3].codes.d, first);
    assert.ok(r.map.studies.every((s) => Object.isFrozen(s.codes.d)), 'every list frozen');
  });

  it('shares lists of up to 4 ids of dimensions of up to 9,000 categories (exact keys), and never lists that differ', () => {
    const ids = (...k: number[]) => k.map((i) => `c${i}`);
    // 9,000 categories: keys below 9,001^4 < 2^53.
    const d = parseMap(listMap(9_000, [ids(9_000, 1, 8_999, 2), ids(9_000, 1, 8_999, 2), ids(9_000, 1, 8_999, 3), ids(1, 2, 3, 4, 5), ids(1, 2, 3, 4, 5), []])).studies.map((s) => s.codes.d);
    assert.equal(d[1], d[0]);
    assert.notEqual(d[2], d[0]);
    assert.notEqual(d[4], d[3], 'five ids: not shared');
    assert.deepEqual(d[4], d[3]);
    assert.deepEqual(d[5], []);
    assert.ok(d.every((l) => Object.isFrozen(l)), 'every list frozen');
    const large = parseMap(listMap(9_001, [ids(5), ids(5)])).studies.map((s) => s.codes.d);
    assert.notEqual(large[1], large[0], '9,001 categories: not shared');
    assert.ok(large.every((l) => Object.isFrozen(l)), 'every list frozen');
    // Any lists of a small dimension: one array exactly when equal (up to 4 ids), never mixed up.
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }), { maxLength: 12 }), (lists) => {
        const out = parseMap(listMap(4, lists.map((l) => ids(...l)))).studies.map((s) => s.codes.d);
        out.forEach((a, i) => {
          assert.deepEqual(a, ids(...lists[i]));
          out.forEach((b, j) => assert.equal(a === b, JSON.stringify(lists[i]) === JSON.stringify(lists[j]), `${i} ${j}`));
        });
      }),
      fuzzParams(0.5),
    );
  });
});
