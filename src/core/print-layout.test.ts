import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAxis } from './grid.js';
import { createIndex } from './map-index.js';
import { parseMap } from './parse.js';
import { chunkHeaders, columnChunks, PRINT_COLUMNS } from './print-layout.js';
import { smallMap } from './testing/fixture.js';

const dim = (id: string) => createIndex(parseMap(smallMap())).dimension(id)!;
/** A chunk's header rows as [id, colspan, rowspan] triples, level by level. */
const heads = (levels: ReturnType<typeof chunkHeaders>) => levels.map((l) => l.map((h) => [h.entry.id, h.colspan, h.rowspan]));

describe('columnChunks', () => {
  it('splits the leaf columns into runs of `per`, the last one shorter', () => {
    assert.deepEqual(columnChunks(20, 8), [[0, 8], [8, 16], [16, 20]]);
    assert.deepEqual(columnChunks(8, 8), [[0, 8]]);
    assert.deepEqual(columnChunks(5, 2.7), [[0, 2], [2, 4], [4, 5]]);
    assert.deepEqual(columnChunks(0, 8), []);
  });

  it('falls back to PRINT_COLUMNS for a chunk size below 1 or not a number', () => {
    assert.equal(PRINT_COLUMNS, 8);
    for (const per of [0, -3, Number.NaN, 0.5]) assert.deepEqual(columnChunks(10, per), [[0, 8], [8, 10]], `per ${per}`);
  });
});

describe('chunkHeaders', () => {
  // Support as columns: education, emotional, delivery { in-person, remote } → leaves 0..3.
  const support = buildAxis(dim('support'));

  it('gives the whole header rows when the chunk holds every column', () => {
    assert.deepEqual(heads(chunkHeaders(support, 0, 4)), [
      [['education', 1, 2], ['emotional', 1, 2], ['delivery', 2, 1]],
      [['in-person', 1, 1], ['remote', 1, 1]],
    ]);
  });

  it('cuts a group split between chunks and names it in both', () => {
    assert.deepEqual(heads(chunkHeaders(support, 0, 3)), [
      [['education', 1, 2], ['emotional', 1, 2], ['delivery', 1, 1]],
      [['in-person', 1, 1]],
    ]);
    assert.deepEqual(heads(chunkHeaders(support, 3, 4)), [[['delivery', 1, 1]], [['remote', 1, 1]]]);
    assert.deepEqual(heads(chunkHeaders(support, 1, 3)), [
      [['emotional', 1, 2], ['delivery', 1, 1]],
      [['in-person', 1, 1]],
    ]);
  });

  it('treats a collapsed group as one column of a single header row', () => {
    const collapsed = buildAxis(dim('support'), new Set(['delivery']));
    assert.deepEqual(heads(chunkHeaders(collapsed, 0, 3)), [[['education', 1, 1], ['emotional', 1, 1], ['delivery', 1, 1]]]);
    assert.deepEqual(heads(chunkHeaders(collapsed, 2, 3)), [[['delivery', 1, 1]]]);
  });

  it('starts a group at its first leaf when groups come first', () => {
    // Population: adults { older, working-age }, children → leaves 0..2.
    const population = buildAxis(dim('population'));
    assert.deepEqual(heads(chunkHeaders(population, 1, 3)), [
      [['adults', 1, 1], ['children', 1, 2]],
      [['working-age', 1, 1]],
    ]);
  });
});
