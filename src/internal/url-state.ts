/**
 * `<egm-map url-state>`'s state in the page's URL (its hash): the browser's side of
 * core/export/state.ts. Part of the code drawn after the first screen (`deferred.ts`).
 */
import { fitState, hasState, readState, writeState, type MapViewState } from '../core/export/state.js';
import type { MapIndex } from '../core/map-index.js';

const hashParams = () => new URLSearchParams(location.hash.replace(/^#/, ''));

/**
 * The state of the map namespaced `ns` in the URL, if the URL carries any, less the ids the
 * map indexed by `index` does not have (see `fitState`).
 */
export function stateInUrl(ns: string, index: MapIndex): MapViewState | undefined {
  const params = hashParams();
  return hasState(params, ns) ? fitState(readState(params, ns), index) : undefined;
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
