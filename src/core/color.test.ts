import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio, luminance, parseHex } from './color.js';

describe('colour contrast', () => {
  it('reads #rgb and #rrggbb, with or without #, and nothing else', () => {
    assert.deepEqual(parseHex('#0b5cad'), [11, 92, 173]);
    assert.deepEqual(parseHex('fff'), [255, 255, 255]);
    assert.deepEqual(parseHex(' #A1b '), [170, 17, 187]);
    for (const bad of ['', '#12', '#12345', 'red', '#ggg', 'rgb(0,0,0)']) assert.equal(parseHex(bad), undefined, bad);
  });

  it('computes WCAG luminance and contrast ratios', () => {
    assert.equal(luminance('#000'), 0);
    assert.equal(luminance('#ffffff'), 1);
    assert.equal(contrastRatio('#000000', '#fff'), 21);
    assert.equal(contrastRatio('#fff', '#000000'), 21);
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
    assert.equal(contrastRatio('#0b5cad', '#ffffff').toFixed(2), '6.67');
    assert.ok(Number.isNaN(contrastRatio('red', '#fff')));
  });
});
