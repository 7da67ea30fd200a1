/**
 * A map's view state in a URL: filters, the selected cell, collapsed groups and the view, as
 * readable query parameters namespaced by the map's id, so several maps on one page keep
 * their own state. `#peer.population=carers&peer.q=diabetes&peer.row=education&peer.col=mental-health`
 */
import { normalizeFilters } from '../filter.js';
import type { MapIndex } from '../map-index.js';
import type { EgmFilters } from '../types.js';

export interface MapViewState {
  filters: EgmFilters;
  selected: { rowId: string; columnId: string } | null;
  collapsed: string[];
  view?: string;
}

/** The names a map's parameters have after its namespace (and `f.<dimension>`). */
const FIELDS = new Set(['q', 'from', 'to', 'mode', 'row', 'col', 'collapsed', 'view']);

/**
 * Whether parameter `k` is namespace `ns`'s: `ns.` and one of its names, so that a map whose id
 * starts with another's and a dot (`peer.v2` beside `peer`) keeps its parameters to itself.
 * (Ids are not escaped: a map with the id `peer.f` would share `peer.f.q` with `peer`'s filter
 * on a dimension `q`.)
 */
function owns(k: string, ns: string): boolean {
  if (!k.startsWith(`${ns}.`)) return false;
  const name = k.slice(ns.length + 1);
  return FIELDS.has(name) || name.startsWith('f.');
}

/**
 * Writes `state` into `params` under `ns.` (replacing what was there for this namespace and
 * leaving other maps' parameters alone). Dimension selections use `ns.f.<dimension>`.
 */
export function writeState(params: URLSearchParams, ns: string, state: MapViewState): URLSearchParams {
  const prefix = `${ns}.`;
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!owns(k, ns)) out.append(k, v);
  const f = normalizeFilters(state.filters);
  for (const [dim, ids] of Object.entries(f.categories)) for (const id of ids) out.append(`${prefix}f.${dim}`, id);
  if (f.query) out.set(`${prefix}q`, f.query);
  if (f.years?.from !== undefined) out.set(`${prefix}from`, String(f.years.from));
  if (f.years?.to !== undefined) out.set(`${prefix}to`, String(f.years.to));
  if (f.mode) out.set(`${prefix}mode`, f.mode);
  if (state.selected) {
    out.set(`${prefix}row`, state.selected.rowId);
    out.set(`${prefix}col`, state.selected.columnId);
  }
  for (const id of state.collapsed) out.append(`${prefix}collapsed`, id);
  if (state.view) out.set(`${prefix}view`, state.view);
  return out;
}

/** Reads the state of namespace `ns` from `params` (tolerant: junk is dropped, never thrown). */
export function readState(params: URLSearchParams, ns: string): MapViewState {
  const prefix = `${ns}.`;
  // No prototype: a parameter named after one of Object.prototype's members (`ns.f.toString`,
  // `ns.f.__proto__`, from a link anyone can write) is a dimension id like any other.
  const categories = Object.create(null) as Record<string, string[]>;
  for (const [k, v] of params) {
    if (!k.startsWith(`${prefix}f.`)) continue;
    const dim = k.slice(prefix.length + 2);
    if (dim) (categories[dim] ??= []).push(v);
  }
  const num = (k: string) => {
    const v = params.get(prefix + k);
    const n = v === null || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const filters = normalizeFilters({
    categories,
    query: params.get(`${prefix}q`) ?? undefined,
    mode: params.get(`${prefix}mode`) ?? undefined,
    years: { from: num('from'), to: num('to') },
  });
  const row = params.get(`${prefix}row`);
  const col = params.get(`${prefix}col`);
  return {
    filters,
    selected: row && col ? { rowId: row, columnId: col } : null,
    collapsed: params.getAll(`${prefix}collapsed`).filter(Boolean),
    view: params.get(`${prefix}view`) ?? undefined,
  };
}

/**
 * `state` less what the map indexed by `index` does not have: filters on unknown dimensions or
 * on categories their dimension lacks, a selected cell or collapsed groups whose ids are no
 * category of the map. With `axes` (the dimensions of the grid's rows and columns), a selected
 * cell must also be a category of the rows by one of the columns. A link made for an earlier
 * version of a map (a category since removed), for the map drawn another way, or edited by hand
 * then shows the rest of its state, not a map filtered to nothing or a cell that is not there.
 * (The filters a host sets itself are not fitted: an unknown id there matches no study.)
 */
export function fitState(state: MapViewState, index: MapIndex, axes?: { rows: string; columns: string }): MapViewState {
  const inAny = (id: string) => [...index.dimensions.values()].some((d) => d.ordinals.has(id));
  const inDimension = (dim: string, id: string) => index.dimension(dim)?.ordinals.has(id) === true;
  // (No prototype, as in readState; normalizeFilters makes the result a plain object again and
  // drops the dimensions left with no category.)
  const categories = Object.create(null) as Record<string, string[]>;
  for (const [dim, ids] of Object.entries(state.filters.categories)) {
    categories[dim] = ids.filter((id) => inDimension(dim, id));
  }
  const { selected } = state;
  const onGrid = (s: NonNullable<MapViewState['selected']>) =>
    axes ? inDimension(axes.rows, s.rowId) && inDimension(axes.columns, s.columnId) : inAny(s.rowId) && inAny(s.columnId);
  return {
    ...state,
    filters: normalizeFilters({ ...state.filters, categories }),
    selected: selected && onGrid(selected) ? selected : null,
    collapsed: state.collapsed.filter(inAny),
  };
}

/** True when the URL carries any state for namespace `ns`. */
export function hasState(params: URLSearchParams, ns: string): boolean {
  for (const k of params.keys()) if (owns(k, ns)) return true;
  return false;
}
