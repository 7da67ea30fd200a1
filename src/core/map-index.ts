/**
 * The index built once per map: category trees (d3-hierarchy), study positions, and per
 * category the set of studies that carry it or a descendant. Everything the elements ask for
 * (counts, filters, facets, study lists) is answered from here without touching the map again.
 */
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import { Bitset } from './bitset.js';
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
  /** Per study, the ordinals of its codes in this dimension. */
  readonly codes: readonly Uint32Array[];
}

const EMPTY = new Uint32Array(0);

function buildDimension(dimension: EgmDimension, studies: readonly EgmStudy[]): DimensionIndex {
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
  const codes: Uint32Array[] = new Array<Uint32Array>(n);
  for (let i = 0; i < n; i++) {
    const ids = Object.prototype.hasOwnProperty.call(studies[i].codes, dimension.id) ? studies[i].codes[dimension.id] : undefined;
    if (!ids || ids.length === 0) {
      codes[i] = EMPTY;
      continue;
    }
    const ords = new Uint32Array(ids.length);
    let k = 0;
    for (const id of ids) {
      const o = ordinals.get(id);
      if (o === undefined) continue; // parseMap rejects these; an unchecked map just loses the code
      ords[k++] = o;
      direct[o].add(i);
    }
    codes[i] = k === ords.length ? ords : ords.slice(0, k);
    if (k > 0) coded.add(i);
  }
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
  return { dimension, root, nodes, ordinals, byOrdinal, members, directOnly, coded, codes };
}

/** The index of one validated map. Build it with `createIndex`. */
export class MapIndex {
  readonly schema: EgmSchema;
  readonly studies: readonly EgmStudy[];
  /** Study id → position in `studies`. */
  readonly positions: ReadonlyMap<string, number>;
  readonly dimensions: ReadonlyMap<string, DimensionIndex>;
  private folded?: string[];

  constructor(map: EgmMap) {
    const { studies, ...schema } = map;
    this.schema = schema;
    this.studies = studies;
    this.positions = new Map(studies.map((s, i) => [s.id, i]));
    this.dimensions = new Map(schema.dimensions.map((d) => [d.id, buildDimension(d, studies)]));
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
