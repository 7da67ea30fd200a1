import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonErrorMessage } from './json-error.js';

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

  it('leaves a message that names a line already, or no position, as it is', () => {
    const newer = new SyntaxError('Expected double-quoted property name in JSON at position 8 (line 2 column 1)');
    assert.equal(jsonErrorMessage('{"a":1,\n}', newer), newer.message);
    const firefox = new SyntaxError('JSON.parse: expected double-quoted property name at line 2 column 1 of the JSON data');
    assert.equal(jsonErrorMessage('{"a":1,\n}', firefox), firefox.message);
    assert.equal(jsonErrorMessage('', new SyntaxError('Unexpected end of JSON input')), 'Unexpected end of JSON input');
    assert.equal(jsonErrorMessage('x', 'not an error'), 'not an error');
  });

  it("places this engine's own errors on the line and column where the text breaks", () => {
    const text = '{\n  "format": "egm/1",\n  "title": "x",\n}\n';
    const message = jsonErrorMessage(text, thrown(text));
    // Node 20's V8 gives an offset only, newer ones the line too: either way, line 4, column 1.
    assert.match(message, /line 4,? column 1\)$/);
  });
});
