// Property-based tests of the door every map comes through (`parseMap`) and of what counts
// behind it (createIndex, GridModel, FilterEngine). The only outcomes allowed for any input: a
// valid map that indexes and counts without throwing, or EgmValidationError with at least one
// issue; each within a time bound, and no prototype touched. Runs and seed: testing/fuzz.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { diffMaps } from './diff.js';
import { EgmValidationError } from './errors.js';
import { mapPicture, pictureToSvg } from './export/picture.js';
import { studiesToCsv, studiesToRis } from './export/table.js';
import { FilterEngine, normalizeFilters, queryTerms } from './filter.js';
import { GridModel } from './grid.js';
import { createIndex, foldText } from './map-index.js';
import { parseMap, splitMap, validateMap } from './parse.js';
import { smallMap } from './testing/fixture.js';
import {
  allPaths,
  assertNoPollution,
  defineOwn,
  deleteAt,
  FUZZ_RUNS,
  FUZZ_SEED,
  fuzzParams,
  getAt,
  HOSTILE_KEYS,
  prototypeSnapshot,
  reopenTruncated,
  setAt,
  timed,
} from './testing/fuzz.js';
import type { EgmCategory, EgmFilters, EgmMap, EgmStudy } from './types.js';

const demoText = readFileSync(new URL('../../demo/peer-support.egm.json', import.meta.url), 'utf8');
const BASES: Record<string, () => unknown> = {
  small: () => smallMap(),
  demo: () => JSON.parse(demoText) as unknown,
};

/** What happened to one input; anything but these two fails the property. */
type Outcome = 'valid' | 'invalid';
const tally: Record<string, Record<Outcome, number>> = {};

/** parseMap, then (for a valid map) index and count it, within the time bound. */
function outcome(label: string, input: unknown): Outcome {
  const result = timed(`parseMap (${label})`, (): Outcome => {
    let map: EgmMap;
    try {
      map = parseMap(input);
    } catch (error) {
      if (!(error instanceof EgmValidationError)) throw error;
      assert.ok(error.issues.length > 0, 'a validation error lists at least one issue');
      for (const issue of error.issues) assert.equal(typeof issue.message, 'string');
      return 'invalid';
    }
    const index = createIndex(map);
    const { rows, columns, segments } = map.layout;
    const model = new GridModel(index, { rows, columns, segments });
    const counts = model.count(undefined);
    assert.equal(counts.shown, index.size);
    // What a reader can download, and the CLI's diff: a valid map's ids may be any text,
    // `constructor` included.
    const { schema, studies } = splitMap(map);
    studiesToCsv(schema, studies);
    studiesToRis(schema, studies);
    pictureToSvg(mapPicture(model, counts));
    diffMaps(map, { ...map, studies: studies.slice(1) });
    return 'valid';
  });
  (tally[label] ??= { valid: 0, invalid: 0 })[result]++;
  return result;
}

// ---- arbitraries -------------------------------------------------------------------------

/** A value of the wrong type (or the right one) for any path. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, 0, -1, 1.5, Number.NaN, Infinity, '', ' ', 'egm/1', 'javascript:alert(1)', '#zzz', [], {}, [[]], true, false),
  fc.constantFrom(...HOSTILE_KEYS).map((k) => ({ [k]: { polluted: true } })),
  // As ids: a dimension or category named `constructor` is valid, and must read as itself.
  fc.constantFrom(...HOSTILE_KEYS),
);

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'hostileKey'; at: number; key: string; value: unknown }
  | { kind: 'hugeString'; at: number; length: number }
  | { kind: 'hugeArray'; at: number; length: number }
  | { kind: 'deep'; at: number; depth: number; shape: 'list' | 'object' | 'category' }
  | { kind: 'duplicate'; at: number }
  | { kind: 'truncateString'; at: number; keep: number };

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at, value: anyValue }),
  fc.record({ kind: fc.constant('delete' as const), at }),
  fc.record({ kind: fc.constant('hostileKey' as const), at, key: fc.constantFrom(...HOSTILE_KEYS), value: anyValue }),
  fc.record({ kind: fc.constant('hugeString' as const), at, length: fc.integer({ min: 10_000, max: 300_000 }) }),
  fc.record({ kind: fc.constant('hugeArray' as const), at, length: fc.integer({ min: 500, max: 3_000 }) }),
  fc.record({ kind: fc.constant('deep' as const), at, depth: fc.integer({ min: 10, max: 20_000 }), shape: fc.constantFrom('list' as const, 'object' as const, 'category' as const) }),
  fc.record({ kind: fc.constant('duplicate' as const), at }),
  fc.record({ kind: fc.constant('truncateString' as const), at, keep: fc.nat(40) }),
);

/** Nesting `depth` levels deep, made by JSON.parse as a file would be (it nests without a stack). */
function deepValue(depth: number, shape: 'list' | 'object' | 'category'): unknown {
  const [open, leaf, close] =
    shape === 'list'
      ? ['[', '"leaf"', ']']
      : shape === 'object'
        ? ['{"k":', '"leaf"', '}']
        : ['{"id":"c","label":"Level","children":[', '{"id":"leaf","label":"Leaf"}', ']}'];
  return JSON.parse(open.repeat(depth) + leaf + close.repeat(depth)) as unknown;
}

