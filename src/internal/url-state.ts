/**
 * `<egm-map url-state>`'s state in the page's URL (its hash): the browser's side of
 * core/export/state.ts; and the reader's view fitted to another map (`fitView`). Part of the code drawn after the first screen (`deferred.ts`).
 */
import { fitState, hasState, readState, writeState, type MapViewState } from '../core/export/state.js';
import { normalizeFilters } from '../core/filter.js';
import type { EgmFilters } from '../core/types.js';
import { resolveAxes, type MapData } from './map-data.js';

const hashParams = () => new URLSearchParams(location.hash.replace(/^#/, ''));

/** A map's state with nothing in it: writing it leaves the URL's other parameters. */
const NONE: MapViewState = { filters: { categories: {} }, selected: null, collapsed: [] };

/**
 * Where each map (by its element) started: the URL's other parameters when it first read the
 * URL, its view then, and the map it last read the URL for.
 */
const starts = new WeakMap<object, { ns: string; others: string; state: MapViewState; data: MapData }>();

/**
 * The state of the map namespaced `ns` in the URL, if the URL carries any, less what the map
 * (`data`, drawn with the `rows` and `columns` of `attrs`: `<egm-map>`'s) does not have (see
 * `fitState`). When the URL carries none, but is otherwise the URL the map started with (Back
 * to before the map's first change, say), the view it started with: its `filters` and `view`
 * then, no selected cell, no collapsed group. (Not for another map given to the element, nor
 * for a URL the page changed otherwise, an anchor followed: those keep the view they have.)
 */
export function stateInUrl(
  ns: string,
  data: MapData,
  attrs: { rows?: string | null; columns?: string | null; filters?: EgmFilters; view?: string },
): MapViewState | undefined {
  const params = hashParams();
  const others = writeState(params, ns, NONE).toString();
  const start = starts.get(attrs);
  // The same map as last time (the reader went back or forward), not another one given to the element.
  const again = start?.ns === ns && start.data === data;
  if (start?.ns === ns) start.data = data;
  else starts.set(attrs, { ns, others, data, state: { ...NONE, filters: attrs.filters ?? { categories: {} }, view: attrs.view } });
  if (!hasState(params, ns)) {
    if (!start || !again || start.others !== others) return undefined;
    // (A map that started without a view, given one since, goes back to the default one.)
    return { ...start.state, collapsed: [], view: start.state.view ?? (attrs.view ? 'bubble' : undefined) };
  }
  const axes = resolveAxes(data, attrs);
  return fitState(readState(params, ns), data.index, Array.isArray(axes) ? undefined : axes);
}

/**
 * Records `state` for the map namespaced `ns` in the URL, leaving other maps' parameters alone:
 * a history entry per change, so Back undoes it; nothing when the URL already says so.
 */
export function pushStateToUrl(ns: string, state: MapViewState): void {
  const hash = writeState(hashParams(), ns, state).toString();
  if (hash === location.hash.replace(/^#/, '')) return;
  history.pushState(history.state, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
}

/**
 * The reader's view of a map (its filters and collapsed groups) fitted to the map that replaced
 * it, as a link's state is (`fitState`): a newer version of the same map keeps it, and ids the
 * new map does not have are dropped rather than filter it to nothing. Undefined when all of it
 * still applies. (Hidden segments are left: an id the map does not have hides nothing.)
 */
export function fitView(data: MapData, filters: EgmFilters, collapsed: string[]): Pick<MapViewState, 'filters' | 'collapsed'> | undefined {
  const fit = fitState({ filters, selected: null, collapsed }, data.index);
  return fit.collapsed.length < collapsed.length || JSON.stringify(fit.filters) !== JSON.stringify(normalizeFilters(filters)) ? fit : undefined;
}
