import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeBytes, sniffEncoding } from './encoding.js';
import { utf16 } from './testing/utf16.js';
import { fuzzParams } from './testing/fuzz.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (text: string) => new TextEncoder().encode(text);
const TEXT = '{"title":"Santé mentale € 😀 — 同行支持"}';

describe('sniffEncoding', () => {
  it('knows UTF-16 by its byte-order mark, or by the zero bytes of two ASCII characters; else UTF-8', () => {
    const cases: [Uint8Array, string][] = [
      [bytes(0xff, 0xfe), 'utf-16le'],
      [bytes(0xff, 0xfe, 0x7b, 0x00), 'utf-16le'],
      [bytes(0xfe, 0xff, 0x00, 0x7b), 'utf-16be'],
      [bytes(0x7b, 0x00, 0x22, 0x00), 'utf-16le'], // {"
      [bytes(0x00, 0x7b, 0x00, 0x22), 'utf-16be'],
      [bytes(0x20, 0x00, 0x0a, 0x00, 0x7b), 'utf-16le'], // white space first
      [bytes(0xef, 0xbb, 0xbf, 0x7b), 'utf-8'],
      [utf8('{"a":1}'), 'utf-8'],
      [bytes(), 'utf-8'],
      [bytes(0x7b), 'utf-8'],
      [bytes(0x7b, 0x00, 0x22), 'utf-8'], // too short to tell
      [bytes(0x7b, 0x00, 0x00, 0x00), 'utf-8'], // UTF-32LE: not recognised
      [bytes(0x00, 0x00, 0x00, 0x7b), 'utf-8'], // UTF-32BE
      [bytes(0x41, 0x00, 0x42, 0x01), 'utf-8'], // a zero byte, but not every other one
    ];
    for (const [head, expected] of cases) assert.equal(sniffEncoding(head), expected, `${[...head].map((b) => b.toString(16)).join(' ')}`);
  });
});

describe('decodeBytes', () => {
  it('decodes UTF-16 of either order, with and without a byte-order mark, and UTF-8 with and without one', () => {
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) assert.equal(decodeBytes(utf16(TEXT, order, bom)), TEXT, `${order}, bom ${bom}`);
    }
    assert.equal(decodeBytes(utf8(TEXT)), TEXT);
    assert.equal(decodeBytes(utf8(`\uFEFF${TEXT}`)), TEXT);
    assert.equal(decodeBytes(bytes()), '');
    assert.equal(decodeBytes(bytes(0xff, 0xfe)), '');
  });

  it('turns malformed bytes into U+FFFD, as Response.text() does: an odd last byte, a lone surrogate, bad UTF-8', () => {
    assert.equal(decodeBytes(bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d)), '{\uFFFD');
    assert.equal(decodeBytes(bytes(0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00)), '\uFFFDA'); // a high surrogate, then "A"
    assert.equal(decodeBytes(bytes(0x61, 0xff, 0x62)), 'a\uFFFDb');
  });

  it('gives back any text that starts with two ASCII characters, in any of the five encodings (fast-check)', () => {
    const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert<[string, string, string, string, boolean]>(
      fc.property(ascii, ascii, fc.string({ unit: 'binary' }), fc.constantFrom('le', 'be'), fc.boolean(), (a, b, rest, order, bom) => {
        // ("binary" strings are of whole code points: no lone surrogate, which is not text.)
        const text = `${a}${b}${rest}`;
        assert.equal(decodeBytes(utf16(text, order, bom)), text);
        assert.equal(decodeBytes(utf8(text)), text);
      }),
      fuzzParams(),
    );
  });
});
