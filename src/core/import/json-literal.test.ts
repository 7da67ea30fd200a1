import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_LITERAL_DEPTH, inlineScripts, readJsonDeclarations, scanLiteral } from './json-literal.js';

describe('scanLiteral', () => {
  it('finds the end of objects, arrays, strings and primitives', () => {
    const cases: [string, string][] = [
      ['  {"a":[1,{"b":"}"}]} rest', '{"a":[1,{"b":"}"}]}'],
      ['["x\\"]", 2];', '["x\\"]", 2]'],
      ['"he said \\"hi\\"" + x', '"he said \\"hi\\""'],
      ['-12.5e3;', '-12.5e3'],
      ['true\n', 'true'],
      ['null', 'null'],
    ];
    for (const [text, literal] of cases) {
      const span = scanLiteral(text, 0)!;
      assert.equal(text.slice(span.from, span.to), literal);
    }
  });

  it('gives up on code, unclosed or mismatched brackets, and nesting past the bound', () => {
    for (const text of ['convert(x)', "'single'", '{"a":1', '[1}', '"no end', '"line\nbreak"']) {
      assert.equal(scanLiteral(text, 0), undefined, text);
    }
    assert.equal(scanLiteral('['.repeat(MAX_LITERAL_DEPTH + 1) + ']'.repeat(MAX_LITERAL_DEPTH + 1), 0), undefined);
    assert.ok(scanLiteral('['.repeat(MAX_LITERAL_DEPTH) + ']'.repeat(MAX_LITERAL_DEPTH), 0));
  });
});

describe('readJsonDeclarations', () => {
  it('takes the first declaration whose value is a JSON literal, skipping code and non-JSON objects', () => {
    const scripts = [
      'var a = window.a || [];\nconst b = {x: 1};\nlet a = [1, 2].map(f);',
      'const a = {"ok": true};\nconst b = "text";\nconst a = {"later": true};',
      'const c = "</p>"; const d = [1]\nconst e = 3',
    ];
    const found = readJsonDeclarations(scripts, ['a', 'b', 'c', 'd', 'e', 'missing']);
    assert.deepEqual(Object.fromEntries(found), { a: { ok: true }, b: 'text', c: '</p>', d: [1], e: 3 });
  });

  it('does not look for declarations inside the data it has read', () => {
    const scripts = ['const refs = ["const x = [\\"trap\\"]"];\nconst x = [1];'];
    assert.deepEqual(readJsonDeclarations(scripts, ['refs', 'x']).get('x'), [1]);
  });

  it('lets the caller refuse a value of the wrong shape and read a later one', () => {
    const scripts = ['var filters = {};', 'const filters = [{"id": 1}];'];
    const found = readJsonDeclarations(scripts, ['filters'], (_name, value) => Array.isArray(value));
    assert.deepEqual(found.get('filters'), [{ id: 1 }]);
  });

  it('ignores a name that only ends like a wanted one, and comparisons', () => {
    const found = readJsonDeclarations(['const mytitle = "no"; obj.title = "no"; var title == 1; const title = "yes";'], ['title']);
    assert.equal(found.get('title'), 'yes');
  });
});

describe('inlineScripts', () => {
  it('returns the text of inline scripts only, up to the first </script>', () => {
    const html = '<script src="x.js"></script><SCRIPT type="text/javascript">a = "<\\/script>";</SCRIPT ><script>\n</script><script>b</script>';
    assert.deepEqual(inlineScripts(html), ['a = "<\\/script>";', 'b']);
  });
});