/** `v` when it is small in JSON (up to 2,000 characters), else a stand-in of the same type. */
function small(v: unknown): unknown {
  if (typeof v === 'string') return v.slice(0, 2000);
  if (typeof v !== 'object' || v === null) return v ?? null;
  try {
    if ((JSON.stringify(v)?.length ?? 0) <= 2000) return v;
  } catch {
    // too deep to write out
  }
  return Array.isArray(v) ? [] : {};
}

/** A copy for a second place in the tree; deep values are shared instead (cloning recurses). */
const copy = (v: unknown): unknown => {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
};

/** Applies mutations to a fresh copy of a base map; each picks its path among the current ones. */
function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  let root = base;
  for (const m of mutations) {
    const paths = allPaths(root);
    const path = paths[m.at % paths.length];
    const current = getAt(root, path);
    switch (m.kind) {
      case 'replace':
        root = setAt(root, path, copy(m.value));
        break;
      case 'delete':
        root = deleteAt(root, path);
        break;
      case 'hostileKey': {
        const target = typeof current === 'object' && current !== null ? current : root;
        if (typeof target === 'object' && target !== null) defineOwn(target, m.key, copy(m.value));
        break;
      }
      case 'hugeString':
        root = setAt(root, path, 'x'.repeat(m.length));
        break;
      case 'hugeArray':
        // Many copies of what is there (the same object: parseMap must not care), kept to a
        // size that the JSON round trip below can still write out.
        root = setAt(root, path, new Array<unknown>(m.length).fill(small(current)));
        break;
      case 'deep':
        root = setAt(root, path, deepValue(m.depth, m.shape));
        break;
      case 'duplicate':
        if (path.length > 0) {
          const parent = getAt(root, path.slice(0, -1));
          if (Array.isArray(parent)) parent.push(copy(current));
        }
        break;
      case 'truncateString':
        if (typeof current === 'string') root = setAt(root, path, current.slice(0, m.keep));
        break;
    }
  }
  return root;
}

// ---- the properties ----------------------------------------------------------------------

describe(`fuzz: parseMap (seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs per property)`, () => {
  let snapshot: string;
  before(() => {
    snapshot = prototypeSnapshot();
  });
  after(() => {
    assertNoPollution(snapshot);
    // The mix of outcomes, so a property that only ever sees one kind shows up in the log.
    console.log('fuzz outcomes:', JSON.stringify(tally));
  });

  for (const [name, base] of Object.entries(BASES)) {
    it(`random mutations of the ${name} map: a valid map or EgmValidationError`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (mutations, viaJson) => {
          let input = mutate(base(), mutations);
          // As a file: JSON keeps an own "__proto__" key as data, which is how it arrives.
          // (Huge and deep values skip the round trip: writing them out costs more than the test.)
          if (viaJson && mutations.every((m) => !['hugeString', 'hugeArray', 'deep'].includes(m.kind))) {
            try {
              const text = JSON.stringify(input) ?? 'null';
              input = JSON.parse(text) as unknown;
              // Checking a parsed file in place (adopt) gives what checking a copy gives.
              assert.deepEqual(validateMap(JSON.parse(text), { adopt: true }), validateMap(input));
            } catch (error) {
              if (!(error instanceof RangeError)) throw error;
            }
          }
          outcome(`mutated ${name}`, input);
          assertNoPollution(snapshot);
        }),
        fuzzParams(),
      );
    });
  }

  it('truncated files, closed again: a valid map or EgmValidationError', () => {
    const texts = { small: JSON.stringify(smallMap()), demo: demoText };
    let parsed = 0;
    fc.assert(
      fc.property(fc.constantFrom('small' as const, 'demo' as const).chain((w) => fc.tuple(fc.constant(w), fc.integer({ min: 1, max: texts[w].length - 1 }))), ([which, cut]) => {
        const input = reopenTruncated(texts[which].slice(0, cut));
        if (input === undefined) return;
        parsed++;
        outcome('truncated', input);
      }),
      fuzzParams(),
    );
    assert.ok(parsed > FUZZ_RUNS / 4, `only ${parsed} truncations could be closed again`);
  });

  it('any JSON value at all, and objects made of hostile keys', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.dictionary(fc.constantFrom(...HOSTILE_KEYS, 'format', 'studies', 'dimensions', 'layout'), anyValue)), (input) => {
        outcome('any value', input);
        assertNoPollution(snapshot);
      }),
      fuzzParams(),
    );
  });

  it('wrong types at every path of the small map (exhaustive, not random)', () => {
    const values: unknown[] = [null, 0, -1.5, '', 'x', true, [], {}, [null], { __proto__: null, polluted: 1 }];
    const json = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;
    values.push(json);
    const paths = allPaths(smallMap());
    let n = 0;
    for (const path of paths) {
      for (const value of values) {
        outcome('wrong type', setAt(smallMap(), path, structuredClone(value)));
        n++;
      }
    }
    assertNoPollution(snapshot);
    assert.equal(n, paths.length * values.length);
    console.log(`wrong types: ${paths.length} paths × ${values.length} values = ${n} maps`);
  });

  it('keeps own __proto__ / constructor keys as data, never as prototypes', () => {
    const text = JSON.stringify(smallMap()).replace('"id":"s1"', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"id":"s1"');
    const input = JSON.parse(text.replace('"codes":{"support":["education"]', '"codes":{"__proto__":["x"],"support":["education"]')) as unknown;
    assert.equal(outcome('hostile keys', input), 'invalid');
    const clean = JSON.parse(text) as unknown;
    assert.equal(outcome('hostile keys', clean), 'valid');
    const map = parseMap(clean);
    assert.equal(Object.getPrototypeOf(map.studies[0]), Object.prototype);
    assertNoPollution(snapshot);
  });
});

