/**
 * The index built once per map: category trees (d3-hierarchy), study positions, and per
 * category the set of studies that carry it or a descendant. Everything the elements ask for
 * (counts, filters, facets, study lists) is answered from here without touching the map again.
 */
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import { Bitset } from './bitset.js';
import { YieldClock, type AsyncOptions } from './yield.js';
import type { EgmCategory, EgmDimension, EgmMap, EgmSchema, EgmStudy } from './types.js';

/** A node of a category tree. The tree's root is synthetic (`depth` 0, id ""). */
export type CategoryNode = HierarchyNode<EgmCategory>;

export interface DimensionIndex {
  readonly dimension: EgmDimension;
  /** The synthetic root; its children are the dimension's top-level categories. */
  readonly root: CategoryNode;
  /** Every category, by id. */
  readonly nodes: ReadonlyMap<string, CategoryNode>;
  /** Every category's position in pre-order (its `ordinal`), by id. */
  readonly ordinals: ReadonlyMap<string, number>;
  /** Categories in pre-order; `byOrdinal[ordinals.get(id)]` is the node. */
  readonly byOrdinal: readonly CategoryNode[];
  /** Studies carrying the category or any of its descendants. */
  readonly members: readonly Bitset[];
  /** Studies carrying the category itself but none of its descendants (groups only; else empty). */
  readonly directOnly: readonly Bitset[];
  /** Studies with at least one code in this dimension. */
  readonly coded: Bitset;
  /**
   * Every study's code ordinals in one flat list: study i's are `codeList[codeStart[i]]` up to
   * (not including) `codeList[codeStart[i + 1]]`. Two typed arrays rather than one per study:
   * 50,000 studies × 9 dimensions of small arrays cost tens of megabytes of object headers.
   */
  readonly codeStart: Uint32Array;
  readonly codeList: Uint32Array;
  /** Per study, the ordinals of its codes in this dimension (views of `codeList`, made on first use). */
  readonly codes: readonly Uint32Array[];
}

/** A dimension's index while the studies are read. */
interface Building {
  readonly dimension: EgmDimension;
  readonly root: CategoryNode;
  readonly nodes: Map<string, CategoryNode>;
  readonly ordinals: Map<string, number>;
  readonly byOrdinal: CategoryNode[];
  /** Studies carrying each category itself. */
  readonly direct: Bitset[];
  readonly coded: Bitset;
  readonly codeStart: Uint32Array;
  codeList: Uint32Array;
  /** How much of `codeList` is used. */
  length: number;
}

function startDimension(dimension: EgmDimension, n: number): Building {
  const root = hierarchy<EgmCategory>(
    { id: '', label: dimension.label, children: dimension.categories },
    (c) => c.children,
  );
  const byOrdinal: CategoryNode[] = [];
  const nodes = new Map<string, CategoryNode>();
  const ordinals = new Map<string, number>();
  root.eachBefore((node) => {
    if (node === root) return;
    ordinals.set(node.data.id, byOrdinal.length);
    nodes.set(node.data.id, node);
    byOrdinal.push(node);
  });
  return {
    dimension,
    root,
    nodes,
    ordinals,
    byOrdinal,
    direct: byOrdinal.map(() => new Bitset(n)),
    coded: new Bitset(n),
    codeStart: new Uint32Array(n + 1),
    codeList: new Uint32Array(Math.max(16, n * 2)),
    length: 0,
  };
}

/**
 * Reads studies `from` up to `to` into every dimension's index at once: one pass over the
 * studies, each study's codes read by enumerating them. Reading `codes[dimension]` for one
 * dimension after another was about three times slower in Node: a pass over the studies per
 * dimension instead of one, and `codes[name]` with a changing name takes V8's generic lookup,
 * where a read inside `for…in` loads the field directly.
 */
function readStudies(studies: readonly EgmStudy[], from: number, to: number, builds: readonly Building[], slots: ReadonlyMap<string, number>): void {
  for (let i = from; i < to; i++) {
    for (const b of builds) b.codeStart[i] = b.length;
    const codes = studies[i].codes;
    for (const key in codes) {
      if (!Object.prototype.hasOwnProperty.call(codes, key)) continue;
      const slot = slots.get(key);
      const ids = codes[key];
      if (slot === undefined || !ids || ids.length === 0) continue;
      const b = builds[slot];
      let k = b.length;
      if (k + ids.length > b.codeList.length) {
        const grown = new Uint32Array(Math.max(b.codeList.length * 2, k + ids.length));
        grown.set(b.codeList);
        b.codeList = grown;
      }
      const list = b.codeList;
      const before = k;
      for (let j = 0; j < ids.length; j++) {
        const o = b.ordinals.get(ids[j]);
        if (o === undefined) continue; // parseMap rejects these; an unchecked map just loses the code
        list[k++] = o;
        b.direct[o].add(i);
      }
      if (k > before) b.coded.add(i);
      b.length = k;
    }
  }
}

