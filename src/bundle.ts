/**
 * Entry of the embed bundle (`dist/egm-components.bundle.js`): the elements, events and the
 * core the elements use, with lit and d3-hierarchy inlined, for a plain `<script type="module">`.
 * Loading it registers every element (once, even if two copies load on one page).
 *
 * It exports what `egm-components` exports except the tools no element needs on a page
 * (`OFF_PAGE` below: they stay in `egm-components` and `egm-components/core`), so that a page
 * does not download them. Two parts come from chunks beside the bundle (`dist/egm-chunks/`),
 * imported from the entry's own URL:
 * - the download buttons' code (CSV, RIS, SVG, PNG), on first use;
 * - the reader of a map file (core/read-json.ts), when an `<egm-map src>` fetches one (beside
 *   the file; without it the file is parsed whole);
 * - what the elements draw after their first screen (internal/deferred.ts: the study panel's
 *   list, `<egm-study-card>`, the about text's sanitiser, the grid's printed copy, the map's URL
 *   state), once the page is idle after loading (at most IDLE_LOAD_MS later) or when an element
 *   first needs it, whichever comes first, so that a page using `<egm-study-card>` on its own
 *   gets it too (`customElements.whenDefined`).
 * `dist/egm-components.standalone.js` is the same bundle in one file, for hosts that take a
 * single file and for standalone pages.
 *
 * OFF_PAGE: studiesToCsv, studiesToRis, csvCell, mapPicture, pictureToSvg (exports: loaded by
 * the map on demand), EgmStudyCard, sanitizeHtml, readState, writeState, hasState and fitState (in the
 * chunk of what the elements draw later),
 * diffMaps, mapStats (the CLI's), synthesisGaps (the list of them, for reports and the CLI; the
 * grid marks them with synthesisGapAt), PALETTE_DESCRIPTIONS (documentation), contrastRatio and
 * luminance (for checking a theme's colours, not for drawing one), readText, readJson,
 * jsonMapParser, decodeBytes, sniffEncoding, jsonErrorMessage and jsonErrorOffset (for hosts that fetch or read a
 * map themselves: `<egm-map src>` reads its file with the chunk's).
 * test/node/package.test.mjs checks that the bundle exports exactly the rest.
 */
import { loadDeferredWhenIdle } from './internal/deferred-loader.js';
// The elements' style sheets first, one after another: rules they share (focus rings, buttons,
// hidden text) then sit within gzip's 32 KB window of each other. 0.4 KB off the gzipped
// entry, measured; nothing else changes (the sheets are constants the elements import anyway).
import './components/egm-grid/egm-grid.styles.js';
import './internal/print.styles.js';
import './components/egm-legend/egm-legend.styles.js';
import './components/egm-filter-bar/egm-filter-bar.styles.js';
import './components/egm-map/egm-map.styles.js';

export * from './core/types.js';
export { EgmValidationError, formatIssue, isEgmValidationError } from './core/errors.js';
export { parseMap, validateMap, validateMapAsync, splitMap, isHttpUrl, MAX_CATEGORY_DEPTH, type ValidationResult, type ValidateOptions } from './core/parse.js';
export { Bitset } from './core/bitset.js';
export { yieldToEventLoop, type AsyncOptions } from './core/yield.js';
export { MapIndex, createIndex, createIndexAsync, foldText, type CategoryNode, type DimensionIndex } from './core/map-index.js';
export { FilterEngine, NO_FILTERS, normalizeFilters, isEmptyFilter, queryTerms } from './core/filter.js';
export { GridModel, buildAxis, type Axis, type AxisEntry, type GridCounts, type GridOptions, type HeaderCounts, type SegmentInfo } from './core/grid.js';
export { bubbleScale, sizeKeyCounts, segmentColor, SEGMENT_PALETTE, NOT_CODED_COLOR, type BubbleScaleOptions } from './core/scale.js';
export { heatScale, heatText, HEAT_PALETTE, HEAT_TEXT, type HeatScale, type HeatStep } from './core/heat.js';
export { DARK, LIGHT, PALETTE_TOKENS, type Palette } from './core/theme.js';
export { synthesisGapAt, synthesisGapMin, SYNTHESIS_GAP_MIN, type SynthesisGap } from './core/synthesis.js';
export { suggest } from './core/suggest.js';
export { moveInGrid, findSlot, gridKey, type GridKey, type Slot } from './core/keyboard.js';
export type { MapViewState } from './core/export/state.js';
export * from './events/index.js';
export { EgmGrid, type EgmCellRef, type EgmGridView } from './components/egm-grid/egm-grid.js';
export { EgmFilterBar } from './components/egm-filter-bar/egm-filter-bar.js';
export { EgmLegend } from './components/egm-legend/egm-legend.js';
export { EgmMapElement, type EgmStudySort } from './components/egm-map/egm-map.js';
export { GridFocusController, type GridFocusOptions } from './controllers/grid-focus-controller.js';
export { registerLocale, registeredLocales, LOCALE_CHANGE, type EgmLocale } from './i18n/registry.js';
export { en as englishStrings, type EgmStrings } from './i18n/en.js';
export { LocaleController, type LocaleHost } from './controllers/locale-controller.js';

// A failed load is the elements' to handle when they need the code; here it is only early.
loadDeferredWhenIdle();
