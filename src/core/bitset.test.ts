import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bitset, popcount } from './bitset.js';

describe('Bitset', () => {
  it('adds, tests, counts and lists positions across word boundaries', () => {
    const b = new Bitset(70);
    for (const i of [0, 31, 32, 63, 69]) b.add(i);
    assert.deepEqual(b.toArray(), [0, 31, 32, 63, 69]);
    assert.equal(b.count(), 5);
    assert.equal(b.has(31), true);
    assert.equal(b.has(30), false);
  });

  it('full() sets exactly `size` positions', () => {
    assert.equal(Bitset.full(70).count(), 70);
    assert.equal(Bitset.full(64).count(), 64);
    assert.equal(Bitset.full(0).count(), 0);
    assert.deepEqual(Bitset.full(3).toArray(), [0, 1, 2]);
  });

  it('combines sets in place and counts intersections without allocating', () => {
    const a = new Bitset(40);
    const b = new Bitset(40);
    [1, 2, 33].forEach((i) => a.add(i));
    [2, 33, 39].forEach((i) => b.add(i));
    assert.equal(a.andCount(b), 2);
    assert.deepEqual(a.clone().orWith(b).toArray(), [1, 2, 33, 39]);
    assert.deepEqual(a.clone().andWith(b).toArray(), [2, 33]);
    assert.deepEqual(a.clone().andNotWith(b).toArray(), [1]);
    assert.deepEqual(a.toArray(), [1, 2, 33], 'clone() leaves the original alone');
  });

  it('popcount counts the bits of unsigned 32-bit words', () => {
    assert.equal(popcount(0), 0);
    assert.equal(popcount(0xffffffff), 32);
    assert.equal(popcount(0x80000001), 2);
  });
});
