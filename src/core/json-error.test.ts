import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonErrorMessage, jsonErrorOffset } from './json-error.js';

/** The error JSON.parse throws for `text`. */
function thrown(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`${text} parses`);
}

describe('jsonErrorMessage', () => {
  it('adds the line and column of an offset, counting CRLF and LF lines and UTF-16 columns', () => {
    const at = (position: number) => new SyntaxError(`Expected double-quoted property name in JSON at position ${position}`);
    const text = '{\r\n  "a": 1,\n  "é😀": 2,\n}';
    assert.equal(jsonErrorMessage(text, at(0)), 'Expected double-quoted property name in JSON at position 0 (line 1, column 1)');
    assert.equal(jsonErrorMessage(text, at(3)), 'Expected double-quoted property name in JSON at position 3 (line 2, column 1)');
    assert.equal(jsonErrorMessage(text, at(text.length - 1)), `Expected double-quoted property name in JSON at position ${text.length - 1} (line 4, column 1)`);
    // "😀" is two code units: the comma after `2` is column 11 of line 3.
    assert.equal(text.split('\n')[2].indexOf(','), 10);
    assert.match(jsonErrorMessage(text, at(text.indexOf('2,') + 1)), /\(line 3, column 11\)$/);
    assert.match(jsonErrorMessage(text, at(10_000)), /\(line 4, column 2\)$/); // past the end: the end
  });

  it('leaves a message that names a line already as it is, and anything but a SyntaxError without an offset', () => {
    const newer = new SyntaxError('Expected double-quoted property name in JSON at position 8 (line 2 column 1)');
    assert.equal(jsonErrorMessage('{"a":1,\n}', newer), newer.message);
    const firefox = new SyntaxError('JSON.parse: expected double-quoted property name at line 2 column 1 of the JSON data');
    assert.equal(jsonErrorMessage('{"a":1,\n}', firefox), firefox.message);
    assert.equal(jsonErrorMessage('x', 'not an error'), 'not an error');
    assert.equal(jsonErrorMessage('x', new TypeError('something else')), 'something else');
  });

  it('finds the place itself when the message gives none (Node 20\'s unexpected tokens and ends, Safari)', () => {
    const text = '{\n  "title": "Peer support",\n  "year": 20x9\n}';
    assert.equal(jsonErrorMessage(text, new SyntaxError(`Unexpected token 'x', ..."ear": 20x9"... is not valid JSON`)), `Unexpected token 'x', ..."ear": 20x9"... is not valid JSON (line 3, column 13)`);
    assert.equal(jsonErrorMessage('{\n  "a": [1, 2', new SyntaxError('Unexpected end of JSON input')), 'Unexpected end of JSON input (line 2, column 13)');
    assert.equal(jsonErrorMessage('', new SyntaxError('Unexpected end of JSON input')), 'Unexpected end of JSON input (line 1, column 1)');
    assert.equal(jsonErrorMessage('{"a": 1}}', new SyntaxError("JSON Parse error: Unexpected content at end of JSON")), 'JSON Parse error: Unexpected content at end of JSON (line 1, column 9)');
    // A text this reader takes for JSON (JSON.parse said otherwise for a reason of its own): as it is.
    assert.equal(jsonErrorMessage('{"a": 1}', new SyntaxError('odd')), 'odd');
  });

  it("places this engine's own errors on the line and column where the text breaks", () => {
    const text = '{\n  "format": "egm/1",\n  "title": "x",\n}\n';
    const message = jsonErrorMessage(text, thrown(text));
    // Node 20's V8 gives an offset only, newer ones the line too: either way, line 4, column 1.
    assert.match(message, /line 4,? column 1\)$/);
    // A stray character and a text cut short, for which Node 20 gives no position.
    assert.match(jsonErrorMessage('{\n  "a": x}', thrown('{\n  "a": x}')), /line 2,? column 8\)$/);
    assert.match(jsonErrorMessage('[1,\n2', thrown('[1,\n2')), /line 2,? column 2\)$/);
  });
});

describe('jsonErrorOffset', () => {
  it('is undefined for JSON, and else the first character that cannot continue it', () => {
    const cases: [string, number | undefined][] = [
      ['{"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n"], "b": {}}', undefined],
      [' [] ', undefined],
      ['"😀"', undefined],
      ['', 0],
      ['   ', 3],
      ['{"a": x}', 6],
      ['{"a": 1,}', 8],
      ['[1,]', 3],
      ['[1 2]', 3],
      ['{"a"  1}', 6],
      ['{"a": 1', 7],
      ['{a: 1}', 1],
      ["{'a': 1}", 1],
      ['01', 1],
      ['-', 1],
      ['1.', 2],
      ['1e+', 3],
      ['nul', 3],
      ['nu1l', 2],
      ['truex', 4],
      ['"abc', 4],
      ['"a\\qb"', 3],
      ['"\\u12G4"', 5],
      ['"tab\there"', 4],
      ['{} {}', 3],
      ['\ufeff{}', 0],
    ];
    assert.deepEqual(cases.map(([t]) => [t, jsonErrorOffset(t)]), cases);
  });

  it('reads 100,000 levels of nesting without running out of stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.equal(jsonErrorOffset(deep), undefined, 'nested lists are JSON');
    assert.equal(jsonErrorOffset(deep.slice(0, -1)), 199_999, 'one bracket short: the end');
  });

  it('agrees with JSON.parse on what is JSON, and with V8 on where it breaks when V8 says (fast-check)', () => {
    const edits = fc.constantFrom('delete', 'insert', 'cut');
    const chars = fc.constantFrom(...'{}[],:"\\ x01tfne-.+\n'.split(''));
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.nat(), edits, chars, (value, pretty, at, edit, ch) => {
        const json = JSON.stringify(value, null, pretty ? 2 : undefined);
        const k = at % (json.length + 1);
        const text = edit === 'delete' ? json.slice(0, k) + json.slice(k + 1) : edit === 'insert' ? json.slice(0, k) + ch + json.slice(k) : json.slice(0, k);
        let message: string | undefined;
        try {
          JSON.parse(text);
        } catch (error) {
          message = (error as Error).message;
        }
        const offset = jsonErrorOffset(text);
        assert.equal(offset === undefined, message === undefined, `${JSON.stringify(text)}: ${message ?? 'parses'}, offset ${offset}`);
        const said = message && /at position (\d+)/.exec(message);
        if (said) assert.equal(offset, Number(said[1]), `${JSON.stringify(text)}: ${message}`);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

});
