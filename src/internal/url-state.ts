/**
 * `<egm-map url-state>`'s state in the page's URL (its hash): the browser's side of
 * core/export/state.ts; and the reader's view fitted to another map (`fitView`). Part of the code drawn after the first screen (`deferred.ts`).
 */
import { fitState, hasState, readState, writeState, type MapViewState } from '../core/export/state.js';
import { normalizeFilters } from '../core/filter.js';
import type { EgmFilters } from '../core/types.js';
import { resolveAxes, type MapData } from './map-data.js';

const hashParams = () => new URLSearchParams(location.hash.replace(/^#/, ''));

/**
 * The state of the map namespaced `ns` in the URL, if the URL carries any, less what the map
 * (`data`, drawn with the `rows` and `columns` of `attrs`: `<egm-map>`'s) does not have (see
 * `fitState`).
 */
export function stateInUrl(ns: string, data: MapData, attrs: { rows?: string | null; columns?: string | null }): MapViewState | undefined {
  const params = hashParams();
  if (!hasState(params, ns)) return undefined;
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
