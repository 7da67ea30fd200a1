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

/** The index of one dimension, built in one go. */
function buildDimension(dimension: EgmDimension, studies: readonly EgmStudy[]): DimensionIndex {
  const steps = buildDimensionSteps(dimension, studies, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Builds a dimension's index, yielding the number of studies done after each `slice` of them
 * (so `createIndexAsync` can hand the thread back in between).
 */
function* buildDimensionSteps(dimension: EgmDimension, studies: readonly EgmStudy[], slice: number): Generator<number, DimensionIndex> {
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
  const n = studies.length;
  const direct = byOrdinal.map(() => new Bitset(n));
  const coded = new Bitset(n);
  const codeStart = new Uint32Array(n + 1);
  let list = new Uint32Array(Math.max(16, n * 2));
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % slice === 0) yield i;
    codeStart[i] = k;
    const codes = studies[i].codes;
    const ids = Object.prototype.hasOwnProperty.call(codes, dimension.id) ? codes[dimension.id] : undefined;
    if (!ids || ids.length === 0) continue;
    if (k + ids.length > list.length) {
      const grown = new Uint32Array(Math.max(list.length * 2, k + ids.length));
      grown.set(list);
      list = grown;
    }
    const from = k;
    for (const id of ids) {
      const o = ordinals.get(id);
      if (o === undefined) continue; // parseMap rejects these; an unchecked map just loses the code
      list[k++] = o;
      direct[o].add(i);
    }
    if (k > from) coded.add(i);
  }
  codeStart[n] = k;
  const codeList = list.slice(0, k);
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
    dimension,
    root,
    nodes,
    ordinals,
    byOrdinal,
    members,
    directOnly,
    coded,
    codeStart,
    codeList,
    get codes(): readonly Uint32Array[] {
      views ??= Array.from({ length: n }, (_, i) => codeList.subarray(codeStart[i], codeStart[i + 1]));
      return views;
    },
  };
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
  constructor(map: EgmMap, dimensions?: ReadonlyMap<string, DimensionIndex>) {
    const { studies, ...schema } = map;
    this.schema = schema;
    this.studies = studies;
    this.positions = new Map(studies.map((s, i) => [s.id, i]));
    this.dimensions = dimensions ?? new Map(schema.dimensions.map((d) => [d.id, buildDimension(d, studies)]));
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
const STUDY_SLICE = 2000;

/**
 * `createIndex` in slices that hand the thread back to the browser about every 10 ms, with
 * progress: for maps of 100,000 studies, whose index would otherwise freeze the page.
 */
export async function createIndexAsync(map: EgmMap, options: AsyncOptions = {}): Promise<MapIndex> {
  const clock = new YieldClock(options.signal);
  const dims = map.dimensions;
  const n = map.studies.length;
  const built = new Map<string, DimensionIndex>();
  for (let d = 0; d < dims.length; d++) {
    const steps = buildDimensionSteps(dims[d], map.studies, STUDY_SLICE);
    let step = steps.next();
    while (!step.done) {
      options.onProgress?.((d + step.value / Math.max(1, n)) / dims.length);
      await clock.maybeYield();
      step = steps.next();
    }
    built.set(dims[d].id, step.value);
    options.onProgress?.((d + 1) / dims.length);
    await clock.maybeYield();
  }
  return new MapIndex(map, built);
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