/** A dimension's index once every study is read: members and direct-only sets, bottom-up. */
function finishDimension(b: Building, n: number): DimensionIndex {
  const { root, ordinals, byOrdinal, direct, codeStart } = b;
  codeStart[n] = b.length;
  const codeList = b.codeList.slice(0, b.length);
  // members = direct ∪ members of children, bottom-up (post-order).
  const members: Bitset[] = new Array<Bitset>(byOrdinal.length);
  const directOnly: Bitset[] = new Array<Bitset>(byOrdinal.length);
  root.eachAfter((node) => {
    if (node === root) return;
    const o = ordinals.get(node.data.id)!;
    const m = direct[o].clone();
    if (node.children) {
      const below = new Bitset(n);
      for (const child of node.children) below.orWith(members[ordinals.get(child.data.id)!]);
      directOnly[o] = direct[o].clone().andNotWith(below);
      m.orWith(below);
    } else {
      directOnly[o] = new Bitset(n);
    }
    members[o] = m;
  });
  let views: Uint32Array[] | undefined;
  return {
    dimension: b.dimension,
    root,
    nodes: b.nodes,
    ordinals,
    byOrdinal,
    members,
    directOnly,
    coded: b.coded,
    codeStart,
    codeList,
    get codes(): readonly Uint32Array[] {
      views ??= Array.from({ length: n }, (_, i) => codeList.subarray(codeStart[i], codeStart[i + 1]));
      return views;
    },
  };
}

/**
 * Builds every dimension's index, yielding the number of studies read after each `slice` of
 * them, and then before finishing each dimension (so `createIndexAsync` can hand the thread
 * back in between: finishing a dimension of 100,000 studies unites a bitset per category).
 * @internal Exported for tests.
 */
export function* buildDimensions(dimensions: readonly EgmDimension[], studies: readonly EgmStudy[], slice: number): Generator<number, Map<string, DimensionIndex>> {
  const n = studies.length;
  const builds = dimensions.map((d) => startDimension(d, n));
  // (Should two dimensions share an id, the last one gets the codes, as it gets the map entry.)
  const slots = new Map(dimensions.map((d, i) => [d.id, i]));
  for (let from = 0; from < n; from += slice) {
    if (from > 0) yield from;
    readStudies(studies, from, Math.min(n, from + slice), builds, slots);
  }
  const out = new Map<string, DimensionIndex>();
  for (const b of builds) {
    if (n > slice) yield n;
    out.set(b.dimension.id, finishDimension(b, n));
  }
  return out;
}

/** `buildDimensions` in one go. */
function buildAll(dimensions: readonly EgmDimension[], studies: readonly EgmStudy[]): Map<string, DimensionIndex> {
  const steps = buildDimensions(dimensions, studies, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The index of one validated map. Build it with `createIndex`. */
export class MapIndex {
  readonly schema: EgmSchema;
  readonly studies: readonly EgmStudy[];
  /** Study id → position in `studies`. */
  readonly positions: ReadonlyMap<string, number>;
  readonly dimensions: ReadonlyMap<string, DimensionIndex>;
  private folded?: string[];

  /** `dimensions` is for `createIndexAsync`, which builds them in slices. */
  constructor(map: EgmMap, dimensions?: ReadonlyMap<string, DimensionIndex>, positions?: ReadonlyMap<string, number>) {
    const { studies, ...schema } = map;
    this.schema = schema;
    this.studies = studies;
    this.positions = positions ?? studyPositions(studies, 0, studies.length);
    this.dimensions = dimensions ?? buildAll(schema.dimensions, studies);
  }

  get size(): number {
    return this.studies.length;
  }

  dimension(id: string): DimensionIndex | undefined {
    return this.dimensions.get(id);
  }

  /** Ids of the studies in a set, in study-list order. */
  ids(set: Bitset): string[] {
    const out: string[] = [];
    set.forEach((i) => out.push(this.studies[i].id));
    return out;
  }

  /** Each study's title, authors and abstract, folded for search (built on first use). */
  searchText(): readonly string[] {
    this.folded ??= this.studies.map((s) => foldText([s.title, ...(s.authors ?? []), s.abstract ?? ''].join('\n')));
    return this.folded;
  }
}

/** Builds the index of a map that `parseMap` accepted. */
export function createIndex(map: EgmMap): MapIndex {
  return new MapIndex(map);
}

/** Studies indexed between two looks at the clock. */
const STUDY_SLICE = 1000;

/**
 * `createIndex` in slices that hand the thread back to the browser about every 6 ms, with
 * progress: for maps of 100,000 studies, whose index would otherwise freeze the page.
 */
export async function createIndexAsync(map: EgmMap, options: AsyncOptions = {}): Promise<MapIndex> {
  const clock = new YieldClock(options.signal);
  const n = map.studies.length;
  const steps = buildDimensions(map.dimensions, map.studies, STUDY_SLICE);
  let step = steps.next();
  while (!step.done) {
    options.onProgress?.(step.value / n);
    await clock.maybeYield();
    step = steps.next();
  }
  // Each study's position, in slices too (a map of 100,000 entries is a long task of its own).
  const positions = new Map<string, number>();
  for (let i = 0; i < n; i += STUDY_SLICE) {
    studyPositions(map.studies, i, Math.min(n, i + STUDY_SLICE), positions);
    await clock.maybeYield();
  }
  options.onProgress?.(1);
  await clock.maybeYield();
  return new MapIndex(map, step.value, positions);
}

/** Adds the positions of studies `from` to `to` (exclusive) by id to `into`. */
function studyPositions(studies: readonly EgmStudy[], from: number, to: number, into = new Map<string, number>()): Map<string, number> {
  for (let i = from; i < to; i++) into.set(studies[i].id, i);
  return into;
}

/** Lower-cases and strips accents, so "Núñez" matches "nunez" (spec §3). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđßæœ]/g, (c) => LETTERS[c] ?? c);
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };
