/**
 * egm-components: the public face. Importing it registers the elements (`<egm-grid>`,
 * `<egm-filter-bar>`, `<egm-study-card>`, `<egm-legend>`, `<egm-map>`), and re-exports their
 * classes, the typed events and the DOM-free core (also available alone as
 * `egm-components/core`).
 */
export * from './core/index.js';
export * from './events/index.js';
export { EgmGrid, type EgmCellRef, type EgmGridView } from './components/egm-grid/egm-grid.js';
export { EgmFilterBar } from './components/egm-filter-bar/egm-filter-bar.js';
export { EgmStudyCard } from './components/egm-study-card/egm-study-card.js';
export { EgmLegend } from './components/egm-legend/egm-legend.js';
export { EgmMapElement, type EgmStudySort } from './components/egm-map/egm-map.js';
export { GridFocusController, type GridFocusOptions } from './controllers/grid-focus-controller.js';
export { sanitizeHtml } from './internal/sanitize.js';
export { registerLocale, registeredLocales, LOCALE_CHANGE, type EgmLocale } from './i18n/registry.js';
export { en as englishStrings, type EgmStrings } from './i18n/en.js';
export { LocaleController, type LocaleHost } from './controllers/locale-controller.js';
