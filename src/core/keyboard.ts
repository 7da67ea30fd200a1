/**
 * Keyboard maths for a WAI-ARIA grid whose cells may span several slots (nested column
 * headers, group rows that span the whole width). Pure: the element hands in the slot matrix
 * and the key, and gets back where focus goes.
 *
 * Positions are *slots*, not cells: moving down from column 3 through a full-width group row
 * and on again lands back in column 3, as in a spreadsheet with merged cells.
 */

export interface Slot {
  row: number;
  col: number;
}

/** The keys of the APG grid pattern, after RTL mirroring. */
export type GridKey =
  | 'ArrowUp'
  | 'ArrowDown'
  | 'ArrowLeft'
  | 'ArrowRight'
  | 'Home'
  | 'End'
  | 'CtrlHome'
  | 'CtrlEnd'
  | 'PageUp'
  | 'PageDown';

/** Maps a keyboard event's key and modifiers to a GridKey, mirroring arrows in RTL. */
export function gridKey(key: string, ctrl: boolean, rtl = false): GridKey | undefined {
  switch (key) {
    case 'ArrowLeft':
      return rtl ? 'ArrowRight' : 'ArrowLeft';
    case 'ArrowRight':
      return rtl ? 'ArrowLeft' : 'ArrowRight';
    case 'ArrowUp':
    case 'ArrowDown':
    case 'PageUp':
    case 'PageDown':
      return key;
    case 'Home':
      return ctrl ? 'CtrlHome' : 'Home';
    case 'End':
      return ctrl ? 'CtrlEnd' : 'End';
    default:
      return undefined;
  }
}

/**
 * Where focus goes from `from` on `key`. `slots[row][col]` is the key of the cell covering that
 * slot (a spanning cell repeats its key; `undefined` is a hole that is skipped).
 * Returns `from` when there is nowhere to go.
 */
export function moveInGrid(slots: readonly (readonly (string | undefined)[])[], from: Slot, key: GridKey, pageSize = 5): Slot {
  const rows = slots.length;
  if (rows === 0) return from;
  const at = (s: Slot) => slots[s.row]?.[s.col];
  const current = at(from);
  const lastCol = (r: number) => slots[r].length - 1;

  /** Steps from `from` by (dr, dc) until a different, non-empty cell, up to `limit` cells. */
  const step = (dr: number, dc: number, limit = 1): Slot => {
    let pos = from;
    let best = from;
    let seen = current;
    let moved = 0;
    for (;;) {
      const next = { row: pos.row + dr, col: pos.col + dc };
      if (next.row < 0 || next.row >= rows || next.col < 0 || next.col > lastCol(next.row)) return best;
      pos = next;
      const k = at(pos);
      if (k === undefined || k === seen) continue;
      seen = k;
      best = pos;
      if (++moved >= limit) return best;
    }
  };
  /** The first (or last) slot of row `r` in direction `dir` holding a cell. */
  const edge = (r: number, dir: 1 | -1): Slot => {
    const cols = slots[r].length;
    for (let i = 0; i < cols; i++) {
      const c = dir === 1 ? i : cols - 1 - i;
      if (slots[r][c] !== undefined) return { row: r, col: c };
    }
    return from;
  };

  switch (key) {
    case 'ArrowRight':
      return step(0, 1);
    case 'ArrowLeft':
      return step(0, -1);
    case 'ArrowDown':
      return step(1, 0);
    case 'ArrowUp':
      return step(-1, 0);
    case 'PageDown':
      return step(1, 0, pageSize);
    case 'PageUp':
      return step(-1, 0, pageSize);
    case 'Home':
      return edge(from.row, 1);
    case 'End':
      return edge(from.row, -1);
    case 'CtrlHome':
      return edge(0, 1);
    case 'CtrlEnd':
      return edge(rows - 1, -1);
  }
}

/** The first slot holding `key`, scanning rows top to bottom. */
export function findSlot(slots: readonly (readonly (string | undefined)[])[], key: string): Slot | undefined {
  for (let row = 0; row < slots.length; row++) {
    const col = slots[row].indexOf(key);
    if (col >= 0) return { row, col };
  }
  return undefined;
}
