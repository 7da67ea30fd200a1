import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticMap } from '../../scripts/demo-data.js';
import { buildDimensions, createIndex, createIndexAsync } from './map-index.js';
import { parseMap, validateMap, validateMapAsync } from './parse.js';
import { smallMap } from './testing/fixture.js';

describe('validateMapAsync', () => {
  it('gives what validateMap gives, for a valid map and for one with many problems, with progress up to 1', async () => {
    const map = syntheticMap({ studies: 3000, seed: 3 });
    const progress: number[] = [];
    const result = await validateMapAsync(map, { onProgress: (f) => progress.push(f) });
    assert.deepEqual(result, validateMap(map));
    assert.ok(progress.length > 1, 'progress is reported along the way');
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b), 'progress only grows');
    assert.equal(progress.at(-1), 1);

    const bad = structuredClone(map);
    bad.studies[10].codes.outcome = ['nope'];
    bad.studies[2999].id = bad.studies[0].id;
    (bad.studies[1500] as unknown as Record<string, unknown>).title = 42;
    const issues = await validateMapAsync(bad);
    assert.equal(issues.ok, false);
    assert.deepEqual(issues, validateMap(bad));
    assert.equal(issues.issues.length, 3);
  });

  it('rejects with the reason when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(validateMapAsync(syntheticMap({ studies: 20000, seed: 1 }), { signal: controller.signal }), /stop/);
  });

  it('survives what validateMap survives', async () => {
    assert.deepEqual(await validateMapAsync(null), validateMap(null));
    assert.deepEqual(await validateMapAsync(smallMap()), validateMap(smallMap()));
  });
});

describe('createIndexAsync', () => {
  it('builds the same index as createIndex', async () => {
    const map = parseMap(syntheticMap({ studies: 5000, seed: 5 }));
    const progress: number[] = [];
    const a = await createIndexAsync(map, { onProgress: (f) => progress.push(f) });
    const b = createIndex(map);
    assert.deepEqual([...a.dimensions.keys()], [...b.dimensions.keys()]);
    for (const [id, dim] of b.dimensions) {
      const other = a.dimensions.get(id)!;
      assert.deepEqual(other.codeStart, dim.codeStart, id);
      assert.deepEqual(other.codeList, dim.codeList, id);
      assert.deepEqual(other.members.map((m) => m.words), dim.members.map((m) => m.words), id);
      assert.deepEqual(other.directOnly.map((m) => m.words), dim.directOnly.map((m) => m.words), id);
      assert.deepEqual(other.coded.words, dim.coded.words, id);
    }
    // Positions are built in slices of 2,000: 5,000 studies cross two slice ends.
    assert.equal(a.positions.size, 5000);
    assert.deepEqual([...a.positions], [...b.positions]);
    assert.deepEqual([...b.positions].slice(1999, 2002), map.studies.slice(1999, 2002).map((s, i) => [s.id, 1999 + i]));
    assert.equal(progress.at(-1), 1);
    assert.deepEqual(progress, [...progress].sort((x, y) => x - y));
  });

  it('hands the thread back after each slice of studies and before finishing each dimension', () => {
    const map = parseMap(syntheticMap({ studies: 5000, seed: 5 }));
    const steps = buildDimensions(map.dimensions, map.studies, 2000);
    const yielded: number[] = [];
    let step = steps.next();
    while (!step.done) {
      yielded.push(step.value);
      step = steps.next();
    }
    // 5,000 studies in slices of 2,000 (two ends), then one step per dimension.
    assert.deepEqual(yielded, [2000, 4000, ...map.dimensions.map(() => 5000)]);
    assert.deepEqual([...step.value.keys()], map.dimensions.map((d) => d.id));
    // A map read in one slice is finished in one go too (createIndex's path).
    const whole = buildDimensions(map.dimensions, map.studies, Infinity);
    assert.equal(whole.next().done, true);
  });

  it('keeps the per-study code lists of createIndex', () => {
    const index = createIndex(parseMap(smallMap()));
    const support = index.dimension('support')!;
    assert.deepEqual(
      index.studies.map((s, i) => Array.from(support.codes[i]).map((o) => support.byOrdinal[o].data.id)),
      index.studies.map((s) => s.codes.support ?? []),
    );
  });
});
