/**
 * Validate once per object, index once per map, share between elements.
 *
 * Every element takes `.schema` and `.studies` as plain JSON. The first element to see a pair
 * validates and indexes it; a grid, a legend and a filter bar given the same objects share the
 * result (and the filter cache behind it). A new object (not a mutated one) is revalidated:
 * data flows one way, so hosts replace objects rather than mutate them.
 */
import { FilterEngine } from '../core/filter.js';
import { GridModel, type GridOptions } from '../core/grid.js';
import { createIndex, createIndexAsync, type MapIndex } from '../core/map-index.js';
import { validateMap, validateMapAsync } from '../core/parse.js';
import type { EgmIssue, EgmMap } from '../core/types.js';

export interface MapData {
  readonly map: EgmMap;
  readonly index: MapIndex;
  readonly filters: FilterEngine;
  /** Grid models by configuration, shared by a grid and the legend that explains it. */
  readonly models: Map<string, GridModel>;
}

export type MapState =
  | { readonly status: 'empty' }
  | { readonly status: 'invalid'; readonly issues: readonly EgmIssue[] }
  | { readonly status: 'ok'; readonly data: MapData };

const EMPTY: MapState = Object.freeze({ status: 'empty' });
const NO_STUDIES: unknown[] = [];
const cache = new WeakMap<object, WeakMap<object, MapState>>();

/**
 * The validated, indexed map for a schema and a study list. `studies` may be left out when
 * `schema` is a whole map file (it then carries its own `studies`). Never throws.
 */
export function resolveMap(schema: unknown, studies: unknown): MapState {
  if (schema === undefined || schema === null) return EMPTY;
  if (typeof schema !== 'object') return { status: 'invalid', issues: [{ path: '', message: `.schema must be a map object, but is a ${typeof schema}` }] };
  const ownStudies = (schema as { studies?: unknown }).studies;
  const list = studies ?? ownStudies ?? NO_STUDIES;
  if (typeof list !== 'object' || list === null) {
    return { status: 'invalid', issues: [{ path: 'studies', message: `.studies must be a list of studies, but is ${list === null ? 'null' : `a ${typeof list}`}` }] };
  }
  let inner = cache.get(schema);
  if (!inner) cache.set(schema, (inner = new WeakMap()));
  let state = inner.get(list);
  if (!state) {
    const result = validateMap({ ...(schema), studies: list });
    if (result.ok) {
      const index = createIndex(result.map);
      state = { status: 'ok', data: { map: result.map, index, filters: new FilterEngine(index), models: new Map() } };
    } else {
      state = { status: 'invalid', issues: result.issues };
    }
    inner.set(list, state);
  }
  return state;
}

/**
 * `resolveMap` for very large maps: validates and indexes in slices that hand the thread back
 * to the browser (with progress from 0 to 1), then caches the result under the same objects,
 * so every element given them afterwards finds it ready. Resolves at once if already done.
 * `adopt`: the caller gives the objects away (see `ValidateOptions.adopt`).
 */
export async function resolveMapAsync(
  schema: unknown,
  studies: unknown,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; adopt?: boolean } = {},
): Promise<MapState> {
  if (schema === undefined || schema === null || typeof schema !== 'object') return resolveMap(schema, studies);
  const list = studies ?? (schema as { studies?: unknown }).studies ?? NO_STUDIES;
  if (typeof list !== 'object' || list === null) return resolveMap(schema, studies);
  const known = cache.get(schema)?.get(list);
  if (known) return known;
  // Validation is most of the work; indexing the rest.
  const validated = await validateMapAsync({ ...(schema), studies: list }, {
    adopt: options.adopt,
    signal: options.signal,
    onProgress: (f) => options.onProgress?.(f * 0.7),
  });
  let state: MapState;
  if (validated.ok) {
    const index = await createIndexAsync(validated.map, { signal: options.signal, onProgress: (f) => options.onProgress?.(0.7 + f * 0.3) });
    state = { status: 'ok', data: { map: validated.map, index, filters: new FilterEngine(index), models: new Map() } };
  } else {
    state = { status: 'invalid', issues: validated.issues };
  }
  let inner = cache.get(schema);
  if (!inner) cache.set(schema, (inner = new WeakMap()));
  // Another element may have resolved the same map meanwhile: keep the first.
  const first = inner.get(list);
  if (first) return first;
  inner.set(list, state);
  return state;
}

/** What an element's `rows` / `columns` / `segments` attributes resolve to. */
export interface Axes {
  rows: string;
  columns: string;
  /** undefined: plain bubbles. */
  segments?: string;
}

/**
 * Resolves the layout with attribute overrides, or says what is wrong with them.
 * `segments="none"` turns segments off.
 */
export function resolveAxes(data: MapData, attrs: { rows?: string | null; columns?: string | null; segments?: string | null }): Axes | EgmIssue[] {
  const { layout } = data.map;
  const rows = attrs.rows || layout.rows;
  const columns = attrs.columns || layout.columns;
  const segAttr = attrs.segments;
  let segments = segAttr === 'none' ? undefined : segAttr || layout.segments;
  const issues: EgmIssue[] = [];
  const known = (id: string, attr: string) => {
    if (!data.index.dimension(id)) issues.push({ path: `${attr} attribute`, message: `unknown dimension "${id}"; this map has ${[...data.index.dimensions.keys()].map((d) => `"${d}"`).join(', ')}` });
  };
  known(rows, 'rows');
  known(columns, 'columns');
  if (segments) known(segments, 'segments');
  if (rows === columns) issues.push({ path: 'columns attribute', message: `rows and columns must differ (both are "${rows}")` });
  // A transposed or re-coloured map may make the layout's segments collide with an axis: drop them.
  if (segments === rows || segments === columns) segments = undefined;
  return issues.length ? issues : { rows, columns, segments };
}

/** The shared grid model for a configuration. */
export function gridModel(data: MapData, axes: Axes, collapsed: readonly string[]): GridModel {
  const key = JSON.stringify([axes.rows, axes.columns, axes.segments ?? null, [...collapsed].sort()]);
  let m = data.models.get(key);
  if (!m) {
    const options: GridOptions = { rows: axes.rows, columns: axes.columns, segments: axes.segments, collapsed };
    m = new GridModel(data.index, options, data.filters);
    if (data.models.size >= 8) data.models.delete(data.models.keys().next().value!);
    data.models.set(key, m);
  }
  return m;
}

const yearBounds = new WeakMap<MapData, { min: number; max: number } | null>();

/**
 * The earliest and latest study years of a map (null: no study has a year), found once per map
 * (the filter bar's year range; `<egm-map>` asks before its first render, in a task of its own:
 * 10–15 ms at 100,000 studies).
 */
export function studyYears(data: MapData): { min: number; max: number } | null {
  let b = yearBounds.get(data);
  if (b === undefined) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of data.index.studies) {
      if (typeof s.year === 'number' && Number.isFinite(s.year)) {
        if (s.year < min) min = s.year;
        if (s.year > max) max = s.year;
      }
    }
    b = min <= max ? { min, max } : null;
    yearBounds.set(data, b);
  }
  return b;
}
