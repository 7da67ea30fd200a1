import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSlot, gridKey, moveInGrid, type Slot } from './keyboard.js';

// A 2-level column header over 4 columns; a full-width group row; a hole at the end of row 4.
//        0        1     2     3     4
const slots = [
  ['corner', 'G1', 'G1', 'L3', 'L4'], // 0: group header G1 spans columns 1-2
  ['corner', 'L1', 'L2', 'L3', 'L4'], // 1: leaves (L3, L4 span both header rows)
  ['r1', 'a1', 'a2', 'a3', 'a4'], // 2
  ['grp', 'grp', 'grp', 'grp', 'grp'], // 3: an expanded group row
  ['r2', 'b1', 'b2', 'b3', undefined], // 4
];
const move = (from: Slot, key: Parameters<typeof moveInGrid>[2], page?: number) => moveInGrid(slots, from, key, page);
const key = (s: Slot) => slots[s.row][s.col];

describe('moveInGrid', () => {
  it('moves by one cell with the arrows and stays at the edges', () => {
    assert.deepEqual(move({ row: 2, col: 1 }, 'ArrowRight'), { row: 2, col: 2 });
    assert.deepEqual(move({ row: 2, col: 1 }, 'ArrowLeft'), { row: 2, col: 0 });
    assert.deepEqual(move({ row: 2, col: 0 }, 'ArrowLeft'), { row: 2, col: 0 });
    assert.deepEqual(move({ row: 2, col: 4 }, 'ArrowRight'), { row: 2, col: 4 });
    assert.deepEqual(move({ row: 0, col: 1 }, 'ArrowUp'), { row: 0, col: 1 });
  });

  it('skips the slots of a spanning cell', () => {
    assert.equal(key(move({ row: 0, col: 1 }, 'ArrowRight')), 'L3'); // G1 spans 1-2
    assert.equal(key(move({ row: 0, col: 0 }, 'ArrowDown')), 'r1'); // the corner spans both header rows
    assert.equal(key(move({ row: 0, col: 3 }, 'ArrowDown')), 'a3');
    assert.equal(key(move({ row: 3, col: 2 }, 'ArrowRight')), 'grp', 'nowhere to go right in a full-width row');
  });

  it('keeps the column through a full-width group row', () => {
    const into = move({ row: 2, col: 3 }, 'ArrowDown');
    assert.deepEqual(into, { row: 3, col: 3 });
    assert.equal(key(into), 'grp');
    assert.equal(key(move(into, 'ArrowDown')), 'b3');
    assert.equal(key(move(into, 'ArrowUp')), 'a3');
  });

  it('does not land on holes', () => {
    assert.deepEqual(move({ row: 3, col: 4 }, 'ArrowDown'), { row: 3, col: 4 });
    assert.equal(key(move({ row: 4, col: 4 }, 'End')), 'b3');
  });

  it('Home/End go to the row ends; Ctrl+Home/End to the first and last cells', () => {
    assert.equal(key(move({ row: 2, col: 2 }, 'Home')), 'r1');
    assert.equal(key(move({ row: 2, col: 2 }, 'End')), 'a4');
    assert.equal(key(move({ row: 4, col: 2 }, 'CtrlHome')), 'corner');
    assert.equal(key(move({ row: 0, col: 2 }, 'CtrlEnd')), 'b3');
  });

  it('PageUp/PageDown move several rows, counting cells not slots', () => {
    assert.equal(key(move({ row: 0, col: 1 }, 'PageDown', 2)), 'a1'); // G1 → L1 → a1
    assert.equal(key(move({ row: 0, col: 1 }, 'PageDown', 10)), 'b1');
    assert.equal(key(move({ row: 4, col: 1 }, 'PageUp', 10)), 'G1');
  });

  it('findSlot finds the first slot of a cell', () => {
    assert.deepEqual(findSlot(slots, 'G1'), { row: 0, col: 1 });
    assert.deepEqual(findSlot(slots, 'grp'), { row: 3, col: 0 });
    assert.equal(findSlot(slots, 'nope'), undefined);
  });
});

describe('gridKey', () => {
  it('maps keys and mirrors arrows in right-to-left layouts', () => {
    assert.equal(gridKey('ArrowLeft', false), 'ArrowLeft');
    assert.equal(gridKey('ArrowLeft', false, true), 'ArrowRight');
    assert.equal(gridKey('Home', true), 'CtrlHome');
    assert.equal(gridKey('End', false), 'End');
    assert.equal(gridKey('a', false), undefined);
  });
});
