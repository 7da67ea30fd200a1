/**
 * What the elements draw after their first screen, in one module: the study panel's list of
 * `<egm-map>` (with `<egm-study-card>`), the sanitiser of its about text (in a closed
 * `<details>`), the printed copy of `<egm-grid>`, the map's URL state (only maps with
 * `url-state` use it) and the map a page's first `<egm-map src>` draws out of sight to warm
 * the page up while its file loads. In the embed bundle it is a chunk beside the entry (`dist/egm-chunks/`):
 * the entry imports it once the page is idle, a map as soon as it needs it (a panel opens, its
 * `url-state` is set). See `deferred-loader.ts`.
 */
export { StudyList } from '../components/egm-map/study-panel.js';
export { sanitizeHtml } from './sanitize.js';
export { printView } from './print-view.js';
export { printViewStyles } from './print-view.styles.js';
export { fitView, pushStateToUrl, stateInUrl } from './url-state.js';
export { warmUp } from './warm-up.js';