// ---- filters -------------------------------------------------------------------------------

/** Ids of a category tree, with each one's ids of itself and its descendants. */
function descendants(categories: readonly EgmCategory[], into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const walk = (c: EgmCategory): Set<string> => {
    const set = new Set([c.id]);
    for (const child of c.children ?? []) for (const id of walk(child)) set.add(id);
    into.set(c.id, set);
    return set;
  };
  categories.forEach(walk);
  return into;
}

/** Spec §3, written the slow and obvious way. */
function oracle(map: EgmMap, f: EgmFilters): string[] {
  const trees = new Map(map.dimensions.map((d) => [d.id, descendants(d.categories)]));
  const has = (s: EgmStudy, dim: string, id: string) => {
    const codes = Object.prototype.hasOwnProperty.call(s.codes, dim) ? s.codes[dim] : [];
    const below = trees.get(dim)?.get(id);
    return !!below && codes.some((c) => below.has(c));
  };
  const selections = Object.entries(f.categories);
  const mode = f.mode ?? 'standard';
  const terms = f.query === undefined ? [] : queryTerms(f.query);
  return map.studies
    .filter((s) => {
      const cats =
        mode === 'any'
          ? selections.length === 0 || selections.some(([d, ids]) => ids.some((id) => has(s, d, id)))
          : mode === 'all'
            ? selections.every(([d, ids]) => ids.every((id) => has(s, d, id)))
            : selections.every(([d, ids]) => ids.some((id) => has(s, d, id)));
      const text = foldText([s.title, ...(s.authors ?? []), s.abstract ?? ''].join('\n'));
      const query = terms.every((t) => text.includes(t));
      const { from = -Infinity, to = Infinity } = f.years ?? {};
      const years = f.years === undefined || (s.year !== undefined && s.year >= from && s.year <= to);
      return cats && query && years;
    })
    .map((s) => s.id);
}

describe(`fuzz: normalizeFilters and FilterEngine (seed ${FUZZ_SEED})`, () => {
  for (const [name, base] of Object.entries(BASES)) {
    const map = parseMap(base());
    const index = createIndex(map);
    const engine = new FilterEngine(index);
    const model = new GridModel(index, { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments }, engine);
    const dimIds = map.dimensions.map((d) => d.id);
    const catIds = [...new Set(map.dimensions.flatMap((d) => [...descendants(d.categories).keys()]))];
    const words = [...new Set(map.studies.flatMap((s) => s.title.split(/\s+/)).slice(0, 40))];

    const ids = fc.array(fc.oneof(fc.constantFrom(...catIds), fc.constantFrom('nope', '', ...HOSTILE_KEYS), fc.anything()), { maxLength: 5 });
    const filters = fc.oneof(
      fc.anything(),
      fc.record(
        {
          categories: fc.oneof(fc.dictionary(fc.constantFrom(...dimIds, 'nope', ...HOSTILE_KEYS), fc.oneof(ids, fc.anything()), { maxKeys: 4 }), fc.anything()),
          mode: fc.oneof(fc.constantFrom('standard', 'all', 'any'), fc.anything()),
          query: fc.oneof(fc.constantFrom(...words, '"', '""', 'a "b c', '.*', '(', '\\', 'NÚÑEZ', '  '), fc.string(), fc.anything()),
          years: fc.oneof(
            fc.record({ from: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.double(), fc.anything()), to: fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.double(), fc.anything()) }, { requiredKeys: [] }),
            fc.anything(),
          ),
        },
        { requiredKeys: [] },
      ),
    );

    it(`${name} map: never throws, and matches a slow reading of spec §3`, () => {
      fc.assert(
        fc.property(filters, (raw) => {
          timed('filtering', () => {
            const f = normalizeFilters(raw);
            assert.deepEqual(normalizeFilters(f), f, 'normalising twice changes nothing');
            const matched = engine.matchingIds(raw as EgmFilters);
            assert.deepEqual(matched, oracle(map, f));
            for (const d of [...dimIds, 'nope', '__proto__']) {
              for (const [, n] of engine.facets(raw as EgmFilters, d)) assert.ok(n >= 0 && n <= index.size);
            }
            const counts = model.count(raw as EgmFilters);
            assert.equal(counts.shown, matched.length);
          });
        }),
        fuzzParams(),
      );
    });
  }
});
