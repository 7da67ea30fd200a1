/**
 * Filtering per spec §3: OR within a dimension and AND across dimensions (or the `all` / `any`
 * modes), descendants included; a free-text query in which every word must occur in the title,
 * authors or abstract, ignoring case and accents; an inclusive year range.
 */
import { Bitset } from './bitset.js';
import { foldText, type MapIndex } from './map-index.js';
import type { EgmFilterMode, EgmFilters } from './types.js';

/** The empty filter: every study passes. */
export const NO_FILTERS: Readonly<EgmFilters> = Object.freeze({ categories: Object.freeze({}) as Record<string, string[]> });

const MODES: readonly EgmFilterMode[] = ['standard', 'all', 'any'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Turns anything a host might pass as `.filters` into a clean `EgmFilters`: unknown shapes are
 * dropped, never thrown. Empty selections, blank queries and open year ranges are removed, so
 * two filters that select the same studies normalise to the same object.
 */
export function normalizeFilters(input: unknown): EgmFilters {
  if (!isObject(input)) return { categories: {} };
  const categories: Record<string, string[]> = {};
  const rawCats = input.categories;
  if (isObject(rawCats)) {
    for (const dim of Object.keys(rawCats).sort()) {
      const ids = rawCats[dim];
      if (!Array.isArray(ids)) continue;
      const clean = [...new Set(ids.filter((x): x is string => typeof x === 'string' && x !== ''))];
      if (clean.length) Object.defineProperty(categories, dim, { value: clean, enumerable: true, writable: true, configurable: true });
    }
  }
  const out: EgmFilters = { categories };
  if (typeof input.mode === 'string' && MODES.includes(input.mode as EgmFilterMode) && input.mode !== 'standard') {
    out.mode = input.mode as EgmFilterMode;
  }
  if (typeof input.query === 'string' && input.query.trim() !== '') out.query = input.query.trim();
  if (isObject(input.years)) {
    const from = finite(input.years.from);
    const to = finite(input.years.to);
    if (from !== undefined || to !== undefined) {
      out.years = {};
      if (from !== undefined) out.years.from = from;
      if (to !== undefined) out.years.to = to;
    }
  }
  return out;
}

/** True when the filter would let every study through. */
export function isEmptyFilter(filters: EgmFilters): boolean {
  const f = normalizeFilters(filters);
  return Object.keys(f.categories).length === 0 && f.query === undefined && f.years === undefined;
}

/** The words of a query, folded; "double quotes" keep a phrase together. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of foldText(query).matchAll(/"([^"]*)"|(\S+)/g)) {
    const t = (m[1] ?? m[2] ?? '').trim();
    if (t) terms.push(t);
  }
  return terms;
}

/** A stable key for a normalised filter, used to cache masks. */
function keyOf(f: EgmFilters): string {
  return JSON.stringify([f.categories, f.mode ?? 'standard', f.query ?? '', f.years?.from ?? null, f.years?.to ?? null]);
}

/**
 * Answers filter questions for one index, caching the last few masks so that a grid, a legend
 * and a filter bar asking about the same filter share the work.
 */
export class FilterEngine {
  private readonly cache = new Map<string, Bitset>();
  private queryCache?: { key: string; mask: Bitset };

  constructor(readonly index: MapIndex) {}

  /** The studies passing `filters` (spec §3). Do not mutate the returned set. */
  mask(filters: EgmFilters | undefined): Bitset {
    const f = normalizeFilters(filters);
    const key = keyOf(f);
    let m = this.cache.get(key);
    if (!m) {
      m = this.compute(f, undefined);
      if (this.cache.size >= 16) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, m);
    }
    return m;
  }

  /** Ids of the studies passing `filters`, in study-list order. */
  matchingIds(filters: EgmFilters | undefined): string[] {
    return this.index.ids(this.mask(filters));
  }

  /**
   * For each category of `dimensionId`, how many studies would pass if that category were the
   * selection in its dimension, all other filters kept (the numbers beside a filter's options).
   * In mode `all`, where a dimension's categories are ANDed too, with the dimension's own
   * selection kept: what checking the category gives.
   */
  facets(filters: EgmFilters | undefined, dimensionId: string): Map<string, number> {
    const out = new Map<string, number>();
    const dim = this.index.dimension(dimensionId);
    if (!dim) return out;
    const f = normalizeFilters(filters);
    const mode = f.mode ?? 'standard';
    // `any` ORs every selection together, so "the other filters" are the query and years only;
    // `all` ANDs every category, its own dimension's too, so they are every filter.
    const others = mode === 'any' ? this.base(f) : this.compute(f, mode === 'all' ? '' : dimensionId);
    dim.byOrdinal.forEach((node, o) => out.set(node.data.id, dim.members[o].andCount(others)));
    return out;
  }

  /** Query and year range only. */
  private base(f: EgmFilters): Bitset {
    const n = this.index.size;
    const m = f.query !== undefined ? this.queryMask(f.query).clone() : Bitset.full(n);
    if (f.years) {
      const { from = -Infinity, to = Infinity } = f.years;
      const studies = this.index.studies;
      m.forEach((i) => {
        const y = studies[i].year;
        if (y === undefined || y < from || y > to) m.words[i >>> 5] &= ~(1 << (i & 31));
      });
    }
    return m;
  }

  private queryMask(query: string): Bitset {
    if (this.queryCache?.key === query) return this.queryCache.mask;
    const terms = queryTerms(query);
    const texts = this.index.searchText();
    const m = new Bitset(this.index.size);
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i];
      if (terms.every((w) => t.includes(w))) m.add(i);
    }
    this.queryCache = { key: query, mask: m };
    return m;
  }

  /** The mask for `f`, leaving out the selection of dimension `skip` (for facets). */
  private compute(f: EgmFilters, skip: string | undefined): Bitset {
    const m = this.base(f);
    const mode = f.mode ?? 'standard';
    const n = this.index.size;
    const selections = Object.keys(f.categories).filter((d) => d !== skip);
    if (mode === 'any') {
      if (selections.length === 0) return m;
      const union = new Bitset(n);
      for (const d of selections) for (const id of f.categories[d]) this.orMembers(union, d, id);
      return m.andWith(union);
    }
    for (const d of selections) {
      if (mode === 'all') {
        for (const id of f.categories[d]) {
          const one = new Bitset(n);
          this.orMembers(one, d, id);
          m.andWith(one);
        }
      } else {
        const union = new Bitset(n);
        for (const id of f.categories[d]) this.orMembers(union, d, id);
        m.andWith(union);
      }
    }
    return m;
  }

  /** target ∪= studies carrying category `id` of `dimensionId` or a descendant (unknown ids: none). */
  private orMembers(target: Bitset, dimensionId: string, id: string): void {
    const dim = this.index.dimension(dimensionId);
    const o = dim?.ordinals.get(id);
    if (dim && o !== undefined) target.orWith(dim.members[o]);
  }
}
