import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bubbleScale, segmentColor, sizeKeyCounts, SEGMENT_PALETTE } from './scale.js';

describe('bubbleScale', () => {
  it('makes area proportional to count, with a minimum radius for one study and 0 for none', () => {
    const r = bubbleScale(100, { maxRadius: 20, minRadius: 4 });
    assert.equal(r(0), 0);
    assert.equal(r(100), 20);
    assert.equal(r(25), 10); // a quarter of the count, a quarter of the area
    assert.equal(r(1), 4); // sqrt(1/100) * 20 = 2, raised to the minimum
    assert.equal(r(400), 20, 'clamped');
  });

  it('survives an all-gap map', () => {
    assert.equal(bubbleScale(0, { maxRadius: 20, minRadius: 4 })(1), 20);
  });
});

describe('sizeKeyCounts', () => {
  it('picks 1, a round middle and the maximum', () => {
    assert.deepEqual(sizeKeyCounts(0), [1]);
    assert.deepEqual(sizeKeyCounts(3), [1, 3]);
    assert.deepEqual(sizeKeyCounts(12), [1, 4, 12]);
    assert.deepEqual(sizeKeyCounts(95), [1, 30, 95]);
    assert.deepEqual(sizeKeyCounts(2400), [1, 800, 2400]);
  });
});

describe('segmentColor', () => {
  it('uses the category colour, else the colour-blind-safe palette by position', () => {
    assert.equal(segmentColor('#123456', 0), '#123456');
    assert.equal(segmentColor(undefined, 1), SEGMENT_PALETTE[1]);
    assert.equal(segmentColor(undefined, SEGMENT_PALETTE.length), SEGMENT_PALETTE[0]);
  });
});
